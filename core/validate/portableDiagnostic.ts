import type { LineRange } from '../text/range';
import { LineIndex } from '../text/lineIndex';
import type { Diagnostic, Severity } from './diagnostic';

/**
 * A diagnostic with zero-based line/UTF-16 character ranges: the shape of
 * `findings check --format json`, and exactly what the language server sends.
 */
export interface PortableDiagnostic {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: LineRange;
  readonly fixes: ReadonlyArray<{ readonly title: string; readonly preferred: boolean; readonly edits: ReadonlyArray<{ readonly range: LineRange; readonly newText: string }> }>;
}

export function toPortableDiagnostics(text: string, diagnostics: readonly Diagnostic[], lines = new LineIndex(text)): PortableDiagnostic[] {
  return diagnostics.map((diagnostic) => ({
    rule: diagnostic.rule,
    severity: diagnostic.severity,
    message: diagnostic.message,
    range: lines.range(diagnostic.range),
    fixes: diagnostic.fixes.map((fix) => ({
      title: fix.title,
      preferred: fix.preferred,
      edits: fix.edits.map((edit) => ({ range: lines.range(edit.range), newText: edit.newText })),
    })),
  }));
}
