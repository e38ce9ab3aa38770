/**
 * What a folder entry is. Links are reported as links: discovery never
 * follows them. Special files are told apart so that messages can name them
 * (see fileKinds.ts); 'other' is what a system reports that none of these is.
 */
export type EntryKind = 'file' | 'directory' | 'symlink' | 'fifo' | 'socket' | 'character device' | 'block device' | 'other';

export interface DirectoryEntry {
  readonly name: string;
  readonly kind: EntryKind;
}

/**
 * The file system discovery and reading go through, so that one walk serves
 * every front end: Node's fs for the CLI and the language server, a map in
 * memory for the tests. Paths are the host's own; core appends names with `/`.
 */
export interface FileSystem {
  /** The entries of a folder, in any order. */
  readDirectory(path: string): Promise<readonly DirectoryEntry[]>;
  /** A regular file's bytes; anything else fails (NotRegularFileError) without blocking on it. */
  readFile(path: string): Promise<Uint8Array>;
  /** What a path names, links followed (a path the user typed means its target); undefined when nothing is there. */
  stat(path: string): Promise<EntryKind | undefined>;
}

/** A child's path: the folder's path and the name, with one separator between them. */
export function childPath(folder: string, name: string): string {
  const last = folder.charCodeAt(folder.length - 1);
  return last === 47 /* / */ || last === 92 /* \ */ ? folder + name : `${folder}/${name}`;
}
