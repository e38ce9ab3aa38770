import type { OffsetRange } from '../text/range';
import type { RuleId } from './rules';

export type Severity = 'error' | 'warning' | 'information';

export interface TextEdit {
  readonly range: OffsetRange;
  readonly newText: string;
}

/** A fix the editor offers as a quick fix; edits are in the same document. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix to apply on "fix all" when there is a single obvious one. */
  readonly preferred: boolean;
}

export interface Diagnostic {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  /** UTF-16 offsets into the report's text. */
  readonly range: OffsetRange;
  readonly fixes: readonly Fix[];
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
