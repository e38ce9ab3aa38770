import type { OffsetRange } from '../text/range';
import { lineStartOf, nextLineBreak } from '../text/lineBreaks';
import { isValueSeparator, uniqueValues } from '../spans/attributeValueParts';

/** What is being typed at the cursor inside an attribute block. */
export type AttributeToken =
  /** `.name`: `range` covers the name after the dot. */
  | { readonly kind: 'code'; readonly range: OffsetRange }
  /** `#name`: `range` covers the name after the hash. */
  | { readonly kind: 'id'; readonly range: OffsetRange }
  /** A bare word (an attribute name being typed), or an empty range between tokens. */
  | { readonly kind: 'key'; readonly range: OffsetRange }
  /** Inside the value of `key=value`; `range` covers the current word of a several-word value, `valueRange` the whole value (inside any quotes). */
  | { readonly kind: 'value'; readonly key: string; readonly quoted: boolean; readonly range: OffsetRange; readonly valueRange: OffsetRange; readonly otherWords: readonly string[] };

export interface AttributeBlockContext {
  /** Offset of the `{`. */
  readonly open: number;
  /** Offset of the `]` before it. */
  readonly close: number;
  /** Codes, attribute names and ids written in the block, apart from the token at the cursor. */
  readonly codes: readonly string[];
  readonly keys: readonly string[];
  readonly ids: readonly string[];
  readonly token: AttributeToken;
}

/**
 * A token of an attribute block as completion reads it: unlike the parser
 * (core/document/attributeBlock.ts), it keeps what is half typed, such as a
 * lone `.` or a stray word, as tokens. Where both read a token they agree
 * (test/property/attributeBlockTokens.test.ts).
 */
export interface BlockToken {
  readonly start: number;
  readonly end: number;
  readonly kind: 'code' | 'id' | 'word' | 'pair';
  /** For a pair: the `=`, the quote if any, and the value inside the quotes (to the line end when unterminated). */
  readonly equals?: number;
  readonly quote?: string;
  readonly valueStart?: number;
  readonly valueEnd?: number;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * Finds the attribute block `]{…` around the cursor on its line, even while
 * it is being typed (not yet closed), and reads it as the parser would.
 */
export function attributeBlockContext(text: string, offset: number, bodyStart: number): AttributeBlockContext | undefined {
  const lineStart = Math.max(bodyStart, lineStartOf(text, offset));
  const lineEnd = nextLineBreak(text, offset);
  let i = lineStart;
  while (i < lineEnd) {
    const found = text.indexOf(']{', i);
    if (found === -1 || found + 1 >= lineEnd || found >= offset) return undefined;
    const open = found + 1;
    const { tokens, end } = attributeBlockTokens(text, open, lineEnd);
    // `end` is the `}` (or the line end): the cursor may sit just before it.
    if (offset > open && offset <= end) return classify(text, found, open, tokens, offset);
    i = end + 1;
  }
  return undefined;
}

/** The tokens of the block whose `{` is at `open`, up to its `}` or `lineEnd` (`end`). */
export function attributeBlockTokens(text: string, open: number, lineEnd: number): { tokens: BlockToken[]; end: number } {
  const tokens: BlockToken[] = [];
  let i = open + 1;
  for (;;) {
    while (i < lineEnd && isBlank(text[i])) i++;
    if (i >= lineEnd || text[i] === '}') return { tokens, end: i };
    const start = i;
    const first = text[i];
    if (first === '.' || first === '#') {
      i++;
      while (i < lineEnd && !isBlank(text[i]) && text[i] !== '}') i++;
      tokens.push({ start, end: i, kind: first === '.' ? 'code' : 'id' });
      continue;
    }
    while (i < lineEnd && !isBlank(text[i]) && text[i] !== '}' && text[i] !== '=') i++;
    if (text[i] !== '=' || i >= lineEnd) {
      tokens.push({ start, end: i, kind: 'word' });
      continue;
    }
    const equals = i;
    i++;
    const quote = text[i] === '"' || text[i] === "'" ? text[i] : undefined;
    if (quote) {
      const valueStart = i + 1;
      i = valueStart;
      while (i < lineEnd && text[i] !== quote) i += text[i] === '\\' && i + 1 < lineEnd ? 2 : 1;
      const valueEnd = Math.min(i, lineEnd);
      if (i < lineEnd) i++;
      tokens.push({ start, end: i, kind: 'pair', equals, quote, valueStart, valueEnd });
      if (valueEnd >= lineEnd) return { tokens, end: lineEnd };
      continue;
    }
    const valueStart = i;
    while (i < lineEnd && !isBlank(text[i]) && text[i] !== '}') i++;
    tokens.push({ start, end: i, kind: 'pair', equals, valueStart, valueEnd: i });
  }
}

function classify(text: string, close: number, open: number, tokens: BlockToken[], offset: number): AttributeBlockContext {
  const current = tokens.find((token) => offset > token.start && offset <= token.end);
  const others = tokens.filter((token) => token !== current);
  const codes = others.filter((t) => t.kind === 'code').map((t) => text.slice(t.start + 1, t.end));
  const ids = others.filter((t) => t.kind === 'id').map((t) => text.slice(t.start + 1, t.end));
  const keys = others.filter((t) => t.kind === 'pair').map((t) => text.slice(t.start, t.equals));
  const base = { open, close, codes, keys, ids };
  if (!current) return { ...base, token: { kind: 'key', range: { start: offset, end: offset } } };
  switch (current.kind) {
    case 'code':
    case 'id':
      return { ...base, token: { kind: current.kind, range: { start: current.start + 1, end: current.end } } };
    case 'word':
      return { ...base, token: { kind: 'key', range: { start: current.start, end: current.end } } };
    case 'pair': {
      const equals = current.equals!;
      if (offset <= equals) return { ...base, token: { kind: 'key', range: { start: current.start, end: equals } } };
      const valueStart = current.valueStart!;
      const valueEnd = current.valueEnd!;
      if (offset < valueStart) return { ...base, token: { kind: 'key', range: { start: current.start, end: equals } } };
      if (current.quote !== undefined && offset > valueEnd) return { ...base, token: { kind: 'key', range: { start: offset, end: offset } } };
      // The value under the cursor, cut where the validator cuts values.
      let start = Math.min(offset, valueEnd);
      while (start > valueStart && !isValueSeparator(text.charCodeAt(start - 1))) start--;
      let end = Math.min(offset, valueEnd);
      while (end < valueEnd && !isValueSeparator(text.charCodeAt(end))) end++;
      const word = text.slice(start, end);
      const otherWords = [...uniqueValues(text.slice(valueStart, start)), ...uniqueValues(text.slice(end, valueEnd))].filter((w) => w !== word);
      return { ...base, token: { kind: 'value', key: text.slice(current.start, equals), quoted: current.quote !== undefined, range: { start, end }, valueRange: { start: valueStart, end: valueEnd }, otherWords } };
    }
  }
}
