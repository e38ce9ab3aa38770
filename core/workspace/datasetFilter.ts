import { REPORT_SUFFIX } from '../fileNames';
import { createReportFilter, type IgnoreFile } from './ignoreFiles';

/**
 * Folders a folder walk never enters, besides hidden ones (whose names start
 * with a dot, such as `.git`): they hold dependencies and build output, not a
 * study's reports. The one skip list of the CLI, the language server and the
 * summary panel.
 */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', 'dist', 'out'];
const skipped = new Set(SKIPPED_FOLDERS);

export function isHiddenName(name: string): boolean {
  return name.charCodeAt(0) === 46 /* . */;
}

/** Whether a folder walk enters a folder of this name. */
export function isWalkedFolder(name: string): boolean {
  return name !== '' && !isHiddenName(name) && !skipped.has(name);
}

/** Whether a folder walk picks up a file of this name as a report. */
export function isReportName(name: string): boolean {
  return !isHiddenName(name) && name.endsWith(REPORT_SUFFIX);
}

/**
 * Whether a walk of a folder reaches a report at this path (relative to the
 * folder, with `/`): no hidden or skipped folder on the way, a report's name.
 * Ignore files are not consulted: the language server still checks the
 * reports they list.
 */
export function isWalkedReport(relativePath: string): boolean {
  return isInWalkedFolder(relativePath) && isReportName(relativePath.slice(relativePath.lastIndexOf('/') + 1));
}

/** Whether a walk of a folder enters every folder on the way to this path (relative to the folder, with `/`). */
export function isInWalkedFolder(relativePath: string): boolean {
  const segments = relativePath.split('/');
  for (let i = 0; i < segments.length - 1; i++) if (!isWalkedFolder(segments[i])) return false;
  return true;
}

/**
 * Which reports below a folder make up its dataset: what `findings check`,
 * `export` and `stats` see when given that folder. Paths are relative to the
 * folder, with `/`: those a walk reaches, less those a `.findingsignore`
 * inside the folder lists.
 */
export function createDatasetFilter(ignoreFiles: readonly IgnoreFile[]): (relativePath: string) => boolean {
  const keep = createReportFilter(ignoreFiles);
  return (relativePath) => isWalkedReport(relativePath) && keep(relativePath);
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
