// What the reader reads of a report's model, and of a delta to it: all of it
// but what only the extension uses (each passage's source ranges, the map of
// source lines), which the extension may leave out of what it sends. The checks
// (validate.ts) build this from a message, so nothing unchecked is used.
import type { DeltaFor } from '../../../core/reader/readerDelta';
import type { ReaderModel, ReaderPassage } from '../../../core/reader/readerTypes';

export type ShownPassage = Omit<ReaderPassage, 'source'>;

export interface ShownModel extends Omit<ReaderModel, 'passages' | 'lines'> {
  readonly passages: readonly ShownPassage[];
}

/** A delta as the webview reads it: without the line map and the passages' source ranges. */
export type ShownDelta = DeltaFor<ShownPassage>;
