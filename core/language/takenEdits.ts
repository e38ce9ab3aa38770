import type { TextEdit } from '../text/textEdit';

/**
 * The edits "fix all" has taken, for asking whether another overlaps one of
 * them in logarithmic time. Taken replacements never overlap one another, so
 * sorted by start they are sorted by end too; insertions (empty ranges) are
 * kept apart, as points. Diagnostics come sorted by position, so additions
 * nearly always land at the end of their list.
 */
export class TakenEdits {
  /** Replacements: starts and ends, in order. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Insertion points, in order. */
  private readonly points: number[] = [];

  /** Whether `edit` overlaps a taken edit: ranges sharing text, or an insertion strictly inside a replacement. */
  overlaps({ range: { start, end } }: TextEdit): boolean {
    // The first replacement ending after `start`: the only one that can overlap.
    const k = firstAbove(this.ends, start);
    if (k < this.ends.length && this.starts[k] < Math.max(end, start + 1) && (start < end || this.starts[k] < start)) return true;
    if (start === end) return false;
    // An insertion point strictly inside the replacement.
    const p = firstAbove(this.points, start);
    return p < this.points.length && this.points[p] < end;
  }

  add({ range: { start, end } }: TextEdit): void {
    if (start === end) {
      insertSorted(this.points, firstAbove(this.points, start), start);
      return;
    }
    const at = firstAbove(this.ends, start);
    insertSorted(this.starts, at, start);
    insertSorted(this.ends, at, end);
  }
}

/** The index of the first value greater than `value` in an ascending list. */
function firstAbove(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] > value) high = mid;
    else low = mid + 1;
  }
  return low;
}

function insertSorted(values: number[], at: number, value: number): void {
  if (at === values.length) values.push(value);
  else values.splice(at, 0, value);
}
