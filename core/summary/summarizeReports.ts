import { frontMatterFields } from '../export/findingRecords';
import { countCorpus, countDocument, type DocumentCounts } from '../stats/counts';
import { LineIndex } from '../text/lineIndex';
import { comparePaths } from '../workspace/reportIndex';
import { reportArea, reportFieldText, spanFindingFacts } from './findingFacts';
import { NO_VALUE, type ReportsSummary, type SummaryFindingData, type SummaryInput, type SummaryReportData, type SummaryTally } from './types';

/** What one report contributes to a summary; front ends may cache it per analysed report. */
export interface ReportSummaryPart {
  readonly report: SummaryReportData;
  readonly counts: DocumentCounts;
  readonly findings: readonly SummaryFindingData[];
}

/** The facts, counts and findings of one report. */
export function summarizeReport(input: SummaryInput): ReportSummaryPart {
  const { document } = input;
  const fields = frontMatterFields(document);
  const area = reportArea(fields);
  const lines = input.lines ?? new LineIndex(document.text);
  const counts = countDocument(input.path, document, input.codebook);
  const findings = document.spans.map((span): SummaryFindingData => {
    const { codes, themes, text, memo } = spanFindingFacts(document, span, input.codebook);
    return { uri: input.uri, path: input.path, index: span.index, codes, themes, area, text, memo, range: lines.range(span.textRange) };
  });
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of input.diagnostics) {
    if (diagnostic.severity === 'error') errors++;
    else if (diagnostic.severity === 'warning') warnings++;
  }
  const report: SummaryReportData = {
    uri: input.uri,
    path: input.path,
    area,
    framework: reportFieldText(fields.framework),
    outcome: reportFieldText(fields.outcome),
    status: reportFieldText(fields.status),
    annotator: reportFieldText(fields.annotator),
    findings: document.spans.length,
    errors,
    warnings,
  };
  return { report, counts, findings };
}

/** Adds up report parts: reports in path order, findings in path then span order, every key sorted. */
export function combineReportSummaries(parts: readonly ReportSummaryPart[]): ReportsSummary {
  const ordered = [...parts].sort((a, b) => comparePaths(a.report.path, b.report.path) || comparePaths(a.report.uri, b.report.uri));
  const corpus = countCorpus(ordered.map((part) => part.counts));
  const reports = ordered.map((part) => part.report);
  const tally = (field: 'area' | 'framework' | 'outcome' | 'status' | 'annotator'): Record<string, SummaryTally> => {
    const result: Record<string, { reports: number; findings: number }> = {};
    for (const report of reports) {
      const row = (result[report[field] ?? NO_VALUE] ??= { reports: 0, findings: 0 });
      row.reports++;
      row.findings += report.findings;
    }
    return sortTally(result);
  };
  return {
    reports,
    totals: {
      reports: reports.length,
      findings: corpus.spans,
      errors: sum(reports, (report) => report.errors),
      warnings: sum(reports, (report) => report.warnings),
      reportsWithErrors: reports.filter((report) => report.errors > 0).length,
    },
    byCode: corpus.byCode,
    byTheme: corpus.byTheme,
    byCodeAndTheme: corpus.byCodeAndTheme,
    byArea: tally('area'),
    byFramework: tally('framework'),
    byOutcome: tally('outcome'),
    byStatus: tally('status'),
    byAnnotator: tally('annotator'),
    findings: ordered.flatMap((part) => part.findings),
  };
}

/** The summary of a set of analysed reports (counts as `findings stats` gives them). */
export function summarizeReports(inputs: readonly SummaryInput[]): ReportsSummary {
  return combineReportSummaries(inputs.map(summarizeReport));
}

/** Keys sorted, with reports lacking the field last. */
function sortTally<T>(record: Record<string, T>): Record<string, T> {
  const keys = Object.keys(record).sort((a, b) => (a === NO_VALUE ? 1 : b === NO_VALUE ? -1 : comparePaths(a, b)));
  return Object.fromEntries(keys.map((key) => [key, record[key]]));
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}
