import { LineIndex, ReportIndex, type Codebook, type IndexedReport } from '../core';
import { readUtf8, UsageError, type ReportFile } from './files';

export interface LoadedReports {
  readonly reports: readonly IndexedReport[];
  /** Files that could not be read, with a one-line reason each. */
  readonly unreadable: readonly string[];
}

/** Reads and analyses every report through the same index the language server uses. */
export function loadReports(files: readonly ReportFile[], codebook: Codebook): LoadedReports {
  const index = new ReportIndex(codebook);
  const unreadable: string[] = [];
  for (const file of files) {
    try {
      index.update(file.path, readUtf8(file.absolutePath, file.path));
    } catch (error) {
      unreadable.push(error instanceof UsageError ? error.message : `${file.path}: ${(error as Error).message}`);
    }
  }
  return { reports: index.all(), unreadable };
}

export function withLines(report: IndexedReport) {
  return { path: report.path, text: report.text, lines: new LineIndex(report.text), diagnostics: report.diagnostics };
}
