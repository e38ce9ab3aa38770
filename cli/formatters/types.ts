import { LineIndex, type Diagnostic } from '../../core';

export interface CheckedFile {
  readonly path: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly diagnostics: readonly Diagnostic[];
}

const NO_LINES = new LineIndex('');

/** Keeps the text and its line index only when there is something to point at in it. */
export function checkedFile(path: string, text: string, diagnostics: readonly Diagnostic[]): CheckedFile {
  return diagnostics.length > 0 ? { path, text, lines: new LineIndex(text), diagnostics } : { path, text: '', lines: NO_LINES, diagnostics };
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
