import { readAttributeBlock } from './attributeBlock';
import type { ParseProblem, SpanAttribute, SpanCode, SpanId } from './types';

/** A span as the scanner finds it, before clean-text offsets and nesting are known. */
export interface RawSpan {
  readonly open: number;
  readonly close: number;
  readonly attributeStart: number;
  readonly end: number;
  readonly codes: SpanCode[];
  readonly ids: SpanId[];
  readonly attributes: SpanAttribute[];
}

export interface ScanResult {
  /** Spans in the order their markup closes. */
  readonly spans: RawSpan[];
  readonly problems: ParseProblem[];
}

const OPEN_BRACKET = 91;
const OPEN_BRACE = 123;

/**
 * One linear pass over the body: `[` opens a candidate, `]{...}` closes the
 * innermost one as a span, and a `]` without `{` closes it as plain text
 * (so `[sic]` stays text). Malformed markup is reported and left as text.
 */
export function scanSpans(text: string, start: number): ScanResult {
  const spans: RawSpan[] = [];
  const problems: ParseProblem[] = [];
  const openers: number[] = [];
  let i = start;
  // Jumping from bracket to bracket with a regular expression is several times
  // faster than visiting every character, and articles have few brackets.
  const brackets = /[[\]]/g;
  for (;;) {
    brackets.lastIndex = i;
    // test() rather than exec(): it moves lastIndex without building a match array.
    if (!brackets.test(text)) break;
    i = brackets.lastIndex - 1;
    if (text.charCodeAt(i) === OPEN_BRACKET) {
      openers.push(i);
      i++;
      continue;
    }
    if (text.charCodeAt(i + 1) !== OPEN_BRACE) {
      openers.pop();
      i++;
      continue;
    }
    const block = readAttributeBlock(text, i + 1);
    const open = openers.pop();
    // Past an unclosed `{` the words are article text, not tokens: report only the missing `}`.
    if (block.closed) problems.push(...block.problems);
    else problems.push(...block.problems.filter((problem) => problem.message.startsWith('The quoted value')));
    if (!block.closed) {
      problems.push({
        code: 'span-unclosed',
        message: 'The attribute block `{` is not closed on this line: end it with `}`.',
        range: { start: open ?? i, end: block.end },
      });
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
      spans.push({ open, close: i, attributeStart: i + 1, end: block.end, codes: block.codes, ids: block.ids, attributes: block.attributes });
    }
    i = block.end;
  }
  return { spans, problems };
}
