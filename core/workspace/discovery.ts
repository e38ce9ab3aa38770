import { childPath, type FileSystem } from './fileSystem';
import { createDatasetFilter, isReportName, isWalkedFolder } from './datasetFilter';
import { IGNORE_FILE } from '../fileNames';
import type { IgnoreFile } from './ignoreFiles';
import { comparePaths } from './reportIndex';

/** What one walk of a folder finds. */
export interface FolderScan {
  /** Every report the walk reaches, `.findingsignore`d or not: relative to the folder, with `/`, in path order. */
  readonly reports: readonly string[];
  /** The folder's `.findingsignore` files (outside hidden and skipped folders), in path order. */
  readonly ignoreFiles: readonly IgnoreFile[];
  /** Whether a report (by its path relative to the folder) is in the folder's dataset. */
  readonly inDataset: (relativePath: string) => boolean;
}

/**
 * Walks a folder once: regular files named `*.report.md` and the
 * `.findingsignore` files, leaving out hidden files and folders, skipped
 * folders (node_modules, dist, out) and symbolic links, which are never
 * followed (a link may loop, or lead out of the study).
 */
export async function scanFolder(fs: FileSystem, root: string): Promise<FolderScan> {
  const reports: string[] = [];
  const ignorePaths: string[] = [];
  const pending: Array<{ relative: string; path: string }> = [{ relative: '', path: root }];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    for (const entry of await fs.readDirectory(folder.path)) {
      const name = entry.name;
      if (entry.kind === 'directory') {
        if (isWalkedFolder(name)) pending.push({ relative: `${folder.relative}${name}/`, path: childPath(folder.path, name) });
      } else if (entry.kind === 'file') {
        if (isReportName(name)) reports.push(folder.relative + name);
        else if (name === IGNORE_FILE) ignorePaths.push(folder.relative);
      }
    }
  }
  reports.sort(comparePaths);
  ignorePaths.sort(comparePaths);
  // Ignore files are read loosely: a stray byte in a pattern file must not stop a scan.
  const loose = new TextDecoder();
  const ignoreFiles = await Promise.all(ignorePaths.map(async (relative): Promise<IgnoreFile> => ({
    dir: relative.replace(/\/$/, ''),
    text: loose.decode(await fs.readFile(childPath(root, relative + IGNORE_FILE))),
  })));
  return { reports, ignoreFiles, inDataset: createDatasetFilter(ignoreFiles) };
}

/** A file or folder named by the user: what it was called, where it is, how reports below it are shown. */
export interface DatasetInput {
  /** As typed, for messages. */
  readonly given: string;
  /** Its path in the file system. */
  readonly path: string;
  /** The file's shown path, or for a folder the prefix of its reports' shown paths ('' for the working directory). */
  readonly shown: string;
}

/** A report of the dataset: its shown path (the export's `path`) and its path in the file system. */
export interface DatasetFile {
  readonly path: string;
  readonly file: string;
}

/** A file or folder named by the user that does not exist. */
export class MissingInputError extends Error {
  constructor(readonly given: string) {
    super(`${given}: no such file or folder`);
  }
}

/**
 * The dataset the user named: each file as it is (a report named outright is
 * always in), each folder's dataset (its walk, less what its ignore files
 * list), in path order without repeats.
 */
export async function findDataset(fs: FileSystem, inputs: readonly DatasetInput[]): Promise<DatasetFile[]> {
  const found = new Map<string, DatasetFile>();
  for (const input of inputs) {
    const kind = await fs.stat(input.path);
    if (kind === undefined) throw new MissingInputError(input.given);
    if (kind !== 'directory') {
      found.set(input.shown, { path: input.shown, file: input.path });
      continue;
    }
    const scan = await scanFolder(fs, input.path);
    const prefix = input.shown === '' ? '' : `${input.shown}/`;
    for (const relative of scan.reports) {
      if (scan.inDataset(relative)) found.set(prefix + relative, { path: prefix + relative, file: childPath(input.path, relative) });
    }
  }
  return [...found.values()].sort((a, b) => comparePaths(a.path, b.path));
}
