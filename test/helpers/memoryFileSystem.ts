import { NotRegularFileError } from '../../core/workspace/fileKinds';
import type { DirectoryEntry, EntryKind, FileSystem } from '../../core/workspace/fileSystem';

/** A symbolic link in a MemoryFileSystem tree: the absolute path it points to. */
export interface Link {
  readonly link: string;
}

/** A FIFO, a socket or a device in a MemoryFileSystem tree: reading one fails as Node's guarded read does. */
export interface Special {
  readonly special: EntryKind;
}

type Node = Uint8Array | Link | Special | 'folder';

/**
 * A file system in memory, for discovery tests: absolute `/` paths of files
 * (text or bytes) and links; folders exist where files or `folder/` keys
 * imply them. Fails as Node's does (ENOENT, ENOTDIR, EISDIR).
 */
export class MemoryFileSystem implements FileSystem {
  private readonly nodes = new Map<string, Node>();
  /** Every path read, in order: what a walk touched. */
  readonly reads: string[] = [];

  constructor(tree: Readonly<Record<string, string | Uint8Array | Link | Special>>) {
    this.nodes.set('/', 'folder');
    for (const [key, value] of Object.entries(tree)) {
      const path = normalize(key);
      for (let at = path.indexOf('/', 1); at > 0; at = path.indexOf('/', at + 1)) this.nodes.set(path.slice(0, at), 'folder');
      if (key.endsWith('/')) this.nodes.set(path, 'folder');
      else this.nodes.set(path, typeof value === 'string' ? new TextEncoder().encode(value) : value);
    }
  }

  async readDirectory(path: string): Promise<readonly DirectoryEntry[]> {
    const folder = this.resolve(normalize(path));
    if (this.nodes.get(folder) !== 'folder') throw failure(this.nodes.has(folder) ? 'ENOTDIR' : 'ENOENT', path);
    const prefix = folder === '/' ? '/' : `${folder}/`;
    const entries: DirectoryEntry[] = [];
    for (const [key, node] of this.nodes) {
      if (key === folder || !key.startsWith(prefix) || key.slice(prefix.length).includes('/')) continue;
      entries.push({ name: key.slice(prefix.length), kind: kindOf(node) });
    }
    // The walk must not depend on the order the system lists entries in.
    return entries.reverse();
  }

  async readFile(path: string): Promise<Uint8Array> {
    this.reads.push(path);
    const node = this.nodes.get(this.resolve(normalize(path)));
    if (node === undefined) throw failure('ENOENT', path);
    if (node === 'folder') throw failure('EISDIR', path);
    if (isSpecial(node)) throw NotRegularFileError.of(node.special);
    return node as Uint8Array;
  }

  async stat(path: string): Promise<EntryKind | undefined> {
    const node = this.nodes.get(this.resolve(normalize(path)));
    return node === undefined ? undefined : kindOf(node);
  }

  /** Follows links, as the system does for every path but a folder listing's entries. */
  private resolve(path: string): string {
    const parts = path.split('/').filter(Boolean);
    let current = '';
    for (let i = 0; i < parts.length; i++) {
      current = `${current}/${parts[i]}`;
      for (let hops = 0; ; hops++) {
        const node = this.nodes.get(current);
        if (!isLink(node)) break;
        if (hops > 20) throw failure('ELOOP', path);
        current = normalize(node.link);
      }
    }
    return current || '/';
  }
}

function normalize(path: string): string {
  const trimmed = path.replace(/\/+/g, '/').replace(/\/$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function isLink(node: unknown): node is Link {
  return typeof node === 'object' && node !== null && 'link' in node;
}

function isSpecial(node: unknown): node is Special {
  return typeof node === 'object' && node !== null && 'special' in node;
}

function kindOf(node: Node): EntryKind {
  return node === 'folder' ? 'directory' : isLink(node) ? 'symlink' : isSpecial(node) ? node.special : 'file';
}

function failure(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}
