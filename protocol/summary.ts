// The summary panel's request, computed by the server from its index: the
// client never parses a report. The shapes are the core's, as types only.
import { RequestType } from 'vscode-languageserver-protocol';
import type { ReportsSummary, SummaryFindingData, SummaryReportData, SummaryTally } from '../core/summary/types';
import type { CodebookSummary } from './codebook';
import type { FindingsScope } from './scope';

/** A tally row, one finding, one report: the core's summary types, which are plain data. */
export type Tally = SummaryTally;
export type SummaryFinding = SummaryFindingData;
export type SummaryReport = SummaryReportData;

export interface SummaryParams {
  readonly scope: FindingsScope;
}
/** Counts, tallies (reports without a field under "(none)") and findings in path then span order. */
export interface SummaryResult extends ReportsSummary {
  readonly scope: FindingsScope;
  /** The index's generation when the answer was computed (see `findings/indexChanged`). */
  readonly generation: number;
  /** Labels and colours of the codes and themes of the codebook in force. */
  readonly codebook: CodebookSummary;
}
/** `findings/summary`: counts, tallies and findings of a scope. */
export const SummaryRequest = new RequestType<SummaryParams, SummaryResult, void>('findings/summary');
