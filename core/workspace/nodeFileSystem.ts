import { closeSync, constants, fstatSync, promises as fsp, openSync, readdirSync, readSync, statSync, type Dirent } from 'node:fs';
import { kindOf, NotRegularFileError } from './fileKinds';
import type { DirectoryEntry, FileSystem } from './fileSystem';

/**
 * Files are opened without blocking and read only once the open file is
 * known to be regular: opening a FIFO for reading otherwise waits for a
 * writer for ever. Walks tell FIFOs apart from their folder listings and
 * never read them; this guards what a walk cannot see (a path named on the
 * command line, a file replaced between the walk and the read) at no extra
 * system call, since reading a file takes its size with fstat anyway.
 * (Windows has no O_NONBLOCK, and no FIFOs in the file system.)
 */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Node's file system, answered with blocking calls: the fastest for a
 * one-shot command that has nothing else to do meanwhile (the CLI).
 */
export const blockingNodeFileSystem: FileSystem = {
  readDirectory: async (path) => readdirSync(path, { withFileTypes: true }).map(entryOf),
  readFile: async (path) => readRegularFileSync(path),
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
  readFile: async (path) => {
    const handle = await fsp.open(path, READ_FLAGS);
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw NotRegularFileError.of(kindOf(stats));
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  },
  stat: async (path) => {
    try {
      return kindOf(await fsp.stat(path));
    } catch (error) {
      return absent(error);
    }
  },
};

/** A regular file's bytes, as readFileSync reads them (open, fstat, read to the size, close); anything else throws NotRegularFileError. */
export function readRegularFileSync(path: string): Buffer {
  const fd = openSync(path, READ_FLAGS);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw NotRegularFileError.of(kindOf(stats));
    return readToEnd(fd, stats.size);
  } finally {
    closeSync(fd);
  }
}

/** Reads `size` bytes, or fewer if the file shrank; a size of 0 may mean unknown (as in /proc), so that reads to the end. */
function readToEnd(fd: number, size: number): Buffer {
  if (size > 0) {
    const buffer = Buffer.allocUnsafe(size);
    let filled = 0;
    for (let read = -1; filled < size && read !== 0; filled += read) read = readSync(fd, buffer, filled, size - filled, null);
    return filled === size ? buffer : buffer.subarray(0, filled);
  }
  const chunks: Buffer[] = [];
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) return Buffer.concat(chunks);
    chunks.push(chunk.subarray(0, read));
  }
}

function entryOf(entry: Dirent): DirectoryEntry {
  return { name: entry.name, kind: kindOf(entry) };
}

/** Nothing there (or a file where a folder was expected) is an answer; any other failure is not. */
function absent(error: unknown): undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
  throw error;
}
