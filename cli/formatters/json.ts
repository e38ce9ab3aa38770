import { toPortableDiagnostics } from '../../core';
import type { CheckedFile } from './types';

/** Every checked file with its diagnostics in zero-based LSP ranges: the server sends the same. */
export function formatJson(files: readonly CheckedFile[]): string {
  return JSON.stringify(files.map((file) => ({ path: file.path, diagnostics: toPortableDiagnostics(file.text, file.diagnostics, file.lines) })), null, 2) + '\n';
}
