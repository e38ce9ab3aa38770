// A workspace folder's codebook: its `codebook.yaml` (or the configured
// file), read from the editor when open, else from disk; the built-in one
// when there is none, when it is invalid, or when the workspace is not trusted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { codebookFileName, decodeUtf8, defaultCodebook, workspaceCodebook } from '../core';
import { fileUri } from './uris';
import type { CodebookState } from './workspaceTypes';

export interface CodebookReading {
  readonly trusted: boolean;
  /** The text of an open editor for a URI, which wins over the file on disk. */
  readonly openText: (uri: string) => string | undefined;
  readonly log: (message: string) => void;
}

export function readFolderCodebook(folderFsPath: string | undefined, codebookPath: string, reading: CodebookReading): CodebookState {
  if (!folderFsPath) return builtinState(undefined, false);
  const fsPath = codebookFile(folderFsPath, codebookPath);
  const uri = fileUri(fsPath);
  let text = reading.openText(uri);
  if (text === undefined) {
    try {
      // Read at once: a folder's codebook decides how its reports are checked, from the first one on.
      text = decodeUtf8(readFileSync(fsPath));
    } catch {
      return builtinState(undefined, false);
    }
  }
  const file = { uri, fsPath, text };
  if (!reading.trusted) {
    reading.log(`${fsPath} is ignored: the workspace is not trusted. Using the built-in codebook.`);
    return builtinState(file, true);
  }
  const result = workspaceCodebook(text, fsPath);
  return { codebook: result.codebook, diagnostics: result.diagnostics, state: result.diagnostics.length > 0 ? 'invalid' : 'valid', file, ignored: false };
}

/** The codebook file of a folder, as an absolute path. */
export function codebookFile(folderFsPath: string, codebookPath: string): string {
  return path.resolve(folderFsPath, codebookFileName(codebookPath));
}

/** The built-in codebook in force, with what became of the folder's file (if any). */
export function builtinState(file: CodebookState['file'], ignored: boolean): CodebookState {
  return { codebook: defaultCodebook(), diagnostics: [], state: 'missing', file, ignored };
}
