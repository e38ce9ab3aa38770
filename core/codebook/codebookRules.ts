import type { RuleTable } from '../diagnostics/rule';

/**
 * The rules a workspace codebook file is checked by: its YAML
 * (loadCodebook.ts), its schema (codebookSchema.ts) and the names it refers
 * to (codebookReferences.ts). Declared here rather than beside each check so
 * that the rule table, and the Diagnostic type that names every rule, do not
 * pull the YAML and JSON-schema loaders into what the browser-side summary
 * view type-checks.
 */
export const CODEBOOK_RULES = {
  'codebook-yaml': { severity: 'error', description: 'The workspace codebook is not valid YAML.' },
  'codebook-schema': { severity: 'error', description: 'The workspace codebook does not follow the codebook schema.' },
  'codebook-reference': { severity: 'error', description: 'The workspace codebook refers to a code or field it does not define.' },
} as const satisfies RuleTable;

export type CodebookRuleId = keyof typeof CODEBOOK_RULES;
