import type { ReportDocument, Span } from '../document/types';

/**
 * The spans whose markup (from `[` to just before the end of `}`) holds a
 * source offset, innermost first. Spans are in the order of their `[` and
 * nest, so the last span opened at or before the offset is the innermost one
 * holding it, or lies inside it: a binary search finds that span and its
 * parents lead out. O(log n + depth), however many spans the report has.
 */
export function spansAtOffset(document: ReportDocument, offset: number): Span[] {
  const spans = document.spans;
  const found: Span[] = [];
  let at = lastOpenedAtOrBefore(spans, offset);
  while (at !== undefined) {
    const span = spans[at];
    if (offset < span.range.end) found.push(span);
    at = span.parent;
  }
  return found;
}

/** The index of the last span whose `[` is at or before the offset; undefined when none is. */
export function lastOpenedAtOrBefore(spans: readonly Span[], offset: number): number | undefined {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (spans[middle].range.start <= offset) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? undefined : low - 1;
}
