import { readAttributeBlock } from './attributeBlock';
import type { ParseProblem, SpanAttribute, SpanCode, SpanId } from './types';

/** A span as the scanner finds it, before clean-text offsets and nesting are known. */
export interface RawSpan {
  /** Its place among the spans in the order their markup closes. */
  readonly closeOrder: number;
  readonly open: number;
  readonly close: number;
  readonly attributeStart: number;
  readonly end: number;
  readonly codes: SpanCode[];
  readonly ids: SpanId[];
  readonly attributes: SpanAttribute[];
}

export interface ScanResult {
  /** Spans in the order their markup closes (so in the order of their `]`). */
  readonly spans: RawSpan[];
  /** The same spans in the order of their `[`. */
  readonly byOpen: RawSpan[];
  readonly problems: ParseProblem[];
}

const OPEN_BRACKET = 91;
const UNCLOSED = 'The attribute block `{` is not closed on this line: end it with `}`.';
const OPEN_BRACE = 123;

/**
 * One linear pass over the body: `[` opens a candidate, `]{...}` closes the
 * innermost one as a span, and a `]` without `{` closes it as plain text
 * (so `[sic]` stays text). Malformed markup is reported and left as text.
 */
export function scanSpans(text: string, start: number): ScanResult {
  const spans: RawSpan[] = [];
  const problems: ParseProblem[] = [];
  /** Every `[` in order, and the span it opened (undefined until it closes one). */
  const openedAt: number[] = [];
  const spanOpened: Array<RawSpan | undefined> = [];
  /** The `[` still open, innermost last, as indices into openedAt. */
  const openers: number[] = [];
  let i = start;
  // Jumping from bracket to bracket is several times faster than visiting
  // every character, and articles have few brackets: the next `[` and the
  // next `]` are each found with indexOf, and looked for again once passed.
  let nextOpen = text.indexOf('[', i);
  let nextClose = text.indexOf(']', i);
  // Where the last unclosed attribute block stopped (its line's end), and the next `}`: see below.
  let unclosedUpTo = -1;
  let nextBrace = text.indexOf('}', i);
  for (;;) {
    if (nextOpen !== -1 && nextOpen < i) nextOpen = text.indexOf('[', i);
    if (nextClose !== -1 && nextClose < i) nextClose = text.indexOf(']', i);
    if (nextOpen === -1 && nextClose === -1) break;
    i = nextClose === -1 || (nextOpen !== -1 && nextOpen < nextClose) ? nextOpen : nextClose;
    if (text.charCodeAt(i) === OPEN_BRACKET) {
      openers.push(openedAt.length);
      openedAt.push(i);
      spanOpened.push(undefined);
      i++;
      continue;
    }
    if (text.charCodeAt(i + 1) !== OPEN_BRACE) {
      openers.pop();
      i++;
      continue;
    }
    const opener = openers.pop();
    const open = opener === undefined ? undefined : openedAt[opener];
    if (nextBrace !== -1 && nextBrace < i) nextBrace = text.indexOf('}', i);
    if (i < unclosedUpTo && (nextBrace === -1 || nextBrace >= unclosedUpTo)) {
      // A further `]{` on a line where a block was already left unclosed, with no `}` after it on
      // the line: unclosed too. Reading its tokens again to the line's end, for each of thousands
      // of them, would be quadratic; the block before has reported any quote left open.
      problems.push({ code: 'span-unclosed', message: UNCLOSED, range: { start: open ?? i, end: unclosedUpTo } });
      i += 2;
      continue;
    }
    const block = readAttributeBlock(text, i + 1);
    // Past an unclosed `{` the words are article text, not tokens: report only the missing `}`.
    // Loops, not push(...list): a long block's problems would overflow the stack as arguments.
    for (const problem of block.problems) if (block.closed || problem.message.startsWith('The quoted value')) problems.push(problem);
    if (!block.closed) {
      problems.push({ code: 'span-unclosed', message: UNCLOSED, range: { start: open ?? i, end: block.end } });
      unclosedUpTo = block.end;
      i += 2;
      continue;
    }
    if (open === undefined) {
      problems.push({
        code: 'span-stray-close',
        message: 'This `]{…}` closes no span: add the opening `[` before the tagged text, or remove the markup.',
        range: { start: i, end: block.end },
      });
    } else {
      const span: RawSpan = { closeOrder: spans.length, open, close: i, attributeStart: i + 1, end: block.end, codes: block.codes, ids: block.ids, attributes: block.attributes };
      spans.push(span);
      spanOpened[opener!] = span;
    }
    i = block.end;
  }
  const byOpen: RawSpan[] = [];
  for (const span of spanOpened) if (span !== undefined) byOpen.push(span);
  return { spans, byOpen, problems };
}
