import { comparePaths } from '../workspace/reportIndex';
import { digestReport, type DigestFinding, type ReportDigest } from './reportDigest';
import { SummaryAggregate } from './summaryAggregate';
import type { ReportsSummary, SummaryFindingData, SummaryInput, SummaryReportData } from './types';

/** One report of a summary: its digest, with the path and URI the scope gives it. */
export interface ReportSummaryPart {
  /** Relative to the workspace folder (or the working directory), with `/`. */
  readonly path: string;
  readonly uri: string;
  readonly digest: ReportDigest;
}

/** An analysed report as a part of a summary. */
export function summarizeReport(input: SummaryInput): ReportSummaryPart {
  return { path: input.path, uri: input.uri, digest: digestReport(input.document, input.diagnostics, input.codebook, input.lines) };
}

/** The order of reports in a summary and its findings list: by path, then URI. */
export function compareSummaryParts(a: ReportSummaryPart, b: ReportSummaryPart): number {
  return comparePaths(a.path, b.path) || comparePaths(a.uri, b.uri);
}

/** A report's row: its fields, findings and problems. */
export function summaryReportData(part: ReportSummaryPart): SummaryReportData {
  const { fields, counts, errors, warnings } = part.digest;
  return { uri: part.uri, path: part.path, ...fields, findings: counts.spans, errors, warnings };
}

/** One finding of a report as the findings list shows it. */
export function summaryFinding(part: ReportSummaryPart, finding: DigestFinding): SummaryFindingData {
  const { index, codes, themes, text, memo, range } = finding;
  return { uri: part.uri, path: part.path, index, codes, themes, area: part.digest.fields.area, text, memo, range };
}

/** Adds up report parts: reports in path order, findings in path then span order, every key sorted. */
export function combineReportSummaries(parts: readonly ReportSummaryPart[]): ReportsSummary {
  const ordered = [...parts].sort(compareSummaryParts);
  const aggregate = new SummaryAggregate();
  for (const part of ordered) aggregate.add(part.digest);
  return {
    ...aggregate.aggregates(),
    reports: ordered.map(summaryReportData),
    findings: ordered.flatMap((part) => part.digest.findings.map((finding) => summaryFinding(part, finding))),
  };
}

/** The summary of a set of analysed reports (counts as `findings stats` gives them). */
export function summarizeReports(inputs: readonly SummaryInput[]): ReportsSummary {
  return combineReportSummaries(inputs.map(summarizeReport));
}
