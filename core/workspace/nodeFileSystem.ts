import { promises as fsp, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import type { DirectoryEntry, EntryKind, FileSystem } from './fileSystem';

/**
 * Node's file system, answered with blocking calls: the fastest for a
 * one-shot command that has nothing else to do meanwhile (the CLI).
 */
export const blockingNodeFileSystem: FileSystem = {
  readDirectory: async (path) => readdirSync(path, { withFileTypes: true }).map(entryOf),
  readFile: async (path) => readFileSync(path),
  stat: async (path) => {
    try {
      return kindOf(statSync(path));
    } catch (error) {
      return absent(error);
    }
  },
};

/** Node's file system without blocking the event loop: for a server that answers requests meanwhile. */
export const nodeFileSystem: FileSystem = {
  readDirectory: async (path) => (await fsp.readdir(path, { withFileTypes: true })).map(entryOf),
  readFile: (path) => fsp.readFile(path),
  stat: async (path) => {
    try {
      return kindOf(await fsp.stat(path));
    } catch (error) {
      return absent(error);
    }
  },
};

function entryOf(entry: Dirent): DirectoryEntry {
  return { name: entry.name, kind: kindOf(entry) };
}

function kindOf(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
  return entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : entry.isSymbolicLink() ? 'symlink' : 'other';
}

/** Nothing there (or a file where a folder was expected) is an answer; any other failure is not. */
function absent(error: unknown): undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
  throw error;
}
