import type { Severity } from './diagnostic';

interface RuleInfo {
  readonly severity: Severity;
  readonly description: string;
}

/**
 * Every rule the validator applies, with its stable id and default severity.
 * Ids appear in every output format and must never be renamed.
 */
export const RULES = {
  'frontmatter-missing': { severity: 'error', description: 'The report does not start with YAML front matter between `---` lines.' },
  'frontmatter-unclosed': { severity: 'error', description: 'The front matter has no closing `---` line.' },
  'yaml-syntax': { severity: 'error', description: 'The front matter is not valid YAML, or not a mapping.' },
  'field-unknown': { severity: 'warning', description: 'A front-matter field the codebook does not define.' },
  'field-missing': { severity: 'error', description: 'A required front-matter field is missing.' },
  'field-type': { severity: 'error', description: 'A front-matter value has the wrong type (text, list, mapping, ISO date, URL).' },
  'field-value': { severity: 'error', description: 'A front-matter value is not one of the values the codebook allows.' },
  'area-unknown': { severity: 'error', description: 'The area is not a current English local authority with SEND duties.' },
  'area-alias': { severity: 'warning', description: 'The area is written with another name than its canonical one.' },
  'code-missing': { severity: 'error', description: 'A span has no code (no `.code` class).' },
  'code-unknown': { severity: 'error', description: 'A span carries a code the codebook does not define.' },
  'code-duplicate': { severity: 'warning', description: 'A span carries the same code twice.' },
  'attribute-unknown': { severity: 'warning', description: 'An attribute that none of the span\'s codes takes.' },
  'attribute-value': { severity: 'error', description: 'An attribute value that is not allowed (for example an unknown theme).' },
  'attribute-missing': { severity: 'error', description: 'A span lacks an attribute its code requires.' },
  'attribute-duplicate': { severity: 'warning', description: 'A span sets the same attribute twice.' },
  'span-empty': { severity: 'warning', description: 'A span tags no text.' },
  'span-unclosed': { severity: 'error', description: 'A span\'s attribute block `{` is not closed on its line.' },
  'span-stray-close': { severity: 'error', description: 'A `]{…}` that closes no span.' },
  'span-syntax': { severity: 'error', description: 'A token in an attribute block that is not `.code`, `#id` or `key=value`, or an unclosed quote.' },
  'id-duplicate': { severity: 'error', description: 'Two spans, or one span twice, use the same `#id`.' },
  'outcome-mismatch': { severity: 'error', description: 'A value (such as the outcome) that belongs to another framework or inspection type.' },
  'outcome-unsupported': { severity: 'warning', description: 'The outcome implies findings (for example a Written Statement of Action) that no span records.' },
  'codebook-yaml': { severity: 'error', description: 'The workspace codebook is not valid YAML.' },
  'codebook-schema': { severity: 'error', description: 'The workspace codebook does not follow the codebook schema.' },
  'codebook-reference': { severity: 'error', description: 'The workspace codebook refers to a code or field it does not define.' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];
