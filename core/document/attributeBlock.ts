import { isBlank } from '../text/blanks';
import { isLineBreak } from '../text/lineBreaks';
import type { ParseProblem, SpanAttribute, SpanCode, SpanId } from './types';

export interface AttributeBlock {
  /** Offset just past the closing `}`; or where scanning stopped when unclosed. */
  readonly end: number;
  readonly closed: boolean;
  readonly codes: SpanCode[];
  readonly ids: SpanId[];
  readonly attributes: SpanAttribute[];
  /** Shared and empty when the block has none: read it, never add to it. */
  readonly problems: readonly ParseProblem[];
}

const enum Char {
  DoubleQuote = 34,
  Hash = 35,
  SingleQuote = 39,
  Dot = 46,
  Equals = 61,
  CloseParen = 41,
  Backslash = 92,
  CloseBrace = 125,
  WideCloseBrace = 0xff5d,
}

/**
 * Typographic quotes (curly, low-9, guillemets) that word processors put
 * where `"` or `'` was typed. They are not quotes to the attribute grammar;
 * a bare value wrapped in them is read whole (see typographicValueEnd) so
 * that the near-miss rules can report it as one token.
 */
const OPENING_TYPOGRAPHIC_QUOTES = '\u201C\u201D\u201E\u2018\u2019\u201A\u00AB\u00BB\u2039\u203A';
const CLOSING_TYPOGRAPHIC_QUOTES = '\u201D\u201C\u2019\u2018\u00BB\u00AB\u203A\u2039';

export function isOpeningTypographicQuote(code: number): boolean {
  return code > 127 && OPENING_TYPOGRAPHIC_QUOTES.includes(String.fromCharCode(code));
}

export function isClosingTypographicQuote(code: number): boolean {
  return code > 127 && CLOSING_TYPOGRAPHIC_QUOTES.includes(String.fromCharCode(code));
}

/** Shared by every block without problems; a block with one gets its own list. */
const NO_PROBLEMS: ParseProblem[] = [];

/** `}`, or when reading leniently also `)` and a full-width `｝`. */
function isCloser(code: number, lenient: boolean): boolean {
  return code === Char.CloseBrace || (lenient && (code === Char.CloseParen || code === Char.WideCloseBrace));
}

/** Ends a bare word: whitespace, the block's closing character, or a line end. */
function endsWord(code: number, lenient: boolean): boolean {
  return isBlank(code) || isLineBreak(code) || isCloser(code, lenient) || Number.isNaN(code);
}

/**
 * Where a bare value that opens with a typographic quote ends when the
 * matching closing quote ends a later word: `speaker=“one parent”` is one
 * value, not `speaker=“one` and a stray word. -1 when no such quote comes
 * before the block's end, a line end, a `=`, a straight quote or a word
 * starting with `.` or `#` (the next token): so the look-ahead never passes
 * the next value, and the block is still read in one pass.
 */
function typographicValueEnd(text: string, valueStart: number, lenient: boolean): number {
  let i = valueStart + 1;
  for (;;) {
    const code = text.charCodeAt(i);
    if (Number.isNaN(code) || isLineBreak(code) || isCloser(code, lenient) || code === Char.Equals || code === Char.DoubleQuote || code === Char.SingleQuote) return -1;
    if (isClosingTypographicQuote(code) && endsWord(text.charCodeAt(i + 1), lenient)) return i + 1;
    if (isBlank(code)) {
      while (isBlank(text.charCodeAt(i))) i++;
      const next = text.charCodeAt(i);
      if (next === Char.Dot || next === Char.Hash) return -1;
      continue;
    }
    i++;
  }
}

/** Stands for the message of a run of stray words until the run is complete. */
const STRAY_WORDS = '`';

/** The problems with the message of each run of stray words written. */
function described(text: string, problems: ParseProblem[]): ParseProblem[] {
  for (let k = 0; k < problems.length; k++) {
    const problem = problems[k];
    if (problem.message !== STRAY_WORDS) continue;
    const words = text.slice(problem.range.start, problem.range.end);
    problems[k] = { ...problem, message: `\`${words}\` is not an attribute: write \`.code\`, \`#id\` or \`key=value\` (quote values with spaces).` };
  }
  return problems;
}

/**
 * Reads a Pandoc attribute block `{.code #id key=value key="v w"}` whose `{`
 * is at `open`. The block must close on its own line: a line end stops it,
 * which keeps one unclosed `{` from swallowing the rest of the document.
 * Markup closes with `}`; the near-miss rules read blocks typed with other
 * brackets, such as `(.weakness)`, with the same grammar but `lenient`:
 * then `)` and a full-width `｝` close the block too.
 */
export function readAttributeBlock(text: string, open: number, lenient = false): AttributeBlock {
  // A list made with its first entry is allocated at its size: most blocks have one code and a few attributes.
  let codes: SpanCode[] | undefined;
  const ids: SpanId[] = [];
  let attributes: SpanAttribute[] | undefined;
  // Most blocks have no problem: the list is made for the first one.
  let problems = NO_PROBLEMS;
  let i = open + 1;
  for (;;) {
    let code = text.charCodeAt(i);
    while (isBlank(code)) code = text.charCodeAt(++i);
    if (Number.isNaN(code) || isLineBreak(code)) {
      return { end: i, closed: false, codes: codes ?? [], ids, attributes: attributes ?? [], problems: described(text, problems) };
    }
    if (isCloser(code, lenient)) {
      return { end: i + 1, closed: true, codes: codes ?? [], ids, attributes: attributes ?? [], problems: described(text, problems) };
    }
    const tokenStart = i;
    if (code === Char.Dot || code === Char.Hash) {
      i++;
      while (!endsWord(text.charCodeAt(i), lenient)) i++;
      const name = text.slice(tokenStart + 1, i);
      const tokenRange = { start: tokenStart, end: i };
      if (name === '') {
        if (problems === NO_PROBLEMS) problems = [];
        problems.push({ code: 'span-syntax', message: `An empty \`${text[tokenStart]}\` in the attribute block: write a name after it.`, range: tokenRange });
      } else if (code === Char.Dot) {
        const found: SpanCode = { name, range: { start: tokenStart + 1, end: i }, tokenRange };
        if (codes === undefined) codes = [found];
        else codes.push(found);
      } else {
        ids.push({ value: name, range: { start: tokenStart + 1, end: i }, tokenRange });
      }
      continue;
    }
    while (!endsWord(text.charCodeAt(i), lenient) && text.charCodeAt(i) !== Char.Equals) i++;
    const keyEnd = i;
    if (text.charCodeAt(i) !== Char.Equals || keyEnd === tokenStart) {
      while (!endsWord(text.charCodeAt(i), lenient)) i++;
      // Consecutive stray words (often text typed after the codes) make one problem.
      const previous = problems[problems.length - 1] as ParseProblem | undefined;
      const joinsPrevious = previous?.code === 'span-syntax' && previous.message === STRAY_WORDS && /^[ \t]*$/.test(text.slice(previous.range.end, tokenStart));
      const start = joinsPrevious ? previous.range.start : tokenStart;
      // The message is written once the run of words is complete (see described): a block of many words stays linear.
      const joined: ParseProblem = { code: 'span-syntax', message: STRAY_WORDS, range: { start, end: i } };
      if (joinsPrevious) problems[problems.length - 1] = joined;
      else {
        if (problems === NO_PROBLEMS) problems = [];
        problems.push(joined);
      }
      continue;
    }
    i++;
    const quote = text.charCodeAt(i);
    if (quote === Char.DoubleQuote || quote === Char.SingleQuote) {
      const valueStart = i + 1;
      let value = '';
      let segmentStart = valueStart;
      i = valueStart;
      let terminated = false;
      for (;;) {
        const c = text.charCodeAt(i);
        if (Number.isNaN(c) || isLineBreak(c)) break;
        if (c === Char.Backslash && i + 1 < text.length && !isLineBreak(text.charCodeAt(i + 1))) {
          value += text.slice(segmentStart, i) + text[i + 1];
          i += 2;
          segmentStart = i;
          continue;
        }
        if (c === quote) {
          terminated = true;
          break;
        }
        i++;
      }
      value += text.slice(segmentStart, i);
      const valueRange = { start: valueStart, end: i };
      if (!terminated) {
        if (problems === NO_PROBLEMS) problems = [];
        problems.push({ code: 'span-syntax', message: 'The quoted value is not closed on this line.', range: { start: tokenStart, end: i } });
        return { end: i, closed: false, codes: codes ?? [], ids, attributes: attributes ?? [], problems: described(text, problems) };
      }
      i++;
      const quoted: SpanAttribute = { key: text.slice(tokenStart, keyEnd), keyRange: { start: tokenStart, end: keyEnd }, value, valueRange, quoted: true, tokenRange: { start: tokenStart, end: i } };
      if (attributes === undefined) attributes = [quoted];
      else attributes.push(quoted);
      continue;
    }
    const valueStart = i;
    const typographicEnd = isOpeningTypographicQuote(quote) ? typographicValueEnd(text, valueStart, lenient) : -1;
    if (typographicEnd !== -1) i = typographicEnd;
    else while (!endsWord(text.charCodeAt(i), lenient)) i++;
    const bare: SpanAttribute = {
      key: text.slice(tokenStart, keyEnd),
      keyRange: { start: tokenStart, end: keyEnd },
      value: text.slice(valueStart, i),
      valueRange: { start: valueStart, end: i },
      quoted: false,
      tokenRange: { start: tokenStart, end: i },
    };
    if (attributes === undefined) attributes = [bare];
    else attributes.push(bare);
  }
}
