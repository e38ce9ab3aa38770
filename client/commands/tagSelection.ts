// "Tag Selection…" and "Tag as Strength/Weakness/WSOA/Quote": wrap every
// selection of the active report in `[`…`]{.code theme=…}`.
//
// The code comes from a quick pick of the codebook's codes (or from the
// command), the themes from a multi-select quick pick when the code takes a
// `theme` attribute. Required attributes left without a value become snippet
// placeholders, so Tab walks through them. Tests and keybindings can skip the
// pickers with arguments: `{ code?: string, themes?: string[], attributes?: { name: value } }`.
//
// A selection is tagged only where the server's "Tag selection as <code>"
// code action is offered for it: in the article text, and not cutting through
// existing markup.
import * as vscode from 'vscode';
import { CodebookRequest, type CodebookParams, type CodebookSummary } from '../../protocol/requests';
import type { FindingsServer } from '../languageClient';
import { isReport } from '../settings';

type Code = CodebookSummary['codes'][number];
type Attribute = Code['attributes'][number];

export interface TagArguments {
  /** The code to tag with; skips the code picker. */
  readonly code?: string;
  /** The themes; skips the theme picker (an empty list: no theme). */
  readonly themes?: readonly string[];
  /** Values for other attributes, e.g. `{ speaker: 'one parent' }`. */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** The commands with a fixed code (no code picker). */
export const TAG_AS_COMMANDS: ReadonlyArray<{ readonly command: string; readonly code: string }> = [
  { command: 'findings.tagAsStrength', code: 'strength' },
  { command: 'findings.tagAsWeakness', code: 'weakness' },
  { command: 'findings.tagAsWsoa', code: 'wsoa' },
  { command: 'findings.tagAsQuote', code: 'quote' },
];

const TAG_ACTION_KIND = 'refactor.rewrite.findings.tag';
const THEME_ATTRIBUTE = 'theme';

export function registerTagCommands(server: FindingsServer): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('findings.tagSelection', (args?: unknown) => tagSelection(server, undefined, args)),
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
  const selections = trimmedSelections(document, editor.selections);
  if (selections.length === 0) {
    void vscode.window.showInformationMessage('Nothing to tag: select the passage of the article to tag first.');
    return false;
  }

  let codebook: CodebookSummary;
  try {
    codebook = await server.request<CodebookSummary>(CodebookRequest, { uri: document.uri.toString() } satisfies CodebookParams);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`Could not read the codebook from the findings language server (${message}). Try "Findings: Restart Language Server".`);
    return false;
  }
  const codeName = args.code ?? fixedCode ?? (await pickCode(codebook));
  if (codeName === undefined) return false;
  const code = codebook.codes.find((c) => c.name === codeName);
  if (!code) {
    void vscode.window.showErrorMessage(`The codebook (${codebook.name}) defines no code \`${codeName}\`.`);
    return false;
  }

  const themeAttribute = code.attributes.find((a) => a.name === THEME_ATTRIBUTE);
  let themes: readonly string[] = [];
  if (themeAttribute) {
    const picked = args.themes ?? (await pickThemes(codebook, code, themeAttribute));
    if (picked === undefined) return false;
    themes = picked;
  }

  // Only the selections the server would tag (body text, no partial markup).
  const accepted: vscode.Range[] = [];
  for (const range of selections) {
    if (accepted.some((other) => other.start.isBefore(range.end) && range.start.isBefore(other.end))) continue;
    if (await serverOffersTag(document, range, code.name)) accepted.push(range);
  }
  if (accepted.length === 0) {
    void vscode.window.showWarningMessage(selections.length === 1
      ? 'This selection cannot be tagged: select text in the article (below the front matter) that does not cut through an existing span.'
      : 'None of the selections can be tagged: select text in the article (below the front matter) that does not cut through an existing span.');
    return false;
  }
  if (document.version !== version || document.isClosed) {
    void vscode.window.showWarningMessage('The report changed while the tag was being chosen: nothing was tagged. Select the passage again.');
    return false;
  }

  const closing = closingMarkup(code, themeAttribute, themes, args.attributes ?? {});
  accepted.sort((a, b) => a.start.compareTo(b.start));
  let edited: boolean;
  try {
    edited = closing.placeholders
      ? await insertWithSnippet(editor, accepted, closing.snippet)
      : await editor.edit((builder) => {
        for (const range of accepted) {
          builder.insert(range.start, '[');
          builder.insert(range.end, closing.text);
        }
      });
  } catch {
    // The editor was closed or replaced while the tag was being chosen.
    void vscode.window.showWarningMessage('The report is no longer in an open editor: nothing was tagged.');
    return false;
  }
  if (edited && accepted.length < selections.length) {
    const skipped = selections.length - accepted.length;
    void vscode.window.showWarningMessage(`${skipped} of ${selections.length} selections were not tagged: they are in the front matter or cut through an existing span.`);
  }
  return edited;
}

function readArguments(value: unknown): TagArguments {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  // A command invoked from the editor's context menu gets the document's URI: not arguments.
  if (value instanceof vscode.Uri) return {};
  const raw = value as Record<string, unknown>;
  const code = typeof raw.code === 'string' && raw.code.trim() !== '' ? raw.code.trim().replace(/^\./, '') : undefined;
  const themes = Array.isArray(raw.themes) ? raw.themes.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim())
    : typeof raw.themes === 'string' ? raw.themes.split(/\s+/).filter(Boolean) : undefined;
  const attributes: Record<string, string> = {};
  if (typeof raw.attributes === 'object' && raw.attributes !== null) {
    for (const [key, val] of Object.entries(raw.attributes as Record<string, unknown>)) if (typeof val === 'string') attributes[key] = val;
  }
  return { code, themes, attributes };
}

/** The non-empty selections without surrounding white space (the server trims the same way). */
function trimmedSelections(document: vscode.TextDocument, selections: readonly vscode.Selection[]): vscode.Range[] {
  const ranges: vscode.Range[] = [];
  for (const selection of selections) {
    if (selection.isEmpty) continue;
    const text = document.getText(selection);
    const lead = text.length - text.trimStart().length;
    const trail = text.length - text.trimEnd().length;
    if (lead === text.length) continue;
    const start = document.positionAt(document.offsetAt(selection.start) + lead);
    const end = document.positionAt(document.offsetAt(selection.end) - trail);
    ranges.push(new vscode.Range(start, end));
  }
  return ranges;
}

async function serverOffersTag(document: vscode.TextDocument, range: vscode.Range, code: string): Promise<boolean> {
  const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
    'vscode.executeCodeActionProvider', document.uri, range, TAG_ACTION_KIND,
  );
  return (actions ?? []).some((action) => action.title === `Tag selection as ${code}`);
}

async function pickCode(codebook: CodebookSummary): Promise<string | undefined> {
  const items = codebook.codes.map((code): vscode.QuickPickItem & { code: string } => ({
    label: code.name,
    description: code.label,
    detail: code.description,
    code: code.name,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Tag Selection',
    placeHolder: `Code to tag the selection with (codebook ${codebook.name} ${codebook.version})`,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.code;
}

/** The themes picked (possibly none); undefined when the picker was dismissed. */
async function pickThemes(codebook: CodebookSummary, code: Code, attribute: Attribute): Promise<readonly string[] | undefined> {
  const allowed = attribute.values ?? codebook.themes.map((t) => t.name);
  const items = allowed.map((name): vscode.QuickPickItem & { theme: string } => {
    const theme = codebook.themes.find((t) => t.name === name);
    return { label: name, description: theme?.label, detail: theme?.definition, theme: name };
  });
  const need = attribute.required ? 'required' : 'optional';
  if (attribute.multiple) {
    const picked = await vscode.window.showQuickPick(items, {
      title: `Themes of the ${code.name} span (${need})`,
      placeHolder: 'Tick one or more themes, then press Enter',
      canPickMany: true,
      matchOnDescription: true,
      matchOnDetail: true,
    });
    return picked?.map((item) => item.theme);
  }
  const none: vscode.QuickPickItem & { theme: string } = { label: '(no theme)', theme: '' };
  const picked = await vscode.window.showQuickPick(attribute.required ? items : [...items, none], {
    title: `Theme of the ${code.name} span (${need})`,
    placeHolder: 'Pick a theme',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return undefined;
  return picked.theme === '' ? [] : [picked.theme];
}

type Part = { readonly text: string } | { readonly placeholder: Attribute };

/**
 * `]{.code theme=… key=value}`: as plain text, and as a snippet in which the
 * required attributes without a value are placeholders (a choice when their
 * values are listed).
 */
function closingMarkup(code: Code, themeAttribute: Attribute | undefined, themes: readonly string[], values: Readonly<Record<string, string>>): { text: string; snippet: vscode.SnippetString; placeholders: boolean } {
  const parts: Part[] = [{ text: `]{.${code.name}` }];
  if (themeAttribute && themes.length > 0) parts.push({ text: ` ${THEME_ATTRIBUTE}=${attributeValue(themes.join(' '))}` });
  else if (themeAttribute?.required) parts.push({ text: ` ${THEME_ATTRIBUTE}=` }, { placeholder: themeAttribute });
  for (const attribute of code.attributes) {
    if (attribute.name === THEME_ATTRIBUTE) continue;
    const value = values[attribute.name];
    if (value !== undefined) parts.push({ text: ` ${attribute.name}=${attributeValue(value)}` });
    else if (attribute.required) parts.push({ text: ` ${attribute.name}=` }, { placeholder: attribute });
  }
  // Values for attributes the code does not define are written too: the diagnostics will say so.
  for (const [name, value] of Object.entries(values)) {
    if (name === THEME_ATTRIBUTE || code.attributes.some((a) => a.name === name)) continue;
    parts.push({ text: ` ${name}=${attributeValue(value)}` });
  }
  parts.push({ text: '}' });

  const snippet = new vscode.SnippetString();
  let text = '';
  let placeholders = false;
  for (const part of parts) {
    if ('text' in part) {
      snippet.appendText(part.text);
      text += part.text;
    } else if (part.placeholder.values && part.placeholder.values.length > 0) {
      snippet.appendChoice([...part.placeholder.values]);
      placeholders = true;
    } else {
      // Free text, usually with spaces: inside quotes.
      snippet.appendText('"').appendPlaceholder('').appendText('"');
      text += '""';
      placeholders = true;
    }
  }
  if (placeholders) snippet.appendTabstop(0);
  return { text, snippet, placeholders };
}

/** A bare value when it can be, else double-quoted with `\"` and `\\`. */
export function attributeValue(value: string): string {
  const oneLine = value.replace(/[\r\n]+/g, ' ');
  return /^[^\s"'{}\\=]+$/.test(oneLine) ? oneLine : `"${oneLine.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * Inserts `[` at each start, then the closing snippet at each end (one undo
 * step): the placeholders of all selections are edited together.
 */
async function insertWithSnippet(editor: vscode.TextEditor, ranges: readonly vscode.Range[], snippet: vscode.SnippetString): Promise<boolean> {
  const document = editor.document;
  const ends = ranges.map((range, i) => document.offsetAt(range.end) + i + 1);
  const opened = await editor.edit((builder) => {
    for (const range of ranges) builder.insert(range.start, '[');
  }, { undoStopBefore: true, undoStopAfter: false });
  if (!opened) return false;
  const positions = ends.map((offset) => document.positionAt(offset));
  return editor.insertSnippet(snippet, positions, { undoStopBefore: false, undoStopAfter: true, keepWhitespace: true });
}
