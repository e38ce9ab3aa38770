import type { RawSpan } from './spanScanner';

/**
 * The article text with span markup removed, and offset maps both ways.
 * `segments` holds, for each kept stretch of source, where it starts in the
 * source and in the clean text; lookups binary-search it.
 */
export interface CleanText {
  readonly text: string;
  toClean(sourceOffset: number): number;
  toSource(cleanOffset: number): number;
}

export function buildCleanText(source: string, bodyStart: number, spans: readonly RawSpan[]): CleanText {
  const removals: Array<[number, number]> = [];
  for (const span of spans) {
    removals.push([span.open, span.open + 1], [span.close, span.end]);
  }
  removals.sort((a, b) => a[0] - b[0]);
  const sourceStarts: number[] = [];
  const cleanStarts: number[] = [];
  let cursor = bodyStart;
  let cleanLength = 0;
  for (const [start, end] of removals) {
    sourceStarts.push(cursor);
    cleanStarts.push(cleanLength);
    cleanLength += start - cursor;
    cursor = end;
  }
  sourceStarts.push(cursor);
  cleanStarts.push(cleanLength);
  cleanLength += source.length - cursor;
  // Built on first use: checking a report needs only the offset maps.
  let text: string | undefined;
  const build = (): string => {
    const parts: string[] = [];
    for (let i = 0; i < sourceStarts.length; i++) {
      parts.push(source.slice(sourceStarts[i], i + 1 < sourceStarts.length ? removals[i][0] : source.length));
    }
    return parts.join('');
  };

  const segmentAt = (starts: number[], offset: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };

  return {
    get text() {
      text ??= build();
      return text;
    },
    toClean(sourceOffset: number): number {
      if (sourceOffset <= bodyStart) return 0;
      const segment = segmentAt(sourceStarts, sourceOffset);
      const segmentEnd = segment + 1 < cleanStarts.length ? cleanStarts[segment + 1] : cleanLength;
      return Math.min(cleanStarts[segment] + (sourceOffset - sourceStarts[segment]), segmentEnd);
    },
    toSource(cleanOffset: number): number {
      const clamped = Math.max(0, Math.min(cleanOffset, cleanLength));
      // Prefer the later segment at a boundary, so a span's start maps inside its markup.
      const segment = segmentAt(cleanStarts, clamped);
      return sourceStarts[segment] + (clamped - cleanStarts[segment]);
    },
  };
}
