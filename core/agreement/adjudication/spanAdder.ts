// Adding spans to a report without changing its article text: `[` before
// each passage and `]{…}` after it, placed so that they nest with the spans
// already there (sourceRangeOfCleanSelection) and refused where they would
// cut through one (taggableRange, as tagging refuses a selection). The edits
// of several spans are made together, nested among themselves.
//
// Whether the clean text is kept is proven without parsing in the common
// case: when the report has no broken span markup and no empty span, and the
// passages hold no bracket of the article, each new `[`…`]{…}` pairs with
// itself and leaves every other bracket's pairing as it was. Otherwise the
// report is parsed again with the spans added, as tagging checks it, within
// a budget of work, so that checking a report's candidates as it is typed
// stays bounded however many there are.
import { parseReport } from '../../document/parseReport';
import type { ReportDocument } from '../../document/types';
import { applyInsertions, taggableRange, type TagInsertion } from '../../language/tagEdit';
import { sourceRangeOfCleanSelection } from '../../reader/cleanSelection';
import type { OffsetRange } from '../../text/range';
import type { TextEdit } from '../../text/textEdit';

/** A span to add: its passage in UTF-16 units of the clean text, and its attribute block (`{.code …}`). */
export interface SpanToAdd {
  readonly start: number;
  readonly end: number;
  readonly block: string;
}

export type AddedSpans =
  | { readonly edits: readonly TextEdit[] }
  /** Why not; `overBudget` when the work it would take was not spent. */
  | { readonly refused: string; readonly overBudget?: true };

/** Problems after which the markup's pairing is not plain. */
const BROKEN_MARKUP: ReadonlySet<string> = new Set(['span-unclosed', 'span-stray-close']);

/** Put before a body parsed on its own, so that none of it is read as front matter. */
const EMPTY_FRONT_MATTER = '---\n---\n';

const OVER_BUDGET = 'the report has too many candidates to work them all out as it is edited: settle the ones before this first';

export class SpanAdder {
  private spent = 0;
  private plain: boolean | undefined;
  private brackets: number[] | undefined;

  /** `budget`: how much work the adder may do, counted in characters parsed and spans visited. */
  constructor(private readonly document: ReportDocument, private readonly budget = Infinity) {}

  /** The edits that add the spans, or why they cannot all be added. */
  add(spans: readonly SpanToAdd[]): AddedSpans {
    if (spans.length === 0) return { edits: [] };
    const document = this.document;
    const clean = document.cleanText;
    const order = spans.map((span, index) => ({ span, index })).sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end || a.index - b.index);
    const open: SpanToAdd[] = [];
    for (const { span } of order) {
      if (span.start < 0 || span.end > clean.length || span.end <= span.start) return { refused: 'its passage is not in the article text' };
      if (splitsLineBreak(clean, span.start) || splitsLineBreak(clean, span.end)) return { refused: 'its passage starts or ends between the two characters of a line break' };
      while (open.length > 0 && open[open.length - 1].end <= span.start) open.pop();
      if (open.length > 0 && span.end > open[open.length - 1].end) return { refused: 'its passages cross each other' };
      open.push(span);
    }
    if (!this.spend(2 * spans.length * (document.spans.length + 1))) return { refused: OVER_BUDGET, overBudget: true };
    const insertions: Array<TagInsertion & { readonly opening: boolean; readonly rank: number }> = [];
    let exact = true;
    for (let rank = 0; rank < order.length; rank++) {
      const { span } = order[rank];
      const source = sourceRangeOfCleanSelection(document, span);
      const found = taggableRange(document, source);
      if ('refused' in found) return { refused: found.refused === 'crossesMarkup' ? 'it would cut through a span already in the report' : 'its passage is only white space' };
      exact &&= sameRange(found.range, source);
      insertions.push({ offset: source.start, text: '[', opening: true, rank }, { offset: source.end, text: `]${span.block}`, opening: false, rank });
    }
    // At one offset: closings first (the inner first), then openings (the outer first).
    insertions.sort((a, b) => a.offset - b.offset || Number(a.opening) - Number(b.opening) || (a.opening ? a.rank - b.rank : b.rank - a.rank));
    if (!(exact && this.plainMarkup() && spans.every((span) => !this.hasBracket(span)))) {
      // Only the body is parsed again: the clean text and the spans are the body's alone, and a long front matter costs YAML parsing.
      const body = document.text.slice(document.bodyStart);
      if (!this.spend(2 * body.length)) return { refused: OVER_BUDGET, overBudget: true };
      const shifted = insertions.map((insertion) => ({ offset: insertion.offset - document.bodyStart, text: insertion.text }));
      const after = parseReport(EMPTY_FRONT_MATTER + applyInsertions(body, shifted));
      if (after.cleanText !== clean || !sameSpans(after, [...spanKeys(document), ...spans.map(spanKey)])) return { refused: 'brackets of the article would pair with its markup and change the article text' };
    }
    return { edits: mergedEdits(insertions) };
  }

  private spend(work: number): boolean {
    this.spent += work;
    return this.spent <= this.budget;
  }

  /** No broken span markup and no empty span: every bracket pairs as the plain grammar says. */
  private plainMarkup(): boolean {
    this.plain ??= !this.document.problems.some((problem) => BROKEN_MARKUP.has(problem.code)) && this.document.spans.every((span) => span.clean.end > span.clean.start);
    return this.plain;
  }

  /** Whether the article text of a passage holds `[` or `]` (found by binary search in their offsets, listed once). */
  private hasBracket(range: OffsetRange): boolean {
    if (!this.brackets) {
      const clean = this.document.cleanText;
      const found: number[] = [];
      for (let at = 0; at < clean.length; at++) {
        const code = clean.charCodeAt(at);
        if (code === 91 || code === 93) found.push(at);
      }
      this.brackets = found;
    }
    const brackets = this.brackets;
    let low = 0;
    let high = brackets.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (brackets[middle] < range.start) low = middle + 1;
      else high = middle;
    }
    return low < brackets.length && brackets[low] < range.end;
  }
}

/**
 * Whether a report has exactly these spans (clean range and block): the
 * article text may come out the same while a bracket of the article became
 * markup and the new `[` article text (`[sic]` tagged at its `[`).
 */
function sameSpans(document: ReportDocument, expected: readonly string[]): boolean {
  if (document.spans.length !== expected.length) return false;
  const actual = spanKeys(document).sort();
  const sorted = [...expected].sort();
  return actual.every((key, i) => key === sorted[i]);
}

function spanKeys(document: ReportDocument): string[] {
  return document.spans.map((span) => spanKey({ start: span.clean.start, end: span.clean.end, block: document.text.slice(span.attributeRange.start, span.attributeRange.end) }));
}

function spanKey(span: SpanToAdd): string {
  return `${span.start}-${span.end}${span.block}`;
}

function sameRange(a: OffsetRange, b: OffsetRange): boolean {
  return a.start === b.start && a.end === b.end;
}

/** Between the CR and the LF of a CR LF. */
function splitsLineBreak(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
}

/** One edit per offset, the insertions there in order: an editor applies inserts at one position in no promised order. */
function mergedEdits(insertions: readonly TagInsertion[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const insertion of insertions) {
    const last = edits[edits.length - 1];
    if (last && last.range.start === insertion.offset) edits[edits.length - 1] = { range: last.range, newText: last.newText + insertion.text };
    else edits.push({ range: { start: insertion.offset, end: insertion.offset }, newText: insertion.text });
  }
  return edits;
}
