// The coded reader and the editor's code tints: what a report shows, as the
// server parsed it (core/reader). The client and the webviews parse nothing.
import { RequestType } from 'vscode-languageserver-protocol';
import type { ReaderDelta } from '../core/reader/readerDelta';
import type { ReaderModel, ReaderPassages } from '../core/reader/readerTypes';

export type { PassageShift, ReaderDelta, Splice } from '../core/reader/readerDelta';
export type { ReaderAttribute, ReaderCode, ReaderHeader, ReaderHeaderField, ReaderModel, ReaderPassage, ReaderPassages, ReaderPosition, ReaderRange, ReaderTheme } from '../core/reader/readerTypes';

export interface ReaderParams {
  readonly uri: string;
}

export interface ReaderResult extends ReaderModel {
  /** The open document's version the model is of; null for a report read from disk. */
  readonly version: number | null;
  /** Names this model for `findings/readerUpdate`'s `since` (opaque; the same while the model is). */
  readonly revision: string;
}
/** `findings/reader`: a report's clean text, header and passages; null for a file that is not a report. */
export const ReaderRequest = new RequestType<ReaderParams, ReaderResult | null, void>('findings/reader');

export interface ReaderUpdateParams {
  readonly uri: string;
  /** The revision of the model the client holds, if any. */
  readonly since?: string;
}

/** What changed since the client's model (`base`, the `since` asked with): applied, it gives the model of `revision`. */
export interface ReaderDeltaResult extends ReaderDelta {
  readonly version: number | null;
  readonly revision: string;
}
/**
 * `findings/readerUpdate`: the model as `findings/reader` gives it, or, when
 * the server still knows the model named by `since`, only what changed
 * since (core/reader/readerDelta.ts, applyReaderDelta); null for a file that
 * is not a report. An answer with `base` is a delta.
 */
export const ReaderUpdateRequest = new RequestType<ReaderUpdateParams, ReaderResult | ReaderDeltaResult | null, void>('findings/readerUpdate');

export interface PassagesResult extends ReaderPassages {
  readonly version: number | null;
}
/** `findings/passages`: a report's passages with their codes and source ranges (for tints and the overview ruler); null for a file that is not a report. */
export const PassagesRequest = new RequestType<ReaderParams, PassagesResult | null, void>('findings/passages');
