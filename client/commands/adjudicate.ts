// "Findings: Adjudicate Annotators' Copies…": the reference report of the
// current report's article. The server makes its text from the annotators'
// copies (`findings/adjudicate`); the client creates the file beside the
// first copy, or puts the text in place of an existing reference's as one
// undoable edit, and opens it. Its candidates are then settled with code
// actions, one after the other with "Go to Next Disagreement".
import * as vscode from 'vscode';
import { AdjudicateRequest, Commands, type AdjudicateResult } from '../../protocol';
import type { FindingsServer } from '../languageClient';
import { isReport } from '../settings';

export function registerAdjudicate(server: FindingsServer): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.adjudicate, (uri?: unknown) => adjudicate(server, uri instanceof vscode.Uri ? uri : undefined));
}

/** Runs the command on a report (default: the active editor's); resolves to the reference report's URI, or undefined when none was written. */
export async function adjudicate(server: FindingsServer, target: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const document = target ? await vscode.workspace.openTextDocument(target) : vscode.window.activeTextEditor?.document;
  if (!isReport(document)) {
    void vscode.window.showWarningMessage('Adjudication works on an inspection report (a *.report.md file): open one of the annotators\' copies of the article.');
    return undefined;
  }
  let result: AdjudicateResult | null;
  try {
    result = await server.request(AdjudicateRequest, { uri: document.uri.toString() });
  } catch (error) {
    void vscode.window.showErrorMessage(`The findings language server could not adjudicate the article (${error instanceof Error ? error.message : String(error)}). Try "Findings: Restart Language Server".`);
    return undefined;
  }
  if (!result) {
    void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(document.uri)} is not a report the findings language server knows.`);
    return undefined;
  }
  if (result.kind === 'refused') {
    void vscode.window.showWarningMessage(result.message);
    return undefined;
  }
  const uri = vscode.Uri.parse(result.uri);
  const written = result.created ? await create(uri, result.text) : await replace(uri, result.text);
  if (!written) {
    void vscode.window.showErrorMessage(`Could not write the reference report ${vscode.workspace.asRelativePath(uri)}.`);
    return undefined;
  }
  await vscode.window.showTextDocument(written);
  void vscode.window.showInformationMessage(summary(result, uri.path.slice(uri.path.lastIndexOf('/') + 1)));
  return uri;
}

/** A new file with the text, saved so that the reference exists on disk as the copies do. */
async function create(uri: vscode.Uri, text: string): Promise<vscode.TextDocument | undefined> {
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { ignoreIfExists: false });
  edit.insert(uri, new vscode.Position(0, 0), text);
  if (!(await vscode.workspace.applyEdit(edit))) return undefined;
  const document = await vscode.workspace.openTextDocument(uri);
  await document.save();
  return document;
}

/** The existing reference's text replaced in one edit (so one undo restores it), left for the adjudicator to save. */
async function replace(uri: vscode.Uri, text: string): Promise<vscode.TextDocument | undefined> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText() === text) return document;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  return (await vscode.workspace.applyEdit(edit)) ? document : undefined;
}

function summary(result: Extract<AdjudicateResult, { kind: 'reference' }>, name: string): string {
  const agreed = count(result.agreed, 'agreed passage');
  const candidates = `${count(result.candidates, 'disagreement')} to settle`;
  const unplaced = result.unplaced > 0 ? ` ${count(result.unplaced, 'agreed passage')} could not be added: ${result.unplaced === 1 ? 'it would cut' : 'they would cut'} through spans of the reference.` : '';
  return result.created ? `${agreed}, ${candidates} in ${name}.` : `Brought ${name} up to date: ${agreed} added, ${candidates}.${unplaced}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
