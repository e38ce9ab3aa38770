import type { Codebook } from '../codebook/types';
import { analyzeReport, type AnalyzedReport } from './analyzeReport';

export interface IndexedReport extends AnalyzedReport {
  /** Workspace-relative path with forward slashes; the key of the index. */
  readonly path: string;
  readonly text: string;
}

/**
 * The reports of a workspace, each parsed and validated once per content.
 * Front ends feed it text (from disk or from open editors); an unchanged
 * text returns the cached result, and a new codebook invalidates everything.
 */
export class ReportIndex {
  private readonly reports = new Map<string, IndexedReport>();
  private sorted: IndexedReport[] | undefined;

  constructor(private codebookInUse: Codebook) {}

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
    return { path, text, ...analyzeReport(text, this.codebookInUse) };
  }
}

export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
