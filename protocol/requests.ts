// Custom requests between the VS Code client and the language server.
// Plain data only: both sides import this file, neither side's libraries
// (the summary's shapes are the core's, imported as types only).
import type { ReportsSummary, SummaryFindingData, SummaryReportData, SummaryTally } from '../core/summary/types';

/** The codebook in force, for quick picks and the summary panel. */
export const CodebookRequest = 'findings/codebook';
export interface CodebookParams {
  readonly uri?: string;
}
export interface CodebookSummary {
  readonly name: string;
  readonly version: string;
  readonly codes: ReadonlyArray<{
    readonly name: string;
    readonly label: string;
    readonly description: string;
    readonly color: string;
    readonly attributes: ReadonlyArray<{ readonly name: string; readonly required: boolean; readonly values: readonly string[] | null; readonly multiple: boolean; readonly description: string | null }>;
  }>;
  readonly themes: ReadonlyArray<{ readonly name: string; readonly label: string; readonly definition: string }>;
}

/** The text of a codebook source, so the client can show the built-in one read-only. */
export const CodebookTextRequest = 'findings/codebookText';
export interface CodebookTextParams {
  /** `builtin:send.codebook.yaml` or a workspace codebook path. */
  readonly path: string;
}
export interface CodebookTextResult {
  readonly text: string;
}

/** Span counts of one report, for the status bar. */
export const DocumentCountsRequest = 'findings/documentCounts';
export interface DocumentCountsParams {
  readonly uri: string;
}
export interface DocumentCountsResult {
  readonly spans: number;
  readonly byCode: Readonly<Record<string, number>>;
  readonly errors: number;
  readonly warnings: number;
}

/** The URI scheme under which the client shows the built-in codebook, read-only. */
export const BUILTIN_CODEBOOK_SCHEME = 'findings-codebook';

// ---------------------------------------------------------------------------
// Summary panel and "Export findings" (computed by the server from its index:
// the client never parses a report).

/** Which reports a summary or an export covers. */
export type FindingsScope =
  /** One report, open or on disk. */
  | { readonly kind: 'document'; readonly uri: string }
  /** Every report of the dataset in every workspace folder (what `findings export .` sees at each folder root). */
  | { readonly kind: 'workspace' }
  /** Every report of the dataset under a folder (a workspace folder or one inside it). */
  | { readonly kind: 'folder'; readonly uri: string };

/** A tally row, one finding, one report: the core's summary types, which are plain data. */
export type Tally = SummaryTally;
export type SummaryFinding = SummaryFindingData;
export type SummaryReport = SummaryReportData;

export const SummaryRequest = 'findings/summary';
export interface SummaryParams {
  readonly scope: FindingsScope;
}
/** Counts, tallies (reports without a field under "(none)") and findings in path then span order. */
export interface SummaryResult extends ReportsSummary {
  readonly scope: FindingsScope;
  /** Increases whenever the server's index changes; equal generations mean equal results. */
  readonly generation: number;
  /** Labels and colours of the codes and themes of the codebook in force. */
  readonly codebook: CodebookSummary;
}

/** Sent by the server (debounced) when reports or codebooks changed; the panel then asks again. */
export const IndexChangedNotification = 'findings/indexChanged';
export interface IndexChangedParams {
  readonly generation: number;
  /** The report URIs whose results changed. */
  readonly uris: readonly string[];
}

export type FindingsExportFormat = 'jsonl' | 'csv' | 'json';

/** How many reports in a scope have errors, before exporting. */
export const ExportCheckRequest = 'findings/exportCheck';
export interface ExportCheckParams {
  readonly scope: FindingsScope;
}
export interface ExportCheckResult {
  readonly reports: number;
  readonly reportsWithErrors: number;
  readonly errors: number;
}

/**
 * The dataset of a scope, exactly what `findings export` writes for the same
 * reports, run at the workspace folder's root. Cancellable.
 */
export const ExportRequest = 'findings/export';
export interface ExportParams {
  readonly scope: FindingsScope;
  readonly format: FindingsExportFormat;
}
export interface ExportResult {
  readonly content: string;
  readonly documents: number;
  readonly findings: number;
}
