import { analyzeReport, type AnalyzedReport, type Codebook } from '../core';
import { readUtf8, UsageError, type ReportFile } from './files';

export interface Analyzed<T> {
  /** What each command keeps of each report, in path order. */
  readonly results: ReadonlyArray<T>;
  /** Files that could not be read, with a one-line reason each. */
  readonly unreadable: readonly string[];
}

/**
 * Reads and analyses the reports one at a time, keeping only what `keep`
 * extracts: a one-shot run never holds the whole corpus's parse trees, which
 * keeps memory flat and garbage collection cheap on large corpora.
 */
export function analyzeFiles<T>(files: readonly ReportFile[], codebook: Codebook, keep: (path: string, text: string, report: AnalyzedReport) => T): Analyzed<T> {
  const results: T[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readUtf8(file.absolutePath, file.path);
    } catch (error) {
      unreadable.push(error instanceof UsageError ? error.message : `${file.path}: ${(error as Error).message}`);
      continue;
    }
    results.push(keep(file.path, text, analyzeReport(text, codebook)));
  }
  return { results, unreadable };
}
