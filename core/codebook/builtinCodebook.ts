import sendCodebookText from './send.codebook.yaml';
import type { CodebookSource } from './types';

/** The name under which the built-in codebook appears in diagnostics and links. */
export const BUILTIN_CODEBOOK_PATH = 'builtin:send.codebook.yaml';

export const BUILTIN_CODEBOOK: CodebookSource = {
  kind: 'builtin',
  path: BUILTIN_CODEBOOK_PATH,
  text: sendCodebookText,
};
