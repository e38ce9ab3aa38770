import path from 'node:path';
import { codebookFileName, defaultCodebook, workspaceCodebook, type Codebook, type Diagnostic } from '../core';
import { cliFileSystem, displayPath, readUtf8, UsageError } from './files';

export interface LoadedCodebook {
  readonly codebook: Codebook;
  readonly path: string | undefined;
  readonly text: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** The codebook named by --codebook, else `codebook.yaml` in the working directory, else the built-in one. */
export async function loadCodebook(option: string | undefined, cwd: string): Promise<LoadedCodebook> {
  const candidate = path.resolve(cwd, codebookFileName(option));
  const kind = await cliFileSystem.stat(candidate);
  if (kind === undefined) {
    if (option !== undefined) throw new UsageError(`${option}: no such codebook`);
    return { codebook: defaultCodebook(), path: undefined, text: undefined, diagnostics: [] };
  }
  const shown = displayPath(candidate, cwd);
  // Known not to be a regular file (a folder, a FIFO that would block the read): refused, never opened.
  const text = await readUtf8(candidate, shown, kind === 'file' ? undefined : kind);
  const result = workspaceCodebook(text, shown);
  return { codebook: result.codebook, path: shown, text, diagnostics: result.diagnostics };
}
