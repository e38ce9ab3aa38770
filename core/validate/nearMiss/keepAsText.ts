import type { Fix } from '../../diagnostics/diagnostic';
import { KEEP_AS_TEXT_FIELD } from '../../document/formatFields';
import type { FieldItem, FieldNode, ReportDocument } from '../../document/types';
import { lineBreakLength, lineStartOf, nextLineBreak } from '../../text/lineBreaks';
import { lineEndingOf } from '../../text/lineEnding';
import type { OffsetRange } from '../../text/range';
import { yamlDoubleQuoted } from './yamlDoubleQuoted';

const FRONT_MATTER_PROBLEMS: ReadonlySet<string> = new Set(['frontmatter-missing', 'frontmatter-unclosed', 'yaml-syntax', 'frontmatter-too-complex']);

/** Where a new passage goes in the front matter, and how it is written there. */
interface Insertion {
  readonly at: number;
  write(quoted: string): string;
}

/**
 * The report's `keep_as_text` list: passages of the article that look like
 * markup but are article text, so the near-miss rules leave them alone.
 * Read once per report, with the place a new passage would be added.
 */
export class KeepAsText {
  readonly field: FieldNode | undefined;
  /** The passages listed, each with the items that list it. */
  readonly passages = new Map<string, FieldItem[]>();
  private readonly insertion: Insertion | undefined;

  constructor(private readonly document: ReportDocument) {
    const frontMatter = document.frontMatter;
    this.field = frontMatter?.fields.find((field) => field.key === KEEP_AS_TEXT_FIELD);
    if (Array.isArray(this.field?.value)) {
      for (const item of this.field.items ?? []) {
        if (typeof item.value !== 'string') continue;
        const list = this.passages.get(item.value);
        if (list) list.push(item);
        else this.passages.set(item.value, [item]);
      }
    }
    this.insertion = insertionPoint(document, this.field);
  }

  has(passage: string): boolean {
    return this.passages.has(passage);
  }

  /** "Keep as article text": adds `passage` to the list (making the list when there is none). Edits only the front matter. */
  fix(passage: string): Fix | undefined {
    if (!this.insertion) return undefined;
    const { at, write } = this.insertion;
    return { title: `Keep as article text (add it to \`${KEEP_AS_TEXT_FIELD}\`)`, edits: [{ range: { start: at, end: at }, newText: write(yamlDoubleQuoted(passage)) }], preferred: false };
  }

  /** Removes one item from the list, with its line (a block list) or its comma (a flow list). */
  removeItemFix(item: FieldItem): Fix {
    const text = this.document.text;
    return { title: `Remove it from \`${KEEP_AS_TEXT_FIELD}\``, edits: [{ range: itemRemoval(text, this.field!, item.range), newText: '' }], preferred: false };
  }
}

function insertionPoint(document: ReportDocument, field: FieldNode | undefined): Insertion | undefined {
  const frontMatter = document.frontMatter;
  if (!frontMatter || !frontMatter.closed || !frontMatter.isMapping) return undefined;
  // With the YAML unreadable, where the list is (or whether it exists) is not known.
  for (const problem of document.problems) if (FRONT_MATTER_PROBLEMS.has(problem.code)) return undefined;
  const text = document.text;
  const eol = lineEndingOf(text);
  if (!field) {
    const end = frontMatter.contentRange.end;
    const before = end > frontMatter.contentRange.start && text[end - 1] !== '\n' ? eol : '';
    return { at: end, write: (quoted) => `${before}${KEEP_AS_TEXT_FIELD}:${eol}  - ${quoted}${eol}` };
  }
  if (field.value === null) return { at: field.valueRange.start, write: (quoted) => `${eol}  - ${quoted}` };
  if (!Array.isArray(field.value)) return undefined;
  const { start, end } = field.valueRange;
  if (text[start] === '[' && text[end - 1] === ']') {
    let before = end - 1;
    while (before > start && /\s/.test(text[before - 1])) before--;
    const last = text[before - 1];
    const separator = last === '[' ? '' : last === ',' ? (before < end - 1 ? '' : ' ') : ', ';
    return { at: end - 1, write: (quoted) => `${separator}${quoted}` };
  }
  const items = field.items ?? [];
  const last = items[items.length - 1];
  if (!last) return undefined;
  const lineStart = lineStartOf(text, last.range.start);
  const prefix = text.slice(lineStart, last.range.start);
  if (!/^[ \t]*-[ \t]+$/.test(prefix)) return undefined;
  const at = nextLineBreak(text, last.range.end);
  return { at, write: (quoted) => `${eol}${prefix}${quoted}` };
}

function itemRemoval(text: string, field: FieldNode, item: OffsetRange): OffsetRange {
  if (text[field.valueRange.start] !== '[') {
    const start = lineStartOf(text, item.start);
    const lineEnd = nextLineBreak(text, item.end);
    const end = lineEnd + lineBreakLength(text, lineEnd);
    return { start, end };
  }
  let after = item.end;
  while (after < field.valueRange.end && /\s/.test(text[after])) after++;
  if (text[after] === ',') {
    after++;
    while (after < field.valueRange.end && /\s/.test(text[after])) after++;
    return { start: item.start, end: after };
  }
  let before = item.start;
  while (before > field.valueRange.start && /\s/.test(text[before - 1])) before--;
  return text[before - 1] === ',' ? { start: before - 1, end: item.end } : item;
}
