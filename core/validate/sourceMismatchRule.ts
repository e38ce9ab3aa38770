/**
 * Copies of one source whose article texts differ (core/agreement's
 * sourceMismatches) as a diagnostic on the report: a finding of the corpus,
 * not of the report alone, so a front end that holds the corpus adds it to
 * the report's own diagnostics.
 */
import type { RuleTable } from '../diagnostics/rule';
import type { ReportDocument } from '../document/types';
import type { Diagnostic } from './diagnostic';

export const SOURCE_MISMATCH_RULES = {
  'source-text-mismatch': { severity: 'warning', description: 'Another report names the same source (the same `source.url`, or the same area and publication date) but its article text differs: the two cannot be compared for agreement.' },
} as const satisfies RuleTable;

/** The diagnostic of a mismatch, on the report's first character that differs from the other report's text. */
export function sourceMismatchDiagnostic(document: ReportDocument, mismatch: { readonly positionUtf16: number; readonly message: string }): Diagnostic {
  const clean = document.cleanText;
  const at = Math.min(mismatch.positionUtf16, clean.length);
  const start = at < clean.length ? document.cleanToSource(at) : document.text.length;
  const width = at < clean.length ? (isHighSurrogate(clean.charCodeAt(at)) ? 2 : 1) : 0;
  return { rule: 'source-text-mismatch', severity: 'warning', message: mismatch.message, range: { start, end: start + width }, fixes: [] };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
