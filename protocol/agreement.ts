// Agreement between annotators' copies of one article, computed by the
// server from its index with the core's functions: the figures are the very
// document `findings agree --format json` prints for the same reports.
import { RequestType } from 'vscode-languageserver-protocol';
import type { AgreementDocument } from '../core/agreement/agreementDocument';
import type { LabelKind } from '../core/agreement/agreementTypes';
import type { FindingsScope } from './scope';

export type { AgreementDocument } from '../core/agreement/agreementDocument';

export interface AgreementParams {
  /** Default: the whole workspace. */
  readonly scope?: FindingsScope;
  /** Figures per code (default) or per theme. */
  readonly by?: LabelKind;
}
export interface AgreementResult {
  /** Null when no article has two annotators' copies. */
  readonly figures: AgreementDocument | null;
  /** How many articles and reports the scope holds. */
  readonly articles: number;
  readonly reports: number;
}
/** `findings/agreement`: the agreement figures of a scope. */
export const AgreementRequest = new RequestType<AgreementParams, AgreementResult, void>('findings/agreement');

export interface ArticleCopy {
  readonly uri: string;
  /** Relative to the workspace folder, with `/`. */
  readonly path: string;
  readonly annotator: string | null;
  /** A reference report (`annotator: adjudicated`), not one annotator's copy. */
  readonly reference: boolean;
}
export interface ArticleCopiesParams {
  readonly uri: string;
}
export interface ArticleCopiesResult {
  /** The article's fingerprint (SHA-256 of the clean text). */
  readonly fingerprint: string;
  /** The other reports with the same clean text, in path order (this one left out). */
  readonly others: readonly ArticleCopy[];
}
/** `findings/articleCopies`: the other annotators' copies of a report's article (same clean text); null for a file that is not a report. */
export const ArticleCopiesRequest = new RequestType<ArticleCopiesParams, ArticleCopiesResult | null, void>('findings/articleCopies');
