// The article a report names in `source.file`, a path relative to the
// report's folder: read for the core's fingerprint rule, and named by the
// "Show the difference" quick fix.
import path from 'node:path';
import { decodeUtf8, readRegularFileSync, type SourceReader } from '../core';
import { fileUri, fsPathOf } from './uris';

/**
 * Read at once, as a folder's codebook is: the index asks only for a report
 * whose text no longer matches its fingerprint, and then validates it in
 * the same step. A FIFO or a device is never read (readRegularFileSync).
 */
export const readSourceFile: SourceReader = (reportUri, sourceFile) => {
  const file = sourceFsPath(reportUri, sourceFile);
  if (file === undefined) return undefined;
  try {
    return decodeUtf8(readRegularFileSync(file));
  } catch {
    return undefined; // missing, unreadable or not UTF-8: the mismatch stays on the fingerprint field
  }
};

/** The source file's URI, for a report on disk. */
export function sourceFileUri(reportUri: string, sourceFile: string): string | undefined {
  const file = sourceFsPath(reportUri, sourceFile);
  return file === undefined ? undefined : fileUri(file);
}

function sourceFsPath(reportUri: string, sourceFile: string): string | undefined {
  const report = fsPathOf(reportUri);
  return report === undefined ? undefined : path.resolve(path.dirname(report), sourceFile);
}
