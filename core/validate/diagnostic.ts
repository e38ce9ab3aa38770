import type { Diagnostic as RuleDiagnostic } from '../diagnostics/diagnostic';
import type { RuleId } from './rules';

export type { Fix, Severity } from '../diagnostics/diagnostic';
export type { TextEdit } from '../text/textEdit';

/** A diagnostic of one of the rules of `RULES`: of a report, or of the workspace codebook. */
export type Diagnostic = RuleDiagnostic<RuleId>;

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
