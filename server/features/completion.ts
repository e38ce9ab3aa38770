import { CompletionItemKind, CompletionTriggerKind, InsertTextFormat, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver/node';
import { completionsAt, type CompletionKind, type CompletionProposal, type FrontMatterOf, type LineIndex } from '../../core';
import { markup, type ServerContext } from '../context';
import { documentLines } from '../documentLines';
import { guard, type VersionOf } from '../guard';
import { object, optional, string, textDocumentPosition, uinteger } from '../paramShapes';
import type { ReportEntry } from '../workspaceTypes';

const shape = { ...textDocumentPosition, context: optional(object({ triggerKind: uinteger, triggerCharacter: optional(string) })) };

export const COMPLETION_TRIGGERS = ['.', '#', '=', ' ', '"', ':', '{'];

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  field: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  area: CompletionItemKind.Value,
  date: CompletionItemKind.Constant,
  code: CompletionItemKind.Class,
  attribute: CompletionItemKind.Field,
  theme: CompletionItemKind.EnumMember,
  id: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
};

/** Today's date in the server's time zone, as YYYY-MM-DD. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function registerCompletion(context: ServerContext, versionOf: VersionOf): void {
  context.connection.onCompletion(guard(context.connection, 'textDocument/completion', shape, (params: CompletionParams): CompletionList | null => {
    if (spaceInProse(context, params)) return { isIncomplete: false, items: [] };
    const entry = context.workspace.report(params.textDocument.uri);
    if (!entry) return null;
    const offset = entry.lines.offset(params.position);
    const proposals = completionsAt(entry.report.document, entry.folder.codebook.codebook, offset, {
      today: today(),
      snippets: context.client.snippets,
      otherReports: () => datasetReports(context, entry),
    });
    return { isIncomplete: false, items: proposals.map((proposal) => toItem(context, entry.lines, proposal)) };
  }, versionOf));
}

/**
 * The other reports of the report's folder that are in its dataset (what
 * `findings export` sees), open ones with their edits: what free-text fields
 * such as `annotator` are completed from. Reports a `.findingsignore` lists
 * (broken examples, drafts kept aside) lend no values.
 */
function* datasetReports(context: ServerContext, entry: ReportEntry): Generator<FrontMatterOf> {
  const folder = entry.folder;
  for (const other of context.workspace.reports(folder)) {
    if (other.uri === entry.uri) continue;
    const path = context.workspace.relativeToFolder(folder, other.uri);
    if (path !== undefined && folder.inDataset(path)) yield other.report.facts;
  }
}

/**
 * A space typed in running text: nothing to offer, and no need to analyse
 * the document (which for a long report costs more than a keystroke should).
 * Completion after a space only matters in an attribute block (` key=`),
 * after a front-matter key or list dash, or after a comma in a flow list.
 */
function spaceInProse(context: ServerContext, params: CompletionParams): boolean {
  if (params.context?.triggerKind !== CompletionTriggerKind.TriggerCharacter || params.context.triggerCharacter !== ' ') return false;
  const document = context.workspace.openDocument(params.textDocument.uri);
  if (!document) return false;
  const lines = documentLines(document);
  const offset = lines.offset(params.position);
  const before = document.getText().slice(lines.lineStart(lines.position(offset).line), offset);
  if (before.lastIndexOf(']{') > before.lastIndexOf('}')) return false;
  // After `key:` or a list dash, or after a comma in a flow list (`partners: [a, `): a value comes next.
  return !/^\s*(?:[A-Za-z_][\w-]*\s*:|-)\s*$/.test(before) && !/^\s*[A-Za-z_][\w-]*\s*:\s*\[[^\]]*,\s*$/.test(before);
}

function toItem(context: ServerContext, lines: LineIndex, proposal: CompletionProposal): CompletionItem {
  const item: CompletionItem = {
    label: proposal.label,
    kind: KINDS[proposal.kind],
    textEdit: { range: lines.range(proposal.range), newText: proposal.insertText },
    insertTextFormat: proposal.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (proposal.detail !== undefined) item.detail = proposal.detail;
  if (proposal.documentation !== undefined) item.documentation = markup(context, proposal.documentation);
  if (proposal.filterText !== undefined) item.filterText = proposal.filterText;
  if (proposal.sortText !== undefined) item.sortText = proposal.sortText;
  if (proposal.preselect) item.preselect = true;
  if (proposal.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return item;
}
