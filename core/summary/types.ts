import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import type { LineIndex } from '../text/lineIndex';
import type { LineRange } from '../text/range';
import type { Diagnostic } from '../validate/diagnostic';

/** The key under which reports without a field are tallied. */
export const NO_VALUE = '(none)';

/** An analysed report as a front end holds it. */
export interface SummaryInput {
  /** Relative to the workspace folder (or the working directory), with `/`. */
  readonly path: string;
  readonly uri: string;
  readonly document: ReportDocument;
  readonly diagnostics: readonly Diagnostic[];
  /** The codebook the report was checked against: it says which attributes hold themes. */
  readonly codebook: Codebook;
  /** The report's line index, when the caller has one already. */
  readonly lines?: LineIndex;
}

/** How many reports and how many findings share a value. */
export interface SummaryTally {
  readonly reports: number;
  readonly findings: number;
}

export interface SummaryFindingData {
  readonly uri: string;
  readonly path: string;
  readonly index: number;
  readonly codes: readonly string[];
  readonly themes: readonly string[];
  readonly area: string | null;
  /** The tagged text from the clean text (the export's `exact`). */
  readonly text: string;
  /** The passage's memo (its `memo` attribute); null without one. */
  readonly memo: string | null;
  /** Where the tagged text is in the source, zero-based lines and UTF-16 characters. */
  readonly range: LineRange;
  /** True when a page cut the text or the memo (see PAGE_TEXT_LIMIT); absent otherwise. */
  readonly cut?: boolean;
}

export interface SummaryReportData {
  readonly uri: string;
  readonly path: string;
  readonly area: string | null;
  readonly framework: string | null;
  readonly outcome: string | null;
  readonly status: string | null;
  readonly annotator: string | null;
  readonly findings: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface SummaryTotals {
  readonly reports: number;
  readonly findings: number;
  readonly errors: number;
  readonly warnings: number;
  readonly reportsWithErrors: number;
}

/** The counts and tallies of a set of reports: what `findings/summary` answers, whatever the corpus's size. */
export interface ReportsAggregates {
  readonly totals: SummaryTotals;
  readonly byCode: Readonly<Record<string, number>>;
  readonly byTheme: Readonly<Record<string, number>>;
  readonly byCodeAndTheme: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly byArea: Readonly<Record<string, SummaryTally>>;
  readonly byFramework: Readonly<Record<string, SummaryTally>>;
  readonly byOutcome: Readonly<Record<string, SummaryTally>>;
  readonly byStatus: Readonly<Record<string, SummaryTally>>;
  readonly byAnnotator: Readonly<Record<string, SummaryTally>>;
}

/** The aggregates with every report and finding: what a summary of a few reports holds whole (tests, small scopes). */
export interface ReportsSummary extends ReportsAggregates {
  readonly reports: readonly SummaryReportData[];
  readonly findings: readonly SummaryFindingData[];
}
