import { createReportFilter, type IgnoreFile } from './ignoreFiles';

/**
 * Folders a folder scan of `findings` never enters (cli/files.ts): they hold
 * dependencies, tools and build output, not a study's reports.
 */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', '.git', '.tools', 'dist', 'out'];

const REPORT_SUFFIX = '.report.md';

/**
 * Which reports below a folder make up its dataset: what `findings check`,
 * `export` and `stats` see when given that folder. Paths are relative to the
 * folder, with `/`. Like the CLI's scan (fast-glob without dot files), a path
 * with a segment starting with `.` is left out, and so is anything in a
 * skipped folder or listed by a `.findingsignore` inside the folder.
 */
export function createDatasetFilter(ignoreFiles: readonly IgnoreFile[]): (relativePath: string) => boolean {
  const skipped = new Set(SKIPPED_FOLDERS);
  const keep = createReportFilter(ignoreFiles);
  return (relativePath) => {
    if (!relativePath.endsWith(REPORT_SUFFIX)) return false;
    const segments = relativePath.split('/');
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i];
      if (segment === '' || segment.startsWith('.')) return false;
      if (i < segments.length - 1 && skipped.has(segment)) return false;
    }
    return keep(relativePath);
  };
}

/**
 * The ignore files that apply when a subfolder is scanned on its own: only
 * those inside it, their folders made relative to it. (A folder named on the
 * command line is scanned whole, so `findings check samples/broken` checks
 * what `samples/.findingsignore` skips.)
 */
export function ignoreFilesUnder(files: readonly IgnoreFile[], folder: string): IgnoreFile[] {
  const prefix = folder.replace(/\/+$/, '');
  if (prefix === '') return [...files];
  return files
    .filter((file) => file.dir === prefix || file.dir.startsWith(`${prefix}/`))
    .map((file) => ({ dir: file.dir === prefix ? '' : file.dir.slice(prefix.length + 1), text: file.text }));
}
