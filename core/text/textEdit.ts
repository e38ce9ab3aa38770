import type { OffsetRange } from './range';

/** Replaces the text at `range` (UTF-16 offsets) with `newText`; an empty range inserts. */
export interface TextEdit {
  readonly range: OffsetRange;
  readonly newText: string;
}
