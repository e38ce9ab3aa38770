import { isUtf8 } from 'node:buffer';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createReportFilter, IGNORE_FILE } from '../core';

export const REPORT_SUFFIX = '.report.md';
/** Folders a scan never enters (besides hidden ones, whose names start with a dot, such as `.git`). */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out']);

/** A problem that stops a file (or the whole run) from being checked. */
export class UsageError extends Error {}

export interface ReportFile {
  /** Relative to the working directory, with forward slashes. */
  readonly path: string;
  readonly absolutePath: string;
}

/** Expands files and folders into report files, sorted and without repeats. */
export function findReportFiles(inputs: readonly string[], cwd: string): ReportFile[] {
  const found = new Map<string, ReportFile>();
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const absolute = path.resolve(cwd, input);
    if (!existsSync(absolute)) throw new UsageError(`${input}: no such file or folder`);
    if (statSync(absolute).isDirectory()) {
      const scan = scanFolder(absolute);
      const keep = createReportFilter(scan.ignoreFiles.map((file) => ({ dir: path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file), text: readFileSync(path.join(absolute, file), 'utf8') })));
      // Every report under the folder shows as the folder's own path plus the report's path in it.
      const shownFolder = displayPath(absolute, cwd);
      const prefix = path.relative(cwd, absolute) === '' ? '' : `${shownFolder}/`;
      for (const file of scan.reports) {
        if (!keep(file.relative)) continue;
        found.set(file.absolute, { path: prefix + file.relative, absolutePath: file.absolute });
      }
    } else {
      found.set(absolute, { path: displayPath(absolute, cwd), absolutePath: absolute });
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

interface FolderScan {
  /** `*.report.md` files, with their path relative to the folder (with `/`) and their absolute path. */
  readonly reports: Array<{ relative: string; absolute: string }>;
  /** `.findingsignore` files, relative to the folder (with `/`). */
  readonly ignoreFiles: string[];
}

/**
 * Lists the regular files named `*.report.md` below a folder, and its
 * `.findingsignore` files, in one walk. Hidden files and folders, skipped
 * folders and symbolic links are left out (links are not followed).
 */
function scanFolder(root: string): FolderScan {
  const reports: FolderScan['reports'] = [];
  const ignoreFiles: string[] = [];
  const pending: Array<{ relative: string; absolute: string }> = [{ relative: '', absolute: root.endsWith(path.sep) ? root : root + path.sep }];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    for (const entry of readdirSync(folder.absolute, { withFileTypes: true })) {
      const name = entry.name;
      if (name.charCodeAt(0) === 46 /* . */) {
        if (name === IGNORE_FILE && entry.isFile()) ignoreFiles.push(folder.relative + name);
        continue;
      }
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(name)) pending.push({ relative: `${folder.relative}${name}/`, absolute: `${folder.absolute}${name}${path.sep}` });
      } else if (name.endsWith(REPORT_SUFFIX) && entry.isFile()) {
        reports.push({ relative: folder.relative + name, absolute: folder.absolute + name });
      }
    }
  }
  return { reports, ignoreFiles };
}

export function displayPath(absolute: string, cwd: string): string {
  return path.relative(cwd, absolute).split(path.sep).join('/') || path.basename(absolute);
}

/** Options as an object: readFileSync copies options given as a string on every call. */
const UTF8 = { encoding: 'utf8' } as const;

/** Reads UTF-8 text strictly; a BOM is dropped, as editors do. */
export function readUtf8(file: string, shownAs: string): string {
  // Decoding straight to a string is the fast path; the decoder replaces bytes
  // that are not UTF-8 with U+FFFD, so only text holding one is read again as bytes.
  const text = readFileSync(file, UTF8);
  if (!text.includes('\uFFFD')) return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const bytes = readFileSync(file);
  if (!isUtf8(bytes)) throw new UsageError(`${shownAs}: not UTF-8 text (byte ${firstInvalidByte(bytes)}); save it as UTF-8`);
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return bytes.toString('utf8', hasBom ? 3 : 0);
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    // A prefix decodes unless it holds an invalid byte; cutting inside a valid sequence is forgiven by stream mode.
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  // The decoder fails at the byte that breaks an unfinished sequence (or at the end of the file):
  // point at the sequence's lead byte, which is the one in the wrong encoding (Latin-1 `é` is 0xE9).
  for (let back = 1; back <= 3 && low - back >= 0; back++) {
    const byte = bytes[low - back];
    if (byte < 0x80) break;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return back < length ? low - back : low;
    }
  }
  return low;
}
