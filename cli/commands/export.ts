import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { exportCorpus, hasErrors, type Codebook, type ExportFormat } from '../../core';
import { UsageError } from '../files';
import { formatText } from '../formatters/text';
import { plural } from '../formatters/types';
import { withLines, type LoadedReports } from '../loadReports';
import { ExitCode, type Output } from '../output';

export interface ExportOptions {
  readonly format: ExportFormat;
  readonly out: string | undefined;
  readonly allowErrors: boolean;
  readonly cwd: string;
}

/** Refuses (exit 1) while any report has errors, unless allowed; the file is written whole or not at all. */
export async function runExport(loaded: LoadedReports, codebook: Codebook, options: ExportOptions, output: Output): Promise<ExitCode> {
  const failing = loaded.reports.filter((report) => hasErrors(report.diagnostics));
  if (failing.length > 0 && !options.allowErrors) {
    output.err(`findings: not exporting: ${plural(failing.length, 'report')} ha${failing.length === 1 ? 's' : 've'} errors (use --allow-errors to export anyway)\n`);
    output.err(formatText(failing.map((report) => ({ ...withLines(report), diagnostics: report.diagnostics.filter((d) => d.severity === 'error') }))));
    return ExitCode.Errors;
  }
  const dataset = exportCorpus(loaded.reports, codebook, options.format)!;
  if (options.out === undefined) {
    output.out(dataset.content);
    return ExitCode.Ok;
  }
  const target = path.resolve(options.cwd, options.out);
  try {
    await writeFileAtomic(target, dataset.content, { encoding: 'utf8' });
  } catch (error) {
    // A missing folder or no permission is the user's to fix, not an internal error.
    throw new UsageError(`${options.out}: cannot write the export (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  output.err(`Exported ${plural(dataset.findings, 'finding')} from ${plural(dataset.documents, 'report')} as ${options.format.toUpperCase()} to ${options.out}\n`);
  return ExitCode.Ok;
}
