import { existsSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_CODEBOOK, buildCodebook, defaultCodebook, type Codebook, type Diagnostic } from '../core';
import { displayPath, readUtf8, UsageError } from './files';

export const WORKSPACE_CODEBOOK = 'codebook.yaml';

export interface LoadedCodebook {
  readonly codebook: Codebook;
  readonly path: string | undefined;
  readonly text: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** The codebook named by --codebook, else `codebook.yaml` in the working directory, else the built-in one. */
export function loadCodebook(option: string | undefined, cwd: string): LoadedCodebook {
  const candidate = option !== undefined ? path.resolve(cwd, option) : path.join(cwd, WORKSPACE_CODEBOOK);
  if (!existsSync(candidate)) {
    if (option !== undefined) throw new UsageError(`${option}: no such codebook`);
    return { codebook: defaultCodebook(), path: undefined, text: undefined, diagnostics: [] };
  }
  const shown = displayPath(candidate, cwd);
  const text = readUtf8(candidate, shown);
  const result = buildCodebook(BUILTIN_CODEBOOK, { kind: 'workspace', path: shown, text });
  return { codebook: result.codebook, path: shown, text, diagnostics: result.diagnostics };
}
