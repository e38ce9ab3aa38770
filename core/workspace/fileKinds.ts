import type { EntryKind } from './fileSystem';

/** What Node's Stats and Dirent both answer. */
interface KindTests {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}

export function kindOf(entry: KindTests): EntryKind {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isFIFO()) return 'fifo';
  if (entry.isSocket()) return 'socket';
  if (entry.isCharacterDevice()) return 'character device';
  if (entry.isBlockDevice()) return 'block device';
  return 'other';
}

const DESCRIPTIONS: Readonly<Record<EntryKind, string>> = {
  file: 'a regular file',
  directory: 'a folder',
  symlink: 'a symbolic link',
  fifo: 'a FIFO',
  socket: 'a socket',
  'character device': 'a character device',
  'block device': 'a block device',
  other: 'a special file',
};

/** A kind as messages name it: `a FIFO`. */
export function describeKind(kind: EntryKind): string {
  return DESCRIPTIONS[kind];
}

/**
 * A path that is there but is not a regular file. Reading one could block
 * for ever (a FIFO waits for a writer) or act on a device, and writing one
 * would not leave a file: the tools refuse them by name.
 */
export class NotRegularFileError extends Error {
  /** `what` describes the path: `a FIFO`, `a symbolic link to a folder`. */
  constructor(readonly what: string) {
    super(`not a regular file (${what})`);
  }

  static of(kind: EntryKind): NotRegularFileError {
    return new NotRegularFileError(describeKind(kind));
  }
}
