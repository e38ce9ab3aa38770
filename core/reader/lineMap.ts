/**
 * Source lines and clean-text offsets, for scrolling the coded reader and
 * the report's editor together: ReaderModel.lines says where each source
 * line of the body starts in the clean text. Binary searches, importing
 * nothing but the types and the search itself (the reader's webview uses them).
 */
import { lastAtOrBefore } from '../text/lastAtOrBefore';
import type { ReaderModel } from './readerTypes';

type Lines = ReaderModel['lines'];

/** Where a source line starts in the clean text (lines before the body give 0, past the end the text's end). */
export function cleanOffsetOfLine(lines: Lines, line: number): number {
  const { firstLine, offsets } = lines;
  if (offsets.length === 0 || line <= firstLine) return 0;
  const i = Math.min(line - firstLine, offsets.length - 1);
  return offsets[i];
}

/** The first source line whose text reaches the clean offset: the last line starting at or before it. */
export function lineOfCleanOffset(lines: Lines, offset: number): number {
  const { firstLine, offsets } = lines;
  if (offsets.length === 0) return firstLine;
  let low = lastAtOrBefore(offsets.length, (i) => offsets[i], offset);
  // Lines that add no clean text (markup only) share an offset: the first of them.
  while (low > 0 && offsets[low - 1] === offsets[low] && offsets[low] === offset) low--;
  return firstLine + low;
}
