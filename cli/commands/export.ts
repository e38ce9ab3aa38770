import { closeSync, openSync, readSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isOneOfTheInputs, NotRegularFileError, TemporaryFile, writeAtomically, type ArticleAgreement, type ExportFormat, type ExportTotals } from '../../core';
import type { LoadedCodebook } from '../codebookFile';
import { exportInWorker } from '../exportWorker/exportInWorker';
import { isSystemError, UsageError, type ReportFile } from '../files';
import { formatText } from '../formatters/text';
import { checkedFile, plural, type CheckedFile } from '../formatters/types';
import { ExitCode, type Output } from '../output';

export interface ExportOptions {
  readonly format: ExportFormat;
  readonly out: string | undefined;
  readonly allowErrors: boolean;
  readonly cwd: string;
  /** The export worker's script (dist/cli-export-worker.js). */
  readonly worker: string;
  /** `--with-agreement`: each compared article's figures, by fingerprint. */
  readonly agreement?: Readonly<Record<string, ArticleAgreement>>;
}

/**
 * Streams the dataset, report by report, into a temporary file, in one pass
 * (in the export worker) that also notes the reports with errors and the
 * files that cannot be read.
 * The file then replaces --out (or is copied to standard output) only when
 * every report was read and, unless allowed, none has errors: refused (exit
 * 1) or failed (exit 2), nothing is written.
 */
export async function runExport(files: readonly ReportFile[], codebook: LoadedCodebook, options: ExportOptions, output: Output): Promise<{ code: ExitCode; unreadable: readonly string[] }> {
  let unreadable: readonly string[] = [];
  let failing: CheckedFile[] = [];
  const produce = async (file: TemporaryFile): Promise<ExportTotals | undefined> => {
    const stopCleanup = removeOnInterrupt(file);
    try {
      const result = await exportInWorker(options.worker, files, codebook, options.format, file, options.agreement);
      unreadable = result.unreadable;
      failing = result.failing.map((report) => checkedFile(report.path, report.text, report.diagnostics));
      const complete = unreadable.length === 0 && (failing.length === 0 || options.allowErrors);
      return complete ? result.totals : undefined;
    } finally {
      stopCleanup();
    }
  };

  let totals: ExportTotals | undefined;
  if (options.out !== undefined) {
    if (isOneOfTheInputs(path.resolve(options.cwd, options.out), files.map((file) => file.file))) throw new UsageError(`${options.out}: is one of the reports being exported; --out names the file to write the dataset to`);
    try {
      totals = await writeAtomically(path.resolve(options.cwd, options.out), produce);
    } catch (error) {
      // A device, a FIFO, a folder: refused before any work, and left as it was.
      if (error instanceof NotRegularFileError) throw new UsageError(`${options.out}: ${error.message}; --out writes only regular files`);
      // A missing folder or no permission is the user's to fix, not an internal error.
      if (isSystemError(error)) throw new UsageError(`${options.out}: cannot write the export (${error.code})`);
      throw error;
    }
  } else {
    // Spooled, not streamed straight out: standard output cannot be taken back if a later report refuses the export.
    const spool = TemporaryFile.create(os.tmpdir(), 'findings-export');
    try {
      totals = await produce(spool);
      spool.close();
      if (totals) await copyToOutput(spool.path, output);
    } finally {
      spool.remove();
    }
  }

  if (unreadable.length > 0) return { code: ExitCode.Failure, unreadable };
  if (failing.length > 0 && !options.allowErrors) {
    output.err(`findings: not exporting: ${plural(failing.length, 'report')} ha${failing.length === 1 ? 's' : 've'} errors (use --allow-errors to export anyway)\n`);
    output.err(formatText(failing));
    return { code: ExitCode.Errors, unreadable };
  }
  if (options.out !== undefined && totals) {
    output.err(`Exported ${plural(totals.findings, 'finding')} from ${plural(totals.documents, 'report')} as ${options.format.toUpperCase()} to ${options.out}\n`);
  }
  return { code: ExitCode.Ok, unreadable };
}

/** Copies a file to the output in slices, waiting whenever the reader is behind, until the output takes no more. */
async function copyToOutput(file: string, output: Output): Promise<void> {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    // Streaming decode: a slice may end inside a character.
    const decoder = new TextDecoder();
    for (let read = readSync(fd, buffer); read > 0 && !output.stopped?.(); read = readSync(fd, buffer)) {
      const text = decoder.decode(buffer.subarray(0, read), { stream: true });
      if (text !== '') await output.out(text);
    }
  } finally {
    closeSync(fd);
  }
}

/** Ctrl+C or a kill during an export removes its temporary file, then ends the process as the signal would. */
function removeOnInterrupt(file: TemporaryFile): () => void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const handler = (signal: NodeJS.Signals) => {
    file.remove();
    stop();
    process.kill(process.pid, signal);
  };
  const stop = () => {
    for (const signal of signals) process.off(signal, handler);
  };
  for (const signal of signals) process.on(signal, handler);
  return stop;
}
