import { NotRegularFileError } from './fileKinds';
import { childPath, type EntryKind, type FileSystem } from './fileSystem';
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
  /**
   * `.findingsignore` entries that are not regular files (a FIFO, a device),
   * relative to the folder, in path order: never opened, so their patterns
   * are missing from `inDataset`. The CLI refuses to run on such a folder.
   */
  readonly specialIgnoreFiles: ReadonlyArray<{ readonly path: string; readonly kind: EntryKind }>;
}

/**
 * Walks a folder once: regular files named `*.report.md` and the
 * `.findingsignore` files, leaving out hidden files and folders, skipped
 * folders (node_modules, dist, out), symbolic links, which are never
 * followed (a link may loop, or lead out of the study), and special files
 * (FIFOs, sockets, devices), which the listing's types tell apart without
 * opening them.
 */
export async function scanFolder(fs: FileSystem, root: string): Promise<FolderScan> {
  const reports: string[] = [];
  const ignorePaths: string[] = [];
  const specialIgnoreFiles: Array<{ path: string; kind: EntryKind }> = [];
  const pending: Array<{ relative: string; path: string }> = [{ relative: '', path: root }];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    for (const entry of await fs.readDirectory(folder.path)) {
      const name = entry.name;
      if (entry.kind === 'directory') {
        if (isWalkedFolder(name)) pending.push({ relative: `${folder.relative}${name}/`, path: childPath(folder.path, name) });
      } else if (entry.kind === 'file') {
        if (isReportName(name)) reports.push(folder.relative + name);
        else if (name === IGNORE_FILE) ignorePaths.push(folder.relative);
      } else if (name === IGNORE_FILE && entry.kind !== 'symlink') {
        specialIgnoreFiles.push({ path: folder.relative + name, kind: entry.kind });
      }
    }
  }
  specialIgnoreFiles.sort((a, b) => comparePaths(a.path, b.path));
  reports.sort(comparePaths);
  ignorePaths.sort(comparePaths);
  // Ignore files are read loosely: a stray byte in a pattern file must not stop a scan.
  const loose = new TextDecoder();
  const ignoreFiles = await Promise.all(ignorePaths.map(async (relative): Promise<IgnoreFile> => ({
    dir: relative.replace(/\/$/, ''),
    text: loose.decode(await fs.readFile(childPath(root, relative + IGNORE_FILE))),
  })));
  return { reports, ignoreFiles, inDataset: createDatasetFilter(ignoreFiles), specialIgnoreFiles };
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
  /**
   * Set when a path named outright is not a regular file (a FIFO, a device):
   * it stays in the dataset, to be reported as unreadable, and is never opened.
   */
  readonly special?: EntryKind;
}

/** A file or folder named by the user that does not exist. */
export class MissingInputError extends Error {
  constructor(readonly given: string) {
    super(`${given}: no such file or folder`);
  }
}

/** A file the dataset depends on that cannot be read as one, by its shown path: the dataset cannot be known without it. */
export class UnreadableInputError extends Error {
  constructor(readonly shown: string, reason: string) {
    super(`${shown}: ${reason}`);
  }
}

/**
 * The dataset the user named: each file as it is (a report named outright is
 * always in), each folder's dataset (its walk, less what its ignore files
 * list), in path order without repeats. Throws MissingInputError for a
 * path that is not there, UnreadableInputError for a folder with a
 * `.findingsignore` that is not a regular file.
 */
export async function findDataset(fs: FileSystem, inputs: readonly DatasetInput[]): Promise<DatasetFile[]> {
  const found = new Map<string, DatasetFile>();
  for (const input of inputs) {
    const kind = await fs.stat(input.path);
    if (kind === undefined) throw new MissingInputError(input.given);
    if (kind !== 'directory') {
      found.set(input.shown, kind === 'file' ? { path: input.shown, file: input.path } : { path: input.shown, file: input.path, special: kind });
      continue;
    }
    const scan = await scanFolder(fs, input.path);
    const prefix = input.shown === '' ? '' : `${input.shown}/`;
    // Its patterns unread, the folder's dataset is unknown: better no run than one over reports meant to be skipped.
    const special = scan.specialIgnoreFiles[0];
    if (special) throw new UnreadableInputError(prefix + special.path, NotRegularFileError.of(special.kind).message);
    for (const relative of scan.reports) {
      if (scan.inDataset(relative)) found.set(prefix + relative, { path: prefix + relative, file: childPath(input.path, relative) });
    }
  }
  return [...found.values()].sort((a, b) => comparePaths(a.path, b.path));
}
