// Tagging passages of a report: where a selection can be tagged, and the
// markup that tags it, `[` … `]{.code theme=… key=value}` (or with several
// codes, `{.weakness .quote …}`). One definition for every front end (the
// editor's tagging commands, a reader view): they pick the codes and the
// themes, this computes the insertions.
//
// The article text is sacred: a tag only inserts markup, and an insertion
// that would change the clean text (brackets in the passage pairing with the
// new markup) is refused rather than made.
import { spansAtOffset } from '../spans/spansAtOffset';
import type { AttributeDefinition, CodeDefinition, Codebook } from '../codebook/types';
import { parseReport } from '../document/parseReport';
import type { ReportDocument } from '../document/types';
import type { OffsetRange } from '../text/range';

export type TagRefusalReason = 'empty' | 'outsideBody' | 'crossesMarkup' | 'overlaps' | 'changesText';

const REFUSAL_MESSAGES: Record<TagRefusalReason, string> = {
  empty: 'Nothing but white space is selected.',
  outsideBody: 'The selection is not in the article text (below the front matter).',
  crossesMarkup: 'The selection cuts through an existing span.',
  overlaps: 'The selection overlaps another selection.',
  changesText: 'Tagging the selection would change the article text: brackets in it would pair with the new markup.',
};

export function tagRefusalMessage(reason: TagRefusalReason): string {
  return REFUSAL_MESSAGES[reason];
}

/** Where a selection can be tagged: the selection without surrounding white space, or why it cannot be. */
export function taggableRange(document: ReportDocument, selection: OffsetRange): { readonly range: OffsetRange } | { readonly refused: TagRefusalReason } {
  const range = trimSelection(document.text, selection);
  if (!range) return { refused: 'empty' };
  if (range.start < document.bodyStart) return { refused: 'outsideBody' };
  // A span the passage crosses holds one of its ends (a span apart from it or inside it holds neither):
  // only the spans around its first and last characters need a look, not every span of the report.
  for (const span of [...spansAtOffset(document, range.start), ...spansAtOffset(document, range.end - 1)]) {
    const disjoint = range.end <= span.range.start || range.start >= span.range.end;
    const around = range.start <= span.range.start && range.end >= span.range.end;
    const within = range.start >= span.textRange.start && range.end <= span.textRange.end;
    if (!disjoint && !around && !within) return { refused: 'crossesMarkup' };
  }
  return { range };
}

/** As `taggableRange`, and refused too when brackets in the passage would pair with new markup (what the code action offers). */
export function tagTarget(document: ReportDocument, selection: OffsetRange): { readonly range: OffsetRange } | { readonly refused: TagRefusalReason } {
  const found = taggableRange(document, selection);
  if ('refused' in found) return found;
  return keepsCleanText(document, [found.range], ']{.tag}') ? found : { refused: 'changesText' };
}

/**
 * The selection without surrounding white space; undefined when nothing is
 * left. An end inside a surrogate pair moves out to take the whole
 * character: markup between its halves would spoil it when the file is saved.
 */
function trimSelection(text: string, selection: OffsetRange): OffsetRange | undefined {
  let start = Math.max(0, Math.min(selection.start, selection.end));
  let end = Math.min(text.length, Math.max(selection.start, selection.end));
  if (start === end) return undefined;
  if (splitsPair(text, start)) start--;
  if (splitsPair(text, end)) end++;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}

/** Whether an offset falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** What goes into the attribute block besides the code. */
export interface TagValues {
  /** Written into the code's first attribute that holds themes (`values: themes`); ignored when it has none. */
  readonly themes?: readonly string[];
  /** Values of other attributes by name; attributes the code does not define are written too (the diagnostics say so). */
  readonly attributes?: Readonly<Record<string, string>>;
}

export interface ClosingMarkup {
  /** `]{.code …}` as plain text, with `""` for each required attribute left without a value. */
  readonly text: string;
  /** The same as a snippet whose placeholders are those attributes (a choice when their values are listed); undefined when there are none. */
  readonly snippet: string | undefined;
}

type Part = { readonly text: string } | { readonly placeholder: readonly string[] | undefined };

/**
 * `]{.code theme=… key=value}` for a code, or `]{.a .b …}` for several, with
 * the themes and values given. With several codes an attribute is the one of
 * the first code that takes it, as validation reads the span (docs/format.md,
 * Spans): the themes go into the first such attribute that holds themes.
 */
export function closingMarkup(codeOrCodes: CodeDefinition | readonly CodeDefinition[], codebook: Codebook, values: TagValues = {}): ClosingMarkup {
  const codes = Array.isArray(codeOrCodes) ? (codeOrCodes as readonly CodeDefinition[]) : [codeOrCodes as CodeDefinition];
  const given = values.attributes ?? {};
  const themes = (values.themes ?? []).filter((theme) => theme.trim() !== '');
  const attributes = new Map<string, AttributeDefinition>();
  for (const code of codes) for (const attribute of code.attributes.values()) if (!attributes.has(attribute.name)) attributes.set(attribute.name, attribute);
  const themeAttribute = [...attributes.values()].find((attribute) => attribute.values === 'themes');
  const parts: Part[] = [{ text: `]{${codes.map((code) => `.${code.name}`).join(' ')}` }];
  const written = new Set<string>();
  for (const attribute of attributes.values()) {
    written.add(attribute.name);
    const value = attribute === themeAttribute && themes.length > 0 ? themes.join(' ') : given[attribute.name];
    if (value !== undefined) parts.push({ text: ` ${attribute.name}=${attributeValue(value)}` });
    else if (attribute.required) parts.push({ text: ` ${attribute.name}=` }, { placeholder: allowedValues(attribute, codebook) });
  }
  for (const [name, value] of Object.entries(given)) {
    if (!written.has(name)) parts.push({ text: ` ${name}=${attributeValue(value)}` });
  }
  parts.push({ text: '}' });

  let text = '';
  let snippet = '';
  let tabstop = 0;
  for (const part of parts) {
    if ('text' in part) {
      text += part.text;
      snippet += escapeSnippetText(part.text);
    } else if (part.placeholder && part.placeholder.length > 0) {
      text += '""';
      snippet += `\${${++tabstop}|${part.placeholder.map(escapeSnippetChoice).join(',')}|}`;
    } else {
      // Free text, usually with spaces: inside quotes.
      text += '""';
      snippet += `"\${${++tabstop}}"`;
    }
  }
  return { text, snippet: tabstop > 0 ? `${snippet}$0` : undefined };
}

function allowedValues(attribute: AttributeDefinition, codebook: Codebook): readonly string[] | undefined {
  return attribute.values === 'themes' ? [...codebook.themes.keys()] : attribute.values;
}

/** An attribute value as written in a block: bare when it can be, else double-quoted with `\"` and `\\`; line breaks become spaces. */
export function attributeValue(value: string): string {
  const oneLine = value.replace(/[\r\n]+/g, ' ');
  return /^[^\s"'{}\\=]+$/.test(oneLine) ? oneLine : `"${oneLine.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

function escapeSnippetChoice(text: string): string {
  return text.replace(/[,|\\$}]/g, (c) => `\\${c}`);
}

/** One insertion at an offset of the report's text. */
export interface TagInsertion {
  readonly offset: number;
  readonly text: string;
  /** The snippet form of a closing markup with placeholders. */
  readonly snippet?: string;
}

export interface TagPlan {
  /** In document order (a closing before an opening at the same offset): apply them together. */
  readonly insertions: readonly TagInsertion[];
  /** The passages tagged, trimmed, in document order. */
  readonly tagged: readonly OffsetRange[];
  /** The selections left alone, in the order given. */
  readonly refused: ReadonlyArray<{ readonly selection: OffsetRange; readonly reason: TagRefusalReason }>;
}

/**
 * Tags the selections of a report with a code of the codebook, or several
 * (one span carrying them all, in the order given, each once): `[` before
 * each passage and the closing markup after it. Selections are taken in
 * document order; one that is blank, outside the body, cutting through a
 * span, overlapping an earlier one, or that would change the article text is
 * refused. Undefined when no code is given or the codebook lacks one of them.
 */
export function planTagging(document: ReportDocument, codebook: Codebook, selections: readonly OffsetRange[], codeNames: string | readonly string[], values: TagValues = {}): TagPlan | undefined {
  const names = [...new Set(typeof codeNames === 'string' ? [codeNames] : codeNames)];
  const codes = names.map((name) => codebook.codes.get(name));
  if (codes.length === 0 || !codes.every((code): code is CodeDefinition => code !== undefined)) return undefined;
  const closing = closingMarkup(codes, codebook, values);
  const refused: Array<{ selection: OffsetRange; reason: TagRefusalReason }> = [];
  const tagged: OffsetRange[] = [];
  const order = selections.map((selection, index) => ({ selection, index })).sort((a, b) => Math.min(a.selection.start, a.selection.end) - Math.min(b.selection.start, b.selection.end) || a.index - b.index);
  // Each check that the text is kept parses the report again: first one check
  // of all the passages together; only when that fails, one per passage.
  let refusals = choosePassages(document, order, tagged, undefined);
  let keptTogether = tagged.length === 0 || keepsCleanText(document, byStart(tagged), closing.text);
  if (!keptTogether) {
    tagged.length = 0;
    refusals = choosePassages(document, order, tagged, closing.text);
    // Each passage keeps the text on its own; together they must too (they can only meet at their ends).
    keptTogether = tagged.length <= 1 || keepsCleanText(document, byStart(tagged), closing.text);
  }
  tagged.sort((a, b) => a.start - b.start);
  if (!keptTogether) {
    return { insertions: [], tagged: [], refused: selections.map((selection, index) => ({ selection, reason: refusals.get(index) ?? 'changesText' })) };
  }
  selections.forEach((selection, index) => {
    const reason = refusals.get(index);
    if (reason) refused.push({ selection, reason });
  });
  return { insertions: insertionsFor(tagged, closing), tagged, refused };
}

/**
 * The passages to tag, in `order`, pushed onto `tagged`; the refused ones by
 * their index. With `closing`, a passage that would change the text alone is
 * refused too.
 */
function choosePassages(document: ReportDocument, order: ReadonlyArray<{ selection: OffsetRange; index: number }>, tagged: OffsetRange[], closing: string | undefined): Map<number, TagRefusalReason> {
  const refusals = new Map<number, TagRefusalReason>();
  for (const { selection, index } of order) {
    const found = taggableRange(document, selection);
    if ('refused' in found) refusals.set(index, found.refused);
    else if (tagged.some((other) => other.start < found.range.end && found.range.start < other.end)) refusals.set(index, 'overlaps');
    else if (closing !== undefined && !keepsCleanText(document, [found.range], closing)) refusals.set(index, 'changesText');
    else tagged.push(found.range);
  }
  return refusals;
}

function byStart(ranges: readonly OffsetRange[]): OffsetRange[] {
  return [...ranges].sort((a, b) => a.start - b.start);
}

function insertionsFor(ranges: readonly OffsetRange[], closing: ClosingMarkup): TagInsertion[] {
  const insertions: TagInsertion[] = [];
  for (const range of ranges) {
    insertions.push({ offset: range.start, text: '[' });
    insertions.push(closing.snippet === undefined ? { offset: range.end, text: closing.text } : { offset: range.end, text: closing.text, snippet: closing.snippet });
  }
  // Stable: at a shared offset the earlier passage's closing stays before the next one's `[`.
  return insertions.sort((a, b) => a.offset - b.offset);
}

/** The report's text with the insertions made. */
export function applyInsertions(text: string, insertions: readonly TagInsertion[]): string {
  let result = '';
  let at = 0;
  for (const insertion of insertions) {
    result += text.slice(at, insertion.offset) + insertion.text;
    at = insertion.offset;
  }
  return result + text.slice(at);
}

/**
 * True when tagging these passages leaves the clean text as it is and adds
 * one span each, opened by the `[` inserted: an equal clean text is not
 * enough, since a `[` of the article may pair with the new markup while the
 * new `[` reads as article text in its place (`[sic]` with only its `[` selected).
 */
function keepsCleanText(document: ReportDocument, ranges: readonly OffsetRange[], closing: string): boolean {
  const insertions = insertionsFor(ranges, { text: closing, snippet: undefined });
  const after = parseReport(applyInsertions(document.text, insertions));
  if (after.cleanText !== document.cleanText || after.spans.length !== document.spans.length + ranges.length) return false;
  const opened = new Set(after.spans.map((span) => span.range.start));
  let shift = 0;
  for (const insertion of insertions) {
    if (insertion.text === '[' && !opened.has(insertion.offset + shift)) return false;
    shift += insertion.text.length;
  }
  return true;
}
