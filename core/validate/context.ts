import type { Codebook } from '../codebook/types';
import type { Diagnostic, Fix } from '../diagnostics/diagnostic';
import type { RuleDefinition } from '../diagnostics/rule';
import type { ReportDocument } from '../document/types';
import type { OffsetRange } from '../text/range';

/** What every rule gets: the document, the codebook, and a way to report under the rules it declares. */
export interface RuleContext<Rule extends string = string> {
  readonly document: ReportDocument;
  readonly codebook: Codebook;
  report(rule: Rule, range: OffsetRange, message: string, fixes?: Fix[]): void;
}

/** A context whose reports take their severity from `rules`. */
export function createRuleContext<Rule extends string>(document: ReportDocument, codebook: Codebook, rules: Readonly<Record<Rule, RuleDefinition>>, sink: Diagnostic<Rule>[]): RuleContext<Rule> {
  return {
    document,
    codebook,
    report(rule, range, message, fixes = []) {
      sink.push({ rule, severity: rules[rule].severity, message, range, fixes });
    },
  };
}
