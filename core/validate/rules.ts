import { CODEBOOK_RULES } from '../codebook/codebookRules';
import type { RuleTable } from '../diagnostics/rule';
import { ADJUDICATION_RULES } from './adjudicationRules';
import { REPORT_MEMO_RULES } from '../memos/reportMemoRule';
import { CONSISTENCY_RULES } from './consistencyRules';
import { FINGERPRINT_RULES } from './fingerprintRules';
import { FRONT_MATTER_RULES } from './frontMatterRules';
import { ID_RULES } from './idRules';
import { NEAR_MISS_RULES } from './nearMiss/nearMissRules';
import { FRONT_MATTER_SYNTAX_RULES, SPAN_SYNTAX_RULES } from './parseProblemFixes';
import { SOURCE_MISMATCH_RULES } from './sourceMismatchRule';
import { SPAN_RULES } from './spanRules';

/**
 * Every rule, with its stable id, severity and description, each declared
 * beside the code that applies it (the codebook's together, in
 * codebookRules.ts). The order is the order of docs/format.md and of the
 * rules in SARIF output: front matter, spans, near-miss markup,
 * consistency, the article's fingerprint, codebook.
 */
export const RULES = {
  ...FRONT_MATTER_SYNTAX_RULES,
  ...FRONT_MATTER_RULES,
  ...REPORT_MEMO_RULES,
  ...SPAN_RULES,
  ...SPAN_SYNTAX_RULES,
  ...ID_RULES,
  ...NEAR_MISS_RULES,
  ...CONSISTENCY_RULES,
  ...FINGERPRINT_RULES,
  ...SOURCE_MISMATCH_RULES,
  ...ADJUDICATION_RULES,
  ...CODEBOOK_RULES,
} as const satisfies RuleTable;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];
