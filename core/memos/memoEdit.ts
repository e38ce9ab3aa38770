import type { ReportDocument, Span } from '../document/types';
import { MEMO_ATTRIBUTE } from '../reader/readerTypes';
import { isBlank } from '../text/blanks';
import type { OffsetRange } from '../text/range';
import type { TextEdit } from '../text/textEdit';
import { memoToken, writableMemo } from './memoMarkup';

/**
 * The edit that sets, replaces or removes a passage's memo, within its
 * attribute block only (the article text is never touched):
 * - a new memo goes at the end of the block, `{.weakness memo="…"}`;
 * - a memo replaces the first `memo=` of the block (a repeat, already an
 *   error, is left for the annotator);
 * - an empty memo removes that token and one blank beside it.
 * No edit when the block already says exactly that.
 */
export function memoEdits(document: ReportDocument, span: Span, memo: string): TextEdit[] {
  const text = document.text;
  const written = writableMemo(memo);
  const existing = span.attributes.find((attribute) => attribute.key === MEMO_ATTRIBUTE);
  if (written === undefined) return existing ? [{ range: withOneBlank(text, existing.tokenRange, span.attributeRange), newText: '' }] : [];
  const token = memoToken(written);
  if (existing) {
    return text.slice(existing.tokenRange.start, existing.tokenRange.end) === token ? [] : [{ range: existing.tokenRange, newText: token }];
  }
  const close = span.attributeRange.end - 1;
  const glued = close - 1 === span.attributeRange.start || isBlank(text.charCodeAt(close - 1));
  return [{ range: { start: close, end: close }, newText: glued ? token : ` ${token}` }];
}

/** A token's range with the blank before it (or, when there is none, the one after it), so no double blank is left. */
function withOneBlank(text: string, token: OffsetRange, block: OffsetRange): OffsetRange {
  if (token.start - 1 > block.start && isBlank(text.charCodeAt(token.start - 1))) return { start: token.start - 1, end: token.end };
  if (token.end < block.end - 1 && isBlank(text.charCodeAt(token.end))) return { start: token.start, end: token.end + 1 };
  return token;
}
