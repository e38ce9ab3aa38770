/**
 * The clean text cut at every passage boundary into runs, each with the
 * passages that cover it: what the coded reader and the saved HTML draw as
 * nested highlights. One sweep over the boundaries, sorted once:
 * O(p log p) for the sort, then O(runs · depth) to list the passages of each
 * run, never a scan of the text itself. No imports: the reader's webview
 * bundle uses it.
 */

/** A half-open range of the clean text (UTF-16 units). */
export interface TextInterval {
  readonly start: number;
  readonly end: number;
}

export interface PassageRun {
  readonly start: number;
  readonly end: number;
  /**
   * Positions (in the array given) of the passages covering the run,
   * outermost first: by start, then the longer first, then as given. An
   * empty passage has a run of its own, of length zero, at its offset.
   */
  readonly passages: readonly number[];
}

/** Runs that together spell the text `[0, length)` exactly, in order (plus the empty runs of empty passages). */
export function passageRuns(length: number, passages: readonly TextInterval[]): PassageRun[] {
  const n = passages.length;
  const starts = new Array<number>(n);
  const ends = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    // A range outside the text is clamped, so a stale or hostile model still yields runs that spell the text.
    starts[i] = clamp(passages[i].start, 0, length);
    ends[i] = clamp(passages[i].end, starts[i], length);
  }
  const opening = (a: number, b: number) => starts[a] - starts[b] || ends[b] - ends[a] || a - b;
  const identity = Array.from({ length: n }, (_, i) => i);
  // Spans come in document order, so the opening order is usually the order given: checked in one pass.
  const byStart = identity.every((i) => i === 0 || opening(i - 1, i) < 0) ? identity : identity.slice().sort(opening);
  const byEnd = identity.filter((i) => ends[i] > starts[i]).sort((a, b) => ends[a] - ends[b] || a - b);

  const runs: PassageRun[] = [];
  let active: number[] = [];
  let nextOpen = 0;
  let nextClose = 0;
  let position = 0;
  for (;;) {
    const openAt = nextOpen < n ? starts[byStart[nextOpen]] : Infinity;
    const closeAt = nextClose < byEnd.length ? ends[byEnd[nextClose]] : Infinity;
    const next = Math.min(openAt, closeAt, length);
    if (next > position) {
      runs.push({ start: position, end: next, passages: active.slice() });
      position = next;
    }
    if (closeAt === position) {
      while (nextClose < byEnd.length && ends[byEnd[nextClose]] === position) nextClose++;
      // Every passage ending here is active (empty ones never are).
      active = active.filter((passage) => ends[passage] > position);
    }
    if (openAt === position) {
      while (nextOpen < n && starts[byStart[nextOpen]] === position) {
        const passage = byStart[nextOpen++];
        if (ends[passage] === position) runs.push({ start: position, end: position, passages: [...active, passage] });
        // Opened in the sorted order, so appending keeps the active list outermost first.
        else active.push(passage);
      }
    }
    if (position >= length && nextOpen >= n) break;
  }
  return runs;
}

function clamp(value: number, low: number, high: number): number {
  return Number.isFinite(value) ? Math.max(low, Math.min(high, value)) : low;
}
