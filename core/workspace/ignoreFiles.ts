import ignore, { type Ignore } from 'ignore';

export interface IgnoreFile {
  /** Folder holding the ignore file, relative to the scan root with `/`, '' for the root itself. */
  readonly dir: string;
  readonly text: string;
}

/**
 * Decides which paths (relative to a scan root, with `/`) a folder scan keeps.
 * Each ignore file applies to the folder it sits in and below, as .gitignore does.
 */
export function createReportFilter(files: readonly IgnoreFile[]): (relativePath: string) => boolean {
  const rules: Array<{ dir: string; matcher: Ignore }> = files.map((file) => ({
    dir: file.dir === '' ? '' : file.dir.replace(/\/+$/, '') + '/',
    matcher: ignore().add(file.text),
  }));
  return (relativePath) =>
    !rules.some(({ dir, matcher }) => relativePath.startsWith(dir) && matcher.ignores(relativePath.slice(dir.length)));
}
