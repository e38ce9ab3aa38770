// "Compare Annotations": the annotators' copies of a report's article side by
// side, each passage with its status against the other copies, and the
// article's agreement figures, all computed by the server with the core's
// functions (core/agreement/comparison.ts).
import { RequestType } from 'vscode-languageserver-protocol';
import type { ComparedCopy, ComparisonFigures } from '../core/agreement/comparisonTypes';
import type { PassageStatus } from '../core/agreement/passageStatus';
import type { ReaderCode, ReaderPassage, ReaderTheme } from '../core/reader/readerTypes';

export type { ComparisonFigures } from '../core/agreement/comparisonTypes';
export type { PassageStatus } from '../core/agreement/passageStatus';

export interface CompareParams {
  /** A report: its article's copies are compared. */
  readonly uri: string;
}

/** A passage as the coded reader draws it (offsets in UTF-16 units of the clean text), with its status. */
export interface ComparePassage extends ReaderPassage {
  /** The worst of `versus`. */
  readonly status: PassageStatus;
  /** Against each other annotator, in the copies' order. */
  readonly versus: ReadonlyArray<{ readonly annotator: string; readonly status: PassageStatus }>;
}

/** A copy as the core compares it (core/agreement/comparisonTypes.ts), with its URI and its passages as the reader draws them. */
export interface CompareCopy extends Omit<ComparedCopy, 'passages'> {
  readonly uri: string;
  /** Every span of the copy, in its order. */
  readonly passages: readonly ComparePassage[];
}

export interface CompareResult {
  /** The article's fingerprint (SHA-256 of the clean text). */
  readonly fingerprint: string;
  /** The copy that was asked about, by position in `copies`; null when it is a reference report (left out). */
  readonly current: number | null;
  readonly cleanText: string;
  /** The clean text's length in code points: the unit of the figures. */
  readonly length: number;
  /** The annotators' copies, by name (reference reports left out). */
  readonly copies: readonly CompareCopy[];
  /** What `findings agree` prints for these copies alone: per code and in all, offsets and lengths in code points. */
  readonly figures: ComparisonFigures;
  /** The codes of the codebook in force, then any other code a copy uses (grey); `passages` counts over all the copies. */
  readonly codes: readonly ReaderCode[];
  readonly themes: readonly ReaderTheme[];
}

/** `findings/compare`: the copies of a report's article compared; null for a file that is not a report or an article with fewer than two annotators' copies. */
export const CompareRequest = new RequestType<CompareParams, CompareResult | null, void>('findings/compare');
