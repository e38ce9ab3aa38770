import path from 'node:path';
import { findDataset, MissingInputError, NotUtf8Error, readUtf8File, type DatasetFile } from '../core';
import { blockingNodeFileSystem } from '../core/workspace/nodeFileSystem';

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
    if (error instanceof MissingInputError) throw new UsageError(error.message);
    throw error;
  }
}

export function displayPath(absolute: string, cwd: string): string {
  return path.relative(cwd, absolute).split(path.sep).join('/') || path.basename(absolute);
}

/** Reads UTF-8 text strictly (see core's decodeUtf8); a file that is not UTF-8 is a UsageError naming the byte. */
export async function readUtf8(file: string, shownAs: string): Promise<string> {
  try {
    return await readUtf8File(cliFileSystem, file);
  } catch (error) {
    if (error instanceof NotUtf8Error) throw new UsageError(`${shownAs}: not UTF-8 text (byte ${error.byte}); save it as UTF-8`);
    throw error;
  }
}
