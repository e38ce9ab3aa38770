import { isUtf8 } from 'node:buffer';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { createReportFilter, IGNORE_FILE } from '../core';

export const REPORT_GLOB = '**/*.report.md';
const IGNORED = ['**/node_modules/**', '**/.git/**', '**/.tools/**', '**/dist/**', '**/out/**'];

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
      const keep = ignoreFilter(absolute);
      for (const file of fg.sync(REPORT_GLOB, { cwd: absolute, ignore: IGNORED, dot: false, followSymbolicLinks: false })) {
        if (!keep(file)) continue;
        const normal = path.join(absolute, file);
        found.set(normal, { path: displayPath(normal, cwd), absolutePath: normal });
      }
    } else {
      found.set(absolute, { path: displayPath(absolute, cwd), absolutePath: absolute });
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `.findingsignore` files inside a scanned folder; a folder named on the command line is scanned whole. */
function ignoreFilter(root: string): (relativePath: string) => boolean {
  const files = fg.sync(`**/${IGNORE_FILE}`, { cwd: root, ignore: IGNORED, dot: true, followSymbolicLinks: false });
  return createReportFilter(files.map((file) => ({ dir: path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file), text: readFileSync(path.join(root, file), 'utf8') })));
}

export function displayPath(absolute: string, cwd: string): string {
  return path.relative(cwd, absolute).split(path.sep).join('/') || path.basename(absolute);
}

/** Reads UTF-8 text strictly; a BOM is dropped, as editors do. */
export function readUtf8(file: string, shownAs: string): string {
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
