/**
 * A selection made in the clean text (the coded reader) as a range of the
 * report's source, for tagging. Where spans open or close exactly at the
 * selection's ends there are several source offsets for one clean offset;
 * the one chosen nests with every span there: a span the selection covers
 * whole is taken in, a span that covers the selection stays around it.
 */
import type { ReportDocument, Span } from '../document/types';
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
  const { byStart, byEnd } = cleanEnds(document);
  // Opening at the start and closing inside the selection: take its `[` in (the first such `[` is the outermost).
  for (const span of byStart.get(start) ?? []) if (span.clean.end <= end && span.range.start < sourceStart) sourceStart = span.range.start;
  // Closing at the end and opening inside the selection: take its `]{…}` in (the last such is the outermost).
  for (const span of byEnd.get(end) ?? []) if (span.clean.start >= start && span.range.end > sourceEnd) sourceEnd = span.range.end;
  return { start: sourceStart, end: sourceEnd };
}

const ends = new WeakMap<ReportDocument, { byStart: Map<number, Span[]>; byEnd: Map<number, Span[]> }>();

/** The spans by the clean offset they start and end at, made once per parsed report. */
function cleanEnds(document: ReportDocument): { byStart: Map<number, Span[]>; byEnd: Map<number, Span[]> } {
  let found = ends.get(document);
  if (!found) {
    found = { byStart: new Map(), byEnd: new Map() };
    for (const span of document.spans) {
      push(found.byStart, span.clean.start, span);
      push(found.byEnd, span.clean.end, span);
    }
    ends.set(document, found);
  }
  return found;
}

function push(map: Map<number, Span[]>, key: number, span: Span): void {
  const list = map.get(key);
  if (list) list.push(span);
  else map.set(key, [span]);
}
