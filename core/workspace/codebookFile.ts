import { BUILTIN_CODEBOOK } from '../codebook/builtinCodebook';
import { buildCodebook, type CodebookResult } from '../codebook/loadCodebook';

import { CODEBOOK_FILE } from '../fileNames';

/** Which file holds a folder's codebook: the configured path (relative to the folder), else `codebook.yaml`. */
export function codebookFileName(configured: string | undefined): string {
  const trimmed = configured?.trim();
  return trimmed ? trimmed : CODEBOOK_FILE;
}

/** A workspace codebook file's text on top of the built-in codebook (which its `extends` may drop). */
export function workspaceCodebook(text: string, shownPath: string): CodebookResult {
  return buildCodebook(BUILTIN_CODEBOOK, { kind: 'workspace', path: shownPath, text });
}
