import type { RawSpan } from './spanScanner';

/**
 * The article text with span markup removed, and offset maps both ways.
 * Each kept stretch of source (a segment) starts at `sourceStarts[i]` in the
 * source and at `cleanStarts[i]` in the clean text; lookups binary-search them.
 * A class rather than an object of closures: a report's parse allocates
 * little, and nothing that outlives the report (see parseReport.ts).
 */
export class CleanText {
  private built: string | undefined;

  constructor(
    private readonly source: string,
    private readonly bodyStart: number,
    private readonly sourceStarts: Int32Array,
    private readonly cleanStarts: Int32Array,
    /** Where each segment's kept text ends in the source: where the next removal starts. */
    private readonly sourceEnds: Int32Array,
    private readonly cleanLength: number,
  ) {}

  /** Built on first use: checking a report needs only the offset maps. */
  text(): string {
    if (this.built === undefined) {
      const parts: string[] = [];
      for (let i = 0; i < this.sourceStarts.length; i++) parts.push(this.source.slice(this.sourceStarts[i], this.sourceEnds[i]));
      this.built = parts.join('');
    }
    return this.built;
  }

  toClean(sourceOffset: number): number {
    if (sourceOffset <= this.bodyStart) return 0;
    const at = segmentAt(this.sourceStarts, sourceOffset);
    const segmentEnd = at + 1 < this.cleanStarts.length ? this.cleanStarts[at + 1] : this.cleanLength;
    return Math.min(this.cleanStarts[at] + (sourceOffset - this.sourceStarts[at]), segmentEnd);
  }

  toSource(cleanOffset: number): number {
    const clamped = Math.max(0, Math.min(cleanOffset, this.cleanLength));
    // Prefer the later segment at a boundary, so a span's start maps inside its markup.
    const at = segmentAt(this.cleanStarts, clamped);
    return this.sourceStarts[at] + (clamped - this.cleanStarts[at]);
  }
}

/**
 * `spans` come in the order their markup closes (as the scanner finds them),
 * so their `]{…}` parts are already in source order; only their `[` need
 * sorting. The tables are typed arrays: a few allocations per report, none
 * per span.
 */
export function buildCleanText(source: string, bodyStart: number, spans: readonly RawSpan[]): CleanText {
  const count = spans.length;
  const opens = sortedOpens(spans);
  const closesInOrder = closesAscending(spans);
  const segments = 2 * count + 1;
  const sourceStarts = new Int32Array(segments);
  const cleanStarts = new Int32Array(segments);
  const sourceEnds = new Int32Array(segments);
  let cursor = bodyStart;
  let cleanLength = 0;
  let segment = 0;
  let o = 0;
  let c = 0;
  while (o < count || c < count) {
    let start: number;
    let end: number;
    if (c === count || (o < count && opens[o] < closesInOrder[c].close)) {
      start = opens[o++];
      end = start + 1;
    } else {
      start = closesInOrder[c].close;
      end = closesInOrder[c].end;
      c++;
    }
    sourceStarts[segment] = cursor;
    cleanStarts[segment] = cleanLength;
    sourceEnds[segment] = start;
    segment++;
    cleanLength += start - cursor;
    cursor = end;
  }
  sourceStarts[segment] = cursor;
  cleanStarts[segment] = cleanLength;
  sourceEnds[segment] = source.length;
  cleanLength += source.length - cursor;
  return new CleanText(source, bodyStart, sourceStarts, cleanStarts, sourceEnds, cleanLength);
}

/** The spans' `[` offsets in ascending order (a numeric sort of a typed array: no comparator, no garbage). */
export function sortedOpens(spans: readonly RawSpan[]): Int32Array {
  const opens = new Int32Array(spans.length);
  for (let i = 0; i < spans.length; i++) opens[i] = spans[i].open;
  return opens.sort();
}

/** The spans in the order of their `]`: as given when the scanner produced them, else sorted. */
function closesAscending(spans: readonly RawSpan[]): readonly RawSpan[] {
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].close < spans[i - 1].close) return [...spans].sort((a, b) => a.close - b.close);
  }
  return spans;
}

/** The last segment starting at or before `offset`. */
function segmentAt(starts: Int32Array, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
