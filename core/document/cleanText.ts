import { lastAtOrBefore } from '../text/lastAtOrBefore';
import type { RawSpan } from './spanScanner';

/**
 * The article text with span markup removed, and offset maps both ways. The
 * markup removed is each span's `[` and its `]{…}`. Each kept stretch of
 * source between them (a segment) starts at `sourceStarts[i]` in the source
 * and at `cleanStarts[i]` in the clean text; lookups binary-search them.
 *
 * The tables are built on first use (checking a report needs none of them:
 * see spanCleanRanges), as typed arrays: a few allocations per report, none
 * per span. A class rather than an object of closures: a report's parse
 * allocates little, and nothing that outlives the report (see parseReport.ts).
 */
export class CleanText {
  private tables: Tables | undefined;
  private built: string | undefined;

  /** `byOpen` holds the spans in the order of their `[`, `byClose` in the order of their `]`. */
  constructor(
    private readonly source: string,
    private readonly bodyStart: number,
    private readonly byOpen: readonly RawSpan[],
    private readonly byClose: readonly RawSpan[],
  ) {}

  /** Built on first use. */
  text(): string {
    if (this.built === undefined) {
      const { sourceStarts, sourceEnds } = this.segments();
      const parts: string[] = [];
      for (let i = 0; i < sourceStarts.length; i++) parts.push(this.source.slice(sourceStarts[i], sourceEnds[i]));
      this.built = parts.join('');
    }
    return this.built;
  }

  toClean(sourceOffset: number): number {
    if (sourceOffset <= this.bodyStart) return 0;
    const { sourceStarts, cleanStarts, cleanLength } = this.segments();
    const at = segmentAt(sourceStarts, sourceOffset);
    const segmentEnd = at + 1 < cleanStarts.length ? cleanStarts[at + 1] : cleanLength;
    return Math.min(cleanStarts[at] + (sourceOffset - sourceStarts[at]), segmentEnd);
  }

  toSource(cleanOffset: number): number {
    const { sourceStarts, cleanStarts, cleanLength } = this.segments();
    const clamped = Math.max(0, Math.min(cleanOffset, cleanLength));
    // Prefer the later segment at a boundary, so a span's start maps inside its markup.
    const at = segmentAt(cleanStarts, clamped);
    return sourceStarts[at] + (clamped - cleanStarts[at]);
  }

  /** The removals in source order: the `[` (in byOpen's order) merged with the `]{…}` (in byClose's). */
  private segments(): Tables {
    if (this.tables) return this.tables;
    const { source, byOpen, byClose } = this;
    const count = byOpen.length;
    const segments = 2 * count + 1;
    const sourceStarts = new Int32Array(segments);
    const cleanStarts = new Int32Array(segments);
    /** Where each segment's kept text ends in the source: where the next removal starts. */
    const sourceEnds = new Int32Array(segments);
    let cursor = this.bodyStart;
    let cleanLength = 0;
    let segment = 0;
    let o = 0;
    let c = 0;
    while (o < count || c < count) {
      let start: number;
      let end: number;
      if (c === count || (o < count && byOpen[o].open < byClose[c].close)) {
        start = byOpen[o++].open;
        end = start + 1;
      } else {
        start = byClose[c].close;
        end = byClose[c++].end;
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
    this.tables = { sourceStarts, cleanStarts, sourceEnds, cleanLength };
    return this.tables;
  }
}

interface Tables {
  readonly sourceStarts: Int32Array;
  readonly cleanStarts: Int32Array;
  readonly sourceEnds: Int32Array;
  readonly cleanLength: number;
}

/**
 * Each span's tagged text in clean-text offsets, without the tables: a source
 * offset that is not inside markup maps to itself less the markup before it,
 * and the `[` after a span's own `[` and the `]` of a span's `]{…}` are such
 * offsets. Walking the spans in `[` order and in `]` order counts that markup
 * as it goes. Returns the starts (by `[` order) and ends (by `]` order).
 */
export function spanCleanRanges(bodyStart: number, byOpen: readonly RawSpan[], byClose: readonly RawSpan[]): { starts: Int32Array; ends: Int32Array } {
  const count = byOpen.length;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  // Starts: the text after span k's `[` follows k + 1 `[` and the `]{…}` that close before it.
  let closed = 0;
  let closedLength = 0;
  for (let k = 0; k < count; k++) {
    const at = byOpen[k].open + 1;
    while (closed < count && byClose[closed].close < at) {
      closedLength += byClose[closed].end - byClose[closed].close;
      closed++;
    }
    starts[k] = at - bodyStart - (k + 1) - closedLength;
  }
  // Ends: a span's `]` follows the `[` before it and the `]{…}` of the spans closed before it.
  let opened = 0;
  closedLength = 0;
  for (let j = 0; j < count; j++) {
    const at = byClose[j].close;
    while (opened < count && byOpen[opened].open < at) opened++;
    ends[j] = at - bodyStart - opened - closedLength;
    closedLength += byClose[j].end - byClose[j].close;
  }
  return { starts, ends };
}

/** The last segment starting at or before `offset`. */
function segmentAt(starts: Int32Array, offset: number): number {
  return lastAtOrBefore(starts.length, (i) => starts[i], offset);
}
