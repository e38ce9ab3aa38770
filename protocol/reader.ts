// The coded reader and the editor's code tints: what a report shows, as the
// server parsed it (core/reader). The client and the webviews parse nothing.
import { RequestType } from 'vscode-languageserver-protocol';
import type { ReaderModel, ReaderPassages } from '../core/reader/readerTypes';

export type { ReaderAttribute, ReaderCode, ReaderHeader, ReaderHeaderField, ReaderModel, ReaderPassage, ReaderPassages, ReaderPosition, ReaderRange, ReaderTheme } from '../core/reader/readerTypes';

export interface ReaderParams {
  readonly uri: string;
}

export interface ReaderResult extends ReaderModel {
  /** The open document's version the model is of; null for a report read from disk. */
  readonly version: number | null;
}
/** `findings/reader`: a report's clean text, header and passages; null for a file that is not a report. */
export const ReaderRequest = new RequestType<ReaderParams, ReaderResult | null, void>('findings/reader');

export interface PassagesResult extends ReaderPassages {
  readonly version: number | null;
}
/** `findings/passages`: a report's passages with their codes and source ranges (for tints and the overview ruler); null for a file that is not a report. */
export const PassagesRequest = new RequestType<ReaderParams, PassagesResult | null, void>('findings/passages');
