import type { Fix } from '../diagnostics/diagnostic';
import type { OffsetRange } from '../text/range';

export function replaceFix(title: string, range: OffsetRange, newText: string, preferred = true): Fix {
  return { title, edits: [{ range, newText }], preferred };
}

/** Removes a token from an attribute block together with the blanks before it, so no double space is left. */
export function removeTokenFix(text: string, range: OffsetRange, title: string): Fix {
  let start = range.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return replaceFix(title, { start, end: range.end }, '');
}
