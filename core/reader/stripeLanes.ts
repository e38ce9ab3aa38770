/**
 * Lanes for the coding stripes in the reader's margin: intervals that
 * overlap get different lanes, and no more lanes are used than intervals
 * overlap at one point (colouring an interval graph greedily by start is
 * optimal). A min-heap of the busy lanes by end and one of the free lanes
 * by number: O(n log n). The intervals may be clean-text offsets or pixels.
 * No imports: the reader's webview bundle and the saved HTML's script use it.
 */

export interface LaneInterval {
  readonly start: number;
  readonly end: number;
}

export interface StripeLanes {
  /** The lane of each interval, in the order given (0 is the first lane). */
  readonly lanes: readonly number[];
  /** How many lanes there are: the most intervals that overlap at one point. */
  readonly count: number;
}

/**
 * Half-open intervals overlap when they share a point; an empty interval
 * stands for its point, so it overlaps what covers it and other empty
 * intervals at the same place. Ties in start put the longer interval (the
 * enclosing passage) in the lower lane.
 */
export function stripeLanes(intervals: readonly LaneInterval[]): StripeLanes {
  const n = intervals.length;
  // Most blocks have one stripe or none: no sorting, no heaps (the reader's first drawing runs before its code is optimised).
  if (n <= 1) return { lanes: n === 0 ? [] : [0], count: n };
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => intervals[a].start - intervals[b].start || intervals[b].end - intervals[a].end || a - b);
  const lanes = new Array<number>(n).fill(0);
  // Busy lanes, keyed by the end of their interval (an empty interval holds its lane just past its point).
  const busy = new MinHeap<[number, number]>((a, b) => a[0] - b[0] || a[1] - b[1]);
  const free = new MinHeap<number>((a, b) => a - b);
  let count = 0;
  for (const i of order) {
    const { start, end } = intervals[i];
    while (busy.size > 0 && busy.peek()[0] <= start) free.push(busy.pop()[1]);
    const lane = free.size > 0 ? free.pop() : count++;
    lanes[i] = lane;
    busy.push([end > start ? end : nextAfter(start), lane]);
  }
  return { lanes, count };
}

/** The smallest number above `value` (a point's empty interval ends there). */
function nextAfter(value: number): number {
  if (value === 0) return Number.MIN_VALUE;
  const step = Math.abs(value) * Number.EPSILON;
  return value + (step > 0 ? step : Number.MIN_VALUE);
}

/** A binary heap: the least element first, by `compare`. */
class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(items[i], items[parent]) >= 0) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): T {
    const items = this.items;
    const top = items[0];
    const last = items.pop() as T;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let least = i;
        if (left < items.length && this.compare(items[left], items[least]) < 0) least = left;
        if (right < items.length && this.compare(items[right], items[least]) < 0) least = right;
        if (least === i) break;
        [items[i], items[least]] = [items[least], items[i]];
        i = least;
      }
    }
    return top;
  }
}
