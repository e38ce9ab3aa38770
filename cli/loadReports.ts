import path from 'node:path';
import { analyzeReport, compareWithSource, sourceFileToCompare, type AnalyzedReport, type Codebook } from '../core';
import { readUtf8, UsageError, type ReportFile } from './files';

export interface ReadReport {
  /** Shown path, relative to the working directory. */
  readonly path: string;
  readonly text: string;
  readonly report: AnalyzedReport;
}

/**
 * Reads and analyses the reports one at a time, in the files' order: a
 * one-shot run never holds the whole corpus's parse trees, which keeps
 * memory flat and garbage collection cheap on large corpora. Files that
 * cannot be read (not UTF-8, not a regular file) are skipped, with a
 * one-line reason each in `unreadable`: the others are still read.
 */
export async function* readReports(files: readonly ReportFile[], codebook: Codebook, unreadable: string[]): AsyncGenerator<ReadReport> {
  for (const file of files) {
    let text: string;
    try {
      text = await readUtf8(file.file, file.path, file.special);
    } catch (error) {
      unreadable.push(error instanceof UsageError ? error.message : `${file.path}: ${(error as Error).message}`);
      continue;
    }
    yield { path: file.path, text, report: await withSource(file, analyzeReport(text, codebook), codebook) };
  }
}

/**
 * A report whose text no longer matches its fingerprint, compared with the
 * source file it names (relative to its folder), which is read only then.
 * A source that cannot be read leaves the mismatch on the fingerprint field.
 */
async function withSource(file: ReportFile, report: AnalyzedReport, codebook: Codebook): Promise<AnalyzedReport> {
  const source = sourceFileToCompare(report.document);
  if (source === undefined) return report;
  try {
    return compareWithSource(report, codebook, await readUtf8(path.resolve(path.dirname(file.file), source), source));
  } catch (error) {
    if (error instanceof UsageError) return report;
    throw error;
  }
}

export interface Analyzed<T> {
  /** What each command keeps of each report, in path order. */
  readonly results: ReadonlyArray<T>;
  /** Files that could not be read, with a one-line reason each. */
  readonly unreadable: readonly string[];
}

/** Keeps only what `keep` extracts of each report (see readReports). */
export async function analyzeFiles<T>(files: readonly ReportFile[], codebook: Codebook, keep: (path: string, text: string, report: AnalyzedReport) => T): Promise<Analyzed<T>> {
  const results: T[] = [];
  const unreadable: string[] = [];
  for await (const read of readReports(files, codebook, unreadable)) results.push(keep(read.path, read.text, read.report));
  return { results, unreadable };
}
