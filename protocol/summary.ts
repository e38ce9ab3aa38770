// The summary panel's requests, answered by the server from its index: the
// client never parses a report. The shapes are the core's, as types only.
//
// `findings/summary` carries the aggregates only (counts and tallies, a few
// hundred keys whatever the corpus); the findings themselves come a page at
// a time from `findings/findingsPage`, filtered, searched and sorted by the
// server, so that no reply grows with the corpus.
import { RequestType } from 'vscode-languageserver-protocol';
import type { FindingFilters } from '../core/summary/findingsQuery';
import type { ReportsAggregates, SummaryFindingData, SummaryReportData, SummaryTally } from '../core/summary/types';
import type { CodebookSummary } from './codebook';
import type { FindingsSort } from './findingsPaging';
import type { FindingsScope } from './scope';

/** A tally row, one finding, one report: the core's summary types, which are plain data. */
export type Tally = SummaryTally;
export type SummaryFinding = SummaryFindingData;
export type SummaryReport = SummaryReportData;
export type { FindingFilters };

export interface SummaryParams {
  readonly scope: FindingsScope;
}
/** Counts and tallies (reports without a field under "(none)") of a scope. */
export interface SummaryResult extends ReportsAggregates {
  readonly scope: FindingsScope;
  /** The index's generation when the answer was computed (see `findings/indexChanged`). */
  readonly generation: number;
  /** The report of a document scope (the panel's heading); null for a folder or the workspace. */
  readonly report: SummaryReport | null;
  /** Labels and colours of the codes and themes of the codebook in force. */
  readonly codebook: CodebookSummary;
}
/** `findings/summary`: counts and tallies of a scope. */
export const SummaryRequest = new RequestType<SummaryParams, SummaryResult, void>('findings/summary');

// The list's orders and a page's bounds live in a file without imports, which the summary webview's bundle may import.
export { FINDINGS_SORTS, MAX_PAGE_FINDINGS, PAGE_TEXT_LIMIT, type FindingsSort } from './findingsPaging';

export interface FindingsPageParams {
  readonly scope: FindingsScope;
  /** '' for any; `area` is "(none)" for findings whose report names no area. */
  readonly filters: FindingFilters;
  /** Default 'report'. */
  readonly sort?: FindingsSort;
  /** The first matching finding to return (0-based, in the sort order). */
  readonly offset: number;
  /** How many to return, at most MAX_PAGE_FINDINGS; 0 for the counts alone. */
  readonly limit: number;
}

/** One value of a filter and the number of findings it would match beside the other filters as set. */
export interface FacetValue {
  readonly value: string;
  readonly count: number;
}

export interface FindingsPageResult {
  readonly scope: FindingsScope;
  /** As in `findings/summary`: a page and a summary of one generation belong together. */
  readonly generation: number;
  /** Findings in the scope. */
  readonly total: number;
  /** Findings the filters match. */
  readonly matching: number;
  readonly offset: number;
  /** The page, in the sort order. */
  readonly findings: readonly SummaryFinding[];
  /** Every value each filter can take in the scope (sorted), with its count under the other filters (0 included). */
  readonly facets: { readonly code: readonly FacetValue[]; readonly theme: readonly FacetValue[]; readonly area: readonly FacetValue[] };
}
/** `findings/findingsPage`: a page of a scope's findings, filtered, searched and sorted by the server. */
export const FindingsPageRequest = new RequestType<FindingsPageParams, FindingsPageResult, void>('findings/findingsPage');
