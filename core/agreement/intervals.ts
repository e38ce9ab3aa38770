/** A stretch of the clean text, [start, end) in code points. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

export function byStart(a: Interval, b: Interval): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * Sorted, with overlapping intervals merged into their union and touching
 * ones kept apart: one annotator's units of one code, as the unitizing
 * alpha requires them (units of a coder and a category never overlap; two
 * passages tagged side by side stay two units). Nested spans of one code
 * count as the outer one.
 */
export function mergeOverlapping(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((interval) => interval.end > interval.start).sort(byStart);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start < last.end) {
      if (interval.end > last.end) merged[merged.length - 1] = { start: last.start, end: interval.end };
    } else {
      merged.push(interval);
    }
  }
  return merged;
}

/** The total length of sorted intervals that do not overlap. */
export function coveredLength(intervals: readonly Interval[]): number {
  let length = 0;
  for (const interval of intervals) length += interval.end - interval.start;
  return length;
}

/**
 * The code points two annotators cover together (sorted intervals that do
 * not overlap, as mergeOverlapping gives): one pass over both.
 */
export function sharedLength(a: readonly Interval[], b: readonly Interval[]): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (end > start) shared += end - start;
    if (a[i].end <= b[j].end) i++;
    else j++;
  }
  return shared;
}

/**
 * How many code points of [0, length) exactly k of the annotators cover, for
 * k = 0 to the number of annotators: one sweep over the boundaries, however
 * long the text.
 */
export function coverageCounts(annotators: ReadonlyArray<readonly Interval[]>, length: number): number[] {
  const events: Array<[position: number, change: number]> = [];
  for (const intervals of annotators) {
    for (const interval of intervals) events.push([interval.start, 1], [interval.end, -1]);
  }
  // Ends before starts at one position: a passage tagged right after another never counts twice.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const counts = new Array<number>(annotators.length + 1).fill(0);
  let covering = 0;
  let at = 0;
  for (const [position, change] of events) {
    counts[covering] += position - at;
    at = position;
    covering += change;
  }
  counts[covering] += length - at;
  return counts;
}
