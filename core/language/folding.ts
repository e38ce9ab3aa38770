import type { ReportDocument } from '../document/types';
import { lineBreakLength, nextLineBreak } from '../text/lineBreaks';
import type { OffsetRange } from '../text/range';

export interface FoldingRegion {
  /** From the first character of the first line to the last character of the last line. */
  readonly range: OffsetRange;
  readonly kind: 'frontMatter' | 'spans';
}

/** The front matter, and each run of two or more consecutive paragraphs that contain spans. */
export function foldingRegions(document: ReportDocument): FoldingRegion[] {
  const regions: FoldingRegion[] = [];
  const text = document.text;
  if (document.frontMatter) {
    const { start, end } = document.frontMatter.range;
    regions.push({ range: { start, end: trimLineEnd(text, end) }, kind: 'frontMatter' });
  }
  const paragraphs = paragraphsOf(text, document.bodyStart);
  const marked = new Array<boolean>(paragraphs.length).fill(false);
  for (const span of document.spans) {
    const index = paragraphAt(paragraphs, span.range.start);
    if (index !== -1) marked[index] = true;
  }
  let run: OffsetRange[] = [];
  const flush = () => {
    if (run.length >= 2) regions.push({ range: { start: run[0].start, end: run[run.length - 1].end }, kind: 'spans' });
    run = [];
  };
  paragraphs.forEach((paragraph, index) => {
    if (marked[index]) run.push(paragraph);
    else flush();
  });
  flush();
  return regions;
}

/** The index of the paragraph containing an offset, or -1. */
function paragraphAt(paragraphs: readonly OffsetRange[], offset: number): number {
  let low = 0;
  let high = paragraphs.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (paragraphs[mid].end < offset) low = mid + 1;
    else if (paragraphs[mid].start > offset) high = mid - 1;
    else return mid;
  }
  return -1;
}

/** Paragraphs of the body: runs of non-blank lines. */
function paragraphsOf(text: string, from: number): OffsetRange[] {
  const paragraphs: OffsetRange[] = [];
  let start = -1;
  let lastEnd = from;
  let at = from;
  while (at <= text.length) {
    const lineEnd = nextLineBreak(text, at);
    if (isBlank(text, at, lineEnd)) {
      if (start !== -1) paragraphs.push({ start, end: lastEnd });
      start = -1;
    } else {
      if (start === -1) start = at;
      lastEnd = lineEnd;
    }
    if (lineEnd === text.length) break;
    at = lineEnd + lineBreakLength(text, lineEnd);
  }
  if (start !== -1) paragraphs.push({ start, end: lastEnd });
  return paragraphs;
}

/** An offset before any line break it ends at. */
function trimLineEnd(text: string, end: number): number {
  if (end >= 2 && lineBreakLength(text, end - 2) === 2) return end - 2;
  return end >= 1 && lineBreakLength(text, end - 1) === 1 ? end - 1 : end;
}

/** Whether a line holds only whitespace, read in place rather than sliced (the run stops at the line break). */
function isBlank(text: string, start: number, end: number): boolean {
  SPACES.lastIndex = start;
  SPACES.test(text);
  return SPACES.lastIndex >= end;
}

const SPACES = /[^\S\r\n]*/y;
