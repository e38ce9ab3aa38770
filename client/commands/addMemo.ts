// "Add Memo to Passage…": set, change or remove the memo of the tagged
// passage at the cursor. The server finds the passage and its memo
// (`findings/memoAt`) and writes the attribute, quoted and escaped
// (`findings/memoEdit`); the client only prompts and applies the edit.
//
// Arguments `(uri?, passage?, memo?)` let the coded reader and tests name
// the report (a URI string) and the passage (its index), and give the memo
// (then no prompt; '' removes it). From the editor's context menu the first
// argument is the document's Uri.
import * as vscode from 'vscode';
import { LSPErrorCodes } from 'vscode-languageclient/node';
import { Commands, MemoAtRequest, MemoEditRequest, PassagesRequest, type MemoAtResult, type MemoEditResult } from '../../protocol';
import type { FindingsServer } from '../languageClient';
import { isReport } from '../settings';

const NO_PASSAGE = 'Put the cursor in a tagged passage to add a memo.';
const CHANGED_MEANWHILE = 'The report changed while the memo was being written: nothing was written. Run "Add Memo to Passage…" again.';

export function registerAddMemo(server: FindingsServer): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.addMemo, (uri?: unknown, passage?: unknown, memo?: unknown) => addMemo(server, uri, passage, memo));
}

/** Runs the command; resolves to true when the report was edited. */
export async function addMemo(server: FindingsServer, uriArgument: unknown, passageArgument: unknown, memoArgument: unknown): Promise<boolean> {
  const document = await reportOf(uriArgument);
  if (!document) {
    void vscode.window.showWarningMessage('Memos go on passages of an inspection report (a *.report.md file): open one and put the cursor in a tagged passage.');
    return false;
  }
  const version = document.version;
  const uri = document.uri.toString();
  let found: MemoAtResult | null;
  try {
    found = await passageFor(server, document, passageArgument);
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not read the passage from the findings language server (${messageOf(error)}).`);
    return false;
  }
  if (!found) {
    void vscode.window.showInformationMessage(NO_PASSAGE);
    return false;
  }
  const memo = typeof memoArgument === 'string' ? memoArgument : await promptForMemo(found);
  if (memo === undefined) return false;
  if (document.version !== version || document.isClosed) {
    void vscode.window.showWarningMessage(CHANGED_MEANWHILE);
    return false;
  }

  let result: MemoEditResult | null;
  try {
    result = await server.request(MemoEditRequest, { textDocument: { uri, version }, passage: found.passage, memo });
  } catch (error) {
    if ((error as { code?: unknown }).code === LSPErrorCodes.ContentModified) void vscode.window.showWarningMessage(CHANGED_MEANWHILE);
    else void vscode.window.showErrorMessage(`Could not write the memo: ${messageOf(error)}`);
    return false;
  }
  if (!result) {
    void vscode.window.showInformationMessage(NO_PASSAGE);
    return false;
  }
  if (result.edits.length === 0) return false;
  if (document.version !== version || document.isClosed) {
    void vscode.window.showWarningMessage(CHANGED_MEANWHILE);
    return false;
  }
  // One WorkspaceEdit: one undo step, whether or not the report is in the active editor.
  const edit = new vscode.WorkspaceEdit();
  for (const change of result.edits) edit.replace(document.uri, asRange(change.range), change.newText);
  return vscode.workspace.applyEdit(edit);
}

/** The report named by the argument (a URI string or Uri), or the active editor's. */
async function reportOf(uriArgument: unknown): Promise<vscode.TextDocument | undefined> {
  const uri = uriArgument instanceof vscode.Uri ? uriArgument : typeof uriArgument === 'string' && uriArgument !== '' ? vscode.Uri.parse(uriArgument) : undefined;
  if (!uri) {
    const active = vscode.window.activeTextEditor?.document;
    return isReport(active) ? active : undefined;
  }
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  const document = open ?? (await vscode.workspace.openTextDocument(uri).then((opened) => opened, () => undefined));
  return isReport(document) ? document : undefined;
}

/**
 * The passage given by its index, or else the innermost one at the cursor of
 * the report's editor (the active one first): its memo, codes and excerpt.
 */
async function passageFor(server: FindingsServer, document: vscode.TextDocument, passageArgument: unknown): Promise<MemoAtResult | null> {
  const uri = document.uri.toString();
  if (typeof passageArgument === 'number' && Number.isInteger(passageArgument) && passageArgument >= 0) {
    const passages = await server.request(PassagesRequest, { uri });
    const passage = passages?.passages[passageArgument];
    // At its `[` no passage nested in it starts yet: the one found there is this one.
    return passage ? server.request(MemoAtRequest, { uri, position: passage.source.span.start }) : null;
  }
  const editor = vscode.window.activeTextEditor?.document === document ? vscode.window.activeTextEditor : vscode.window.visibleTextEditors.find((visible) => visible.document === document);
  if (!editor) return null;
  return server.request(MemoAtRequest, { uri, position: editor.selection.active });
}

/** The memo typed, prefilled with the current one; undefined when the prompt is dismissed. */
function promptForMemo(found: MemoAtResult): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: `Memo on ${found.codes.map((code) => `.${code}`).join(' ') || 'the passage'}: “${found.excerpt}”`,
    value: found.memo,
    prompt: found.memo === '' ? 'A note on this passage: why it was coded so, a question for the team.' : 'Edit the memo; leave it empty to remove it.',
    placeHolder: 'Why it was coded so, a question for the team…',
    ignoreFocusOut: true,
  });
}

function asRange(range: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
