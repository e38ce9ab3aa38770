import type { Span } from '../document/types';
import { MEMO_ATTRIBUTE } from '../reader/readerTypes';

/**
 * A passage's memo: the first value of its `memo` attribute (a repeat is an
 * error of its own and does not count), or null without one.
 */
export function spanMemo(span: Span): string | null {
  for (const attribute of span.attributes) if (attribute.key === MEMO_ATTRIBUTE) return attribute.value;
  return null;
}
