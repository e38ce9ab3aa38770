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
 * - an empty memo removes every `memo=` of the block (a repeat would
 *   otherwise become the memo) and one blank beside each.
 * No edit when the block already says exactly that.
 */
export function memoEdits(document: ReportDocument, span: Span, memo: string): TextEdit[] {
  const text = document.text;
  const written = writableMemo(memo);
  const existing = span.attributes.find((attribute) => attribute.key === MEMO_ATTRIBUTE);
  if (written === undefined) return removals(text, span);
  const token = memoToken(written);
  if (existing) {
    return text.slice(existing.tokenRange.start, existing.tokenRange.end) === token ? [] : [{ range: existing.tokenRange, newText: token }];
  }
  const close = span.attributeRange.end - 1;
  const glued = close - 1 === span.attributeRange.start || isBlank(text.charCodeAt(close - 1));
  return [{ range: { start: close, end: close }, newText: glued ? token : ` ${token}` }];
}

/**
 * Every memo token of the block removed, each with one blank beside it: the
 * one before it, or when an earlier removal took that one, the one after.
 */
function removals(text: string, span: Span): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const attribute of span.attributes) {
    if (attribute.key !== MEMO_ATTRIBUTE) continue;
    let range = withOneBlank(text, attribute.tokenRange, span.attributeRange);
    const previous = edits[edits.length - 1]?.range;
    if (previous && range.start < previous.end) {
      const token = attribute.tokenRange;
      range = token.end < span.attributeRange.end - 1 && isBlank(text.charCodeAt(token.end)) ? { start: token.start, end: token.end + 1 } : token;
    }
    edits.push({ range, newText: '' });
  }
  return edits;
}

/** A token's range with the blank before it (or, when there is none, the one after it), so no double blank is left. */
function withOneBlank(text: string, token: OffsetRange, block: OffsetRange): OffsetRange {
  if (token.start - 1 > block.start && isBlank(text.charCodeAt(token.start - 1))) return { start: token.start - 1, end: token.end };
  if (token.end < block.end - 1 && isBlank(text.charCodeAt(token.end))) return { start: token.start, end: token.end + 1 };
  return token;
}
