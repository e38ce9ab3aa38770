import type { Diagnostic, LineIndex } from '../../core';

export interface CheckedFile {
  readonly path: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly diagnostics: readonly Diagnostic[];
}

export type CheckFormat = 'text' | 'json' | 'sarif' | 'github';
export const CHECK_FORMATS: readonly CheckFormat[] = ['text', 'json', 'sarif', 'github'];

export function tally(files: readonly CheckedFile[]): { errors: number; warnings: number; information: number; filesWithProblems: number } {
  let errors = 0;
  let warnings = 0;
  let information = 0;
  let filesWithProblems = 0;
  for (const file of files) {
    if (file.diagnostics.length > 0) filesWithProblems++;
    for (const diagnostic of file.diagnostics) {
      if (diagnostic.severity === 'error') errors++;
      else if (diagnostic.severity === 'warning') warnings++;
      else information++;
    }
  }
  return { errors, warnings, information, filesWithProblems };
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
