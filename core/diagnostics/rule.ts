import type { Severity } from './diagnostic';

/** What every rule declares beside the code that applies it. */
export interface RuleDefinition {
  readonly severity: Severity;
  readonly description: string;
}

/**
 * Rules by their stable id. Ids appear in every output format and must never
 * be renamed; a table's order is the order in which rules are listed.
 */
export type RuleTable = Readonly<Record<string, RuleDefinition>>;
