// The Memos view's tree as plain data: reports in the server's (path) order,
// each with its report memo first, then its passages' memos in document
// order; and how a memo reads in the tree (label, description, tooltip).
// Pure (no vscode), tested on its own.
import type { MemoEntry } from '../../protocol/memos';
import { escape } from '../../core/language/describe';
import { shorten } from '../../core/language/spanText';

export interface ReportMemos {
  readonly uri: string;
  readonly path: string;
  /** The report's own memo first, then its passages' memos. */
  readonly memos: readonly MemoEntry[];
}

/** Characters of a memo's first line shown as a label, and of an excerpt in a description. */
const LABEL_LENGTH = 80;
const EXCERPT_LENGTH = 60;

/** Groups memos by report, keeping the order in which the reports come. */
export function memosByReport(entries: readonly MemoEntry[]): ReportMemos[] {
  const reports = new Map<string, { path: string; report: MemoEntry[]; passages: MemoEntry[] }>();
  for (const entry of entries) {
    let group = reports.get(entry.uri);
    if (!group) {
      group = { path: entry.path, report: [], passages: [] };
      reports.set(entry.uri, group);
    }
    (entry.kind === 'report' ? group.report : group.passages).push(entry);
  }
  return [...reports].map(([uri, group]) => ({ uri, path: group.path, memos: [...group.report, ...group.passages] }));
}

/** A memo's label: its first line that is not blank, shortened. */
export function memoLabel(entry: MemoEntry): string {
  const first = entry.memo.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  return shorten(first.trim(), LABEL_LENGTH) || '(empty memo)';
}

/** What follows the label: `weakness, quote · "the passage…"`, or `report memo`. */
export function memoDescription(entry: MemoEntry): string {
  if (entry.kind === 'report') return 'report memo';
  const excerpt = `“${shorten(entry.excerpt.replace(/\s+/g, ' ').trim(), EXCERPT_LENGTH)}”`;
  return entry.codes.length > 0 ? `${entry.codes.join(', ')} · ${excerpt}` : excerpt;
}

/** The tooltip, as Markdown: the codes, the themes, the passage, then the whole memo. */
export function memoTooltip(entry: MemoEntry): string {
  const lines: string[] = [];
  if (entry.kind === 'report') {
    lines.push(`**Report memo** · ${escape(entry.path)}`);
  } else {
    lines.push(`**${entry.codes.length > 0 ? entry.codes.map((code) => `\`.${code}\``).join(' ') : 'Passage'}**${entry.themes.length > 0 ? ` · themes: ${entry.themes.map(escape).join(', ')}` : ''}`);
    lines.push('', quoted(entry.excerpt));
  }
  lines.push('', '---', '', ...entry.memo.split(/\r\n|\r|\n/).map((line) => escapeLine(line) + '  '));
  return lines.join('\n');
}

/** Text as a Markdown block quote. */
function quoted(text: string): string {
  return text.split(/\r\n|\r|\n/).map((line) => `> ${escapeLine(line)}`).join('\n');
}

/** A line of plain text in Markdown: its special characters escaped, and a leading list or heading marker too. */
function escapeLine(line: string): string {
  return escape(line).replace(/^(\s*)([-+=~])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
