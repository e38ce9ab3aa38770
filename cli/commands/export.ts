import path from 'node:path';
import { documentRecord, hasErrors, serializeFindings, type Codebook, type DocumentRecord, type ExportFormat } from '../../core';
import { UsageError } from '../files';
import { formatText } from '../formatters/text';
import { checkedFile, plural } from '../formatters/types';
import { analyzeFiles } from '../loadReports';
import type { ReportFile } from '../files';
import { ExitCode, type Output } from '../output';

export interface ExportOptions {
  readonly format: ExportFormat;
  readonly out: string | undefined;
  readonly allowErrors: boolean;
  readonly cwd: string;
}

/** Refuses (exit 1) while any report has errors, unless allowed; the file is written whole or not at all. */
export async function runExport(files: readonly ReportFile[], codebook: Codebook, options: ExportOptions, output: Output): Promise<{ code: ExitCode; unreadable: readonly string[] }> {
  const { results, unreadable } = analyzeFiles(files, codebook, (path, text, report) => ({
    record: documentRecord(path, report.document, codebook),
    failing: hasErrors(report.diagnostics) ? checkedFile(path, text, report.diagnostics.filter((d) => d.severity === 'error')) : undefined,
  }));
  if (unreadable.length > 0) return { code: ExitCode.Failure, unreadable };
  const failing = results.flatMap((result) => (result.failing ? [result.failing] : []));
  if (failing.length > 0 && !options.allowErrors) {
    output.err(`findings: not exporting: ${plural(failing.length, 'report')} ha${failing.length === 1 ? 's' : 've'} errors (use --allow-errors to export anyway)\n`);
    output.err(formatText(failing));
    return { code: ExitCode.Errors, unreadable };
  }
  const records: DocumentRecord[] = results.map((result) => result.record);
  const findings = records.reduce((sum, record) => sum + record.findings.length, 0);
  const content = serializeFindings(options.format, records, codebook);
  if (options.out === undefined) {
    output.out(content);
    return { code: ExitCode.Ok, unreadable };
  }
  const target = path.resolve(options.cwd, options.out);
  try {
    // Loaded on first use: only exports to a file need it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const writeFileAtomic = require('write-file-atomic') as typeof import('write-file-atomic');
    await writeFileAtomic(target, content, { encoding: 'utf8' });
  } catch (error) {
    // A missing folder or no permission is the user's to fix, not an internal error.
    throw new UsageError(`${options.out}: cannot write the export (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  output.err(`Exported ${plural(findings, 'finding')} from ${plural(records.length, 'report')} as ${options.format.toUpperCase()} to ${options.out}\n`);
  return { code: ExitCode.Ok, unreadable };
}
