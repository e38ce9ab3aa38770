import { MEMO_ATTRIBUTE } from '../reader/readerTypes';

/**
 * How a passage's memo is written in its attribute block. A block holds one
 * line and a quoted value has no escape for a line break, so each run of line
 * breaks in a memo (CR, LF, NEL, U+2028, U+2029) becomes one space. A memo of nothing but blanks is no memo.
 * Undefined then: the memo is to be removed.
 */
export function writableMemo(memo: string): string | undefined {
  // Every line break a text may hold, Unicode's own among them (which editors would offer to remove from the file).
  const oneLine = memo.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ');
  return oneLine.trim() === '' ? undefined : oneLine;
}

/**
 * The `memo="…"` token for a memo already on one line. Always double-quoted,
 * whatever the memo holds: `\` and `"` are escaped with a backslash, which
 * the attribute grammar reads back as the character (docs/format.md, Spans);
 * braces, brackets and every other character stand as they are inside the
 * quotes. A bare value could end early, or read as a slip the near-miss
 * rules report (`memo=ok,`).
 */
export function memoToken(memo: string): string {
  return `${MEMO_ATTRIBUTE}="${memo.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
