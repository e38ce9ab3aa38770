// The rules of a reference report's candidates (core/agreement/adjudication):
// each disagreement still to settle is shown on its passage, with the code
// actions that settle it; a malformed list is an error on the item. They are
// checked in candidateDiagnostics.ts: this table stays apart from the
// parser and the agreement code it needs, since every front end's types
// (the webviews' too) reach the table of rules.
import type { RuleTable } from '../diagnostics/rule';

export const ADJUDICATION_RULES = {
  'adjudication-candidate': { severity: 'information', description: 'A disagreement between the annotators that the reference report has yet to settle (`candidates`): take one annotator\'s version, every version, or nothing.' },
  'adjudication-candidates-invalid': { severity: 'error', description: '`candidates` is not a list of disputed passages, each with `at`, `kind` and the annotators\' `versions`.' },
} as const satisfies RuleTable;
