// "Tag Selection…" and "Tag as Strength/Weakness/WSOA/Quote": wrap every
// selection of the active report in `[`…`]{.code theme=…}`.
//
// The client only asks: the codes from a quick pick of the codebook's codes
// (one, or several ticked for one span `{.weakness .quote}`; or from the
// command), the themes from a quick pick when one of the codes has an
// attribute that holds themes. The server computes the edit (`findings/tag`):
// which selections can be tagged and the markup, with snippet placeholders
// for the required attributes left without a value, so Tab walks through
// them. Tests and keybindings can skip the pickers with arguments:
// `{ code?: string, codes?: string[], themes?: string[], attributes?: { name: value } }`.
import * as vscode from 'vscode';
import { LSPErrorCodes } from 'vscode-languageclient/node';
import { CodebookRequest, Commands, TagRequest, type CodebookSummary, type TagEdit, type TagResult } from '../../protocol';
import type { FindingsServer } from '../languageClient';
import { isReport } from '../settings';
import { pickCodes, pickThemes } from './tagPickers';

export interface TagArguments {
  /** The code to tag with; skips the code picker. */
  readonly code?: string;
  /** Several codes for one span, in order; skips the code picker (`code` is then ignored). */
  readonly codes?: readonly string[];
  /** The themes; skips the theme picker (an empty list: no theme). */
  readonly themes?: readonly string[];
  /** Values for other attributes, e.g. `{ speaker: 'one parent' }`. */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** The commands with a fixed code (no code picker). */
export const TAG_AS_COMMANDS: ReadonlyArray<{ readonly command: string; readonly code: string }> = [
  { command: Commands.tagAsStrength, code: 'strength' },
  { command: Commands.tagAsWeakness, code: 'weakness' },
  { command: Commands.tagAsWsoa, code: 'wsoa' },
  { command: Commands.tagAsQuote, code: 'quote' },
];

type Code = CodebookSummary['codes'][number];

const CHANGED_MEANWHILE = 'The report changed while the tag was being chosen: nothing was tagged. Select the passage again.';

export function registerTagCommands(server: FindingsServer): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.tagSelection, (args?: unknown) => tagSelection(server, undefined, args)),
    ...TAG_AS_COMMANDS.map(({ command, code }) => vscode.commands.registerCommand(command, (args?: unknown) => tagSelection(server, code, args))),
  );
}

/** Runs the command; resolves to true when the document was edited. */
export async function tagSelection(server: FindingsServer, fixedCode: string | undefined, rawArgs: unknown): Promise<boolean> {
  const args = readArguments(rawArgs);
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isReport(editor.document)) {
    void vscode.window.showWarningMessage('Tagging works in an inspection report (a *.report.md file): open one and select the passage to tag.');
    return false;
  }
  const document = editor.document;
  const version = document.version;
  const selections = editor.selections.filter((selection) => document.getText(selection).trim() !== '');
  if (selections.length === 0) {
    void vscode.window.showInformationMessage('Nothing to tag: select the passage of the article to tag first.');
    return false;
  }

  let codebook: CodebookSummary;
  try {
    codebook = await server.request(CodebookRequest, { uri: document.uri.toString() });
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not read the codebook from the findings language server (${messageOf(error)}). Try "Findings: Restart Language Server".`);
    return false;
  }
  const codeNames = args.codes ?? (args.code !== undefined ? [args.code] : fixedCode !== undefined ? [fixedCode] : await pickCodes(codebook));
  if (codeNames === undefined || codeNames.length === 0) return false;
  const unknown = codeNames.filter((name) => !codebook.codes.some((c) => c.name === name));
  if (unknown.length > 0) {
    void vscode.window.showErrorMessage(`The codebook (${codebook.name}) defines no code ${unknown.map((name) => `\`${name}\``).join(', ')}.`);
    return false;
  }
  const codes = codeNames.map((name) => codebook.codes.find((c) => c.name === name)!);
  // Which attribute holds the themes is the codebook's to say (`values: themes`); on a span with several codes an attribute is its first code's that takes it.
  const owners = new Map<string, { code: Code; attribute: Code['attributes'][number] }>();
  for (const code of codes) for (const attribute of code.attributes) if (!owners.has(attribute.name)) owners.set(attribute.name, { code, attribute });
  const themeHolder = [...owners.values()].find(({ attribute }) => attribute.holdsThemes);
  let themes: readonly string[] = [];
  if (themeHolder) {
    const picked = args.themes ?? (await pickThemes(codebook, themeHolder.code, themeHolder.attribute));
    if (picked === undefined) return false;
    themes = picked;
  }
  if (document.version !== version || document.isClosed) {
    void vscode.window.showWarningMessage(CHANGED_MEANWHILE);
    return false;
  }

  let result: TagResult;
  try {
    result = await server.request(TagRequest, {
      textDocument: { uri: document.uri.toString(), version },
      selections: selections.map((selection) => ({ start: selection.start, end: selection.end })),
      codes: codes.map((code) => code.name),
      themes,
      attributes: args.attributes ?? {},
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === LSPErrorCodes.ContentModified) void vscode.window.showWarningMessage(CHANGED_MEANWHILE);
    else void vscode.window.showErrorMessage(`Could not tag the selection: ${messageOf(error)}`);
    return false;
  }
  // Blank selections were never counted as selections.
  const refused = result.refused.filter((refusal) => refusal.reason !== 'empty');
  const counted = selections.length - (result.refused.length - refused.length);
  if (result.edits.length === 0) {
    void vscode.window.showWarningMessage(counted === 1
      ? `This selection cannot be tagged. ${refused[0]?.message ?? ''} Select text in the article (below the front matter) that does not cut through an existing span.`
      : 'None of the selections can be tagged: select text in the article (below the front matter) that does not cut through an existing span.');
    return false;
  }
  if (document.version !== version || document.isClosed) {
    void vscode.window.showWarningMessage(CHANGED_MEANWHILE);
    return false;
  }

  let edited: boolean;
  try {
    edited = await applyTagEdits(editor, result.edits);
  } catch {
    // The editor was closed or replaced while the tag was being chosen.
    void vscode.window.showWarningMessage('The report is no longer in an open editor: nothing was tagged.');
    return false;
  }
  if (edited && refused.length > 0) {
    void vscode.window.showWarningMessage(`${refused.length} of ${counted} selections were not tagged: ${[...new Set(refused.map((refusal) => refusal.message))].join(' ')}`);
  }
  return edited;
}

/**
 * Applies the server's edit as one undo step. With placeholders, the plain
 * insertions go first and the closing snippet is then inserted at every
 * passage at once, so that the placeholders of all selections are edited together.
 */
async function applyTagEdits(editor: vscode.TextEditor, edits: readonly TagEdit[]): Promise<boolean> {
  const snippet = edits.find((edit) => edit.snippet !== undefined)?.snippet;
  const sameSnippet = snippet !== undefined && edits.every((edit) => edit.snippet === undefined || edit.snippet === snippet);
  if (!sameSnippet) {
    return editor.edit((builder) => {
      for (const edit of edits) builder.insert(asPosition(edit.range.start), edit.newText);
    });
  }
  const document = editor.document;
  // Where each snippet lands once the plain insertions before it are made.
  const targets: number[] = [];
  let shift = 0;
  for (const edit of edits) {
    const offset = document.offsetAt(asPosition(edit.range.start));
    if (edit.snippet === undefined) shift += edit.newText.length;
    else targets.push(offset + shift);
  }
  const inserted = await editor.edit((builder) => {
    for (const edit of edits) if (edit.snippet === undefined) builder.insert(asPosition(edit.range.start), edit.newText);
  }, { undoStopBefore: true, undoStopAfter: false });
  if (!inserted) return false;
  const positions = targets.map((offset) => document.positionAt(offset));
  return editor.insertSnippet(new vscode.SnippetString(snippet), positions, { undoStopBefore: false, undoStopAfter: true, keepWhitespace: true });
}

function asPosition(position: { line: number; character: number }): vscode.Position {
  return new vscode.Position(position.line, position.character);
}

function readArguments(value: unknown): TagArguments {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  // A command invoked from the editor's context menu gets the document's URI: not arguments.
  if (value instanceof vscode.Uri) return {};
  const raw = value as Record<string, unknown>;
  const codeName = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim().replace(/^\./, '') : undefined);
  const code = codeName(raw.code);
  const codes = Array.isArray(raw.codes) ? raw.codes.map(codeName).filter((name): name is string => name !== undefined) : undefined;
  const themes = Array.isArray(raw.themes) ? raw.themes.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim())
    : typeof raw.themes === 'string' ? raw.themes.split(/\s+/).filter(Boolean) : undefined;
  const attributes: Record<string, string> = {};
  if (typeof raw.attributes === 'object' && raw.attributes !== null) {
    for (const [key, val] of Object.entries(raw.attributes as Record<string, unknown>)) if (typeof val === 'string') attributes[key] = val;
  }
  return { code, codes: codes && codes.length > 0 ? codes : undefined, themes, attributes };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
