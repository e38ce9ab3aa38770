import type { Codebook } from '../codebook/types';
import { sourceFileToCompare } from '../validate/fingerprintRules';
import { analyzeReport, compareWithSource, type AnalyzedReport } from './analyzeReport';

export interface IndexedReport extends AnalyzedReport {
  /** Workspace-relative path with forward slashes; the key of the index. */
  readonly path: string;
  readonly text: string;
}

/**
 * Reads the source file a report names in `source.file` (relative to the
 * report's folder), given the report's path; undefined when it cannot.
 */
export type SourceReader = (reportPath: string, sourceFile: string) => string | undefined;

/**
 * The reports of a workspace, each parsed and validated once per content.
 * Front ends feed it text (from disk or from open editors); an unchanged
 * text returns the cached result, and a new codebook invalidates everything.
 * With a source reader, a report whose text no longer matches its
 * fingerprint is compared with its source file (read then only).
 */
export class ReportIndex {
  private readonly reports = new Map<string, IndexedReport>();
  private sorted: IndexedReport[] | undefined;

  constructor(private codebookInUse: Codebook, private readonly readSource?: SourceReader) {}

  get codebook(): Codebook {
    return this.codebookInUse;
  }

  setCodebook(codebook: Codebook): void {
    if (codebook === this.codebookInUse) return;
    this.codebookInUse = codebook;
    for (const [path, report] of this.reports) this.reports.set(path, this.analyze(path, report.text));
    this.sorted = undefined;
  }

  /** Adds or refreshes a report; returns the cached result when its text is unchanged. */
  update(path: string, text: string): IndexedReport {
    const existing = this.reports.get(path);
    if (existing && existing.text === text) return existing;
    const report = this.analyze(path, text);
    this.reports.set(path, report);
    this.sorted = undefined;
    return report;
  }

  remove(path: string): boolean {
    const removed = this.reports.delete(path);
    if (removed) this.sorted = undefined;
    return removed;
  }

  get(path: string): IndexedReport | undefined {
    return this.reports.get(path);
  }

  has(path: string): boolean {
    return this.reports.has(path);
  }

  get size(): number {
    return this.reports.size;
  }

  /** All reports, ordered by path so every output built from them is deterministic. */
  all(): readonly IndexedReport[] {
    this.sorted ??= [...this.reports.values()].sort((a, b) => comparePaths(a.path, b.path));
    return this.sorted;
  }

  private analyze(path: string, text: string): IndexedReport {
    return { path, text, ...this.withSource(path, analyzeReport(text, this.codebookInUse)) };
  }

  /** A report whose text no longer matches its fingerprint, compared with its source file when that can be read. */
  private withSource(path: string, report: AnalyzedReport): AnalyzedReport {
    if (!this.readSource) return report;
    const sourceFile = sourceFileToCompare(report.document);
    const sourceText = sourceFile === undefined ? undefined : this.readSource(path, sourceFile);
    return sourceText === undefined ? report : compareWithSource(report, this.codebookInUse, sourceText);
  }
}

export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
