import path from 'node:path';
import { URI } from 'vscode-uri';

/** One spelling per resource, so that the client's URIs and those built from disk paths agree. */
export function normalizeUri(uri: string): string {
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri;
  }
}

export function fileUri(fsPath: string): string {
  return URI.file(fsPath).toString();
}

/** The disk path of a `file:` URI; undefined for other schemes. */
export function fsPathOf(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}

export function baseName(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name; // a stray `%` in a URI the client made up
  }
}

/** True when `child` is `parent` or lies below it (both normalized URIs). */
export function isUnder(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith('/') ? parent : `${parent}/`);
}

/** The path of a file relative to a folder, with `/`. */
export function relativePath(folderFsPath: string, fileFsPath: string): string {
  return path.relative(folderFsPath, fileFsPath).split(path.sep).join('/');
}
