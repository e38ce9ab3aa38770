import path from 'node:path';
import { blockingNodeFileSystem, findDataset, MissingInputError, NotRegularFileError, NotUtf8Error, readUtf8File, UnreadableInputError, type DatasetFile } from '../core';

/** The file system the CLI reads through: Node's, with blocking calls (a one-shot run has nothing else to do). */
export const cliFileSystem = blockingNodeFileSystem;

/** A problem that stops a file (or the whole run) from being checked. */
export class UsageError extends Error {}

/** A report to read: its shown path (relative to the working directory, with `/`) and its path on disk. */
export type ReportFile = DatasetFile;

/** Expands files and folders (default: the working directory) into the dataset's report files, in path order, without repeats. */
export async function findReportFiles(inputs: readonly string[], cwd: string): Promise<ReportFile[]> {
  const named = (inputs.length > 0 ? inputs : ['.']).map((given) => {
    const absolute = path.resolve(cwd, given);
    // A folder's reports are shown below its path; the working directory's have no prefix.
    return { given, path: absolute, shown: path.relative(cwd, absolute) === '' ? '' : displayPath(absolute, cwd) };
  });
  try {
    return await findDataset(cliFileSystem, named);
  } catch (error) {
    if (error instanceof MissingInputError || error instanceof UnreadableInputError) throw new UsageError(error.message);
    throw error;
  }
}

export function displayPath(absolute: string, cwd: string): string {
  return path.relative(cwd, absolute).split(path.sep).join('/') || path.basename(absolute);
}

/**
 * Reads UTF-8 text strictly (see core's decodeUtf8). What cannot be read is
 * a UsageError with a one-line reason: not UTF-8 (naming the byte), not a
 * regular file (never opened when the caller already knows its kind, as
 * for a report named on the command line), a system error.
 */
export async function readUtf8(file: string, shownAs: string, kind?: DatasetFile['special']): Promise<string> {
  try {
    if (kind !== undefined) throw NotRegularFileError.of(kind);
    return await readUtf8File(cliFileSystem, file);
  } catch (error) {
    if (error instanceof NotUtf8Error) throw new UsageError(`${shownAs}: not UTF-8 text (byte ${error.byte}); save it as UTF-8`);
    if (error instanceof NotRegularFileError) throw new UsageError(`${shownAs}: ${error.message}`);
    if (isSystemError(error)) throw new UsageError(`${shownAs}: cannot read (${error.code})`);
    throw error;
  }
}

/** A failed system call (Node's errors carry its name), as opposed to a bug. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string; syscall: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

const READING = new Set(['open', 'read', 'scandir', 'stat', 'lstat', 'fstat', 'realpath']);

/** One line for a failed system call: the path it concerned, shown relative to `cwd`, and the error code (no stack: not a bug). */
export function systemErrorLine(error: NodeJS.ErrnoException & { code: string; syscall: string }, cwd: string): string {
  const what = READING.has(error.syscall) ? `cannot read (${error.code})` : `${error.syscall} failed (${error.code})`;
  return error.path === undefined ? what : `${displayPath(error.path, cwd)}: ${what}`;
}
