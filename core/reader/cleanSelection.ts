/**
 * A selection made in the clean text (the coded reader) as a range of the
 * report's source, for tagging. Where spans open or close exactly at the
 * selection's ends there are several source offsets for one clean offset;
 * the one chosen nests with every span there: a span the selection covers
 * whole is taken in, a span that covers the selection stays around it.
 */
import type { ReportDocument } from '../document/types';
import type { OffsetRange } from '../text/range';

/** The source range of a clean-text range (UTF-16 units, half-open); an empty range maps to the text position. */
export function sourceRangeOfCleanSelection(document: ReportDocument, selection: OffsetRange): OffsetRange {
  const length = document.cleanText.length;
  const start = Math.max(0, Math.min(selection.start, length));
  const end = Math.max(start, Math.min(selection.end, length));
  // The text character at `start` sits after all the markup at that clean offset, and the one before `end` before it.
  let sourceStart = document.cleanToSource(start);
  let sourceEnd = end === start ? sourceStart : document.cleanToSource(end - 1) + 1;
  if (end === start) return { start: sourceStart, end: sourceEnd };
  for (const span of document.spans) {
    // Opening at the start and closing inside the selection: take its `[` in (the first such `[` is the outermost).
    if (span.clean.start === start && span.clean.end <= end && span.range.start < sourceStart) sourceStart = span.range.start;
    // Closing at the end and opening inside the selection: take its `]{…}` in (the last such is the outermost).
    if (span.clean.end === end && span.clean.start >= start && span.range.end > sourceEnd) sourceEnd = span.range.end;
  }
  return { start: sourceStart, end: sourceEnd };
}
