import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import type { OffsetRange } from '../text/range';
import type { Diagnostic, Fix } from './diagnostic';
import { RULES, type RuleId } from './rules';

/** What every rule gets: the document, the codebook, and a way to report. */
export interface RuleContext {
  readonly document: ReportDocument;
  readonly codebook: Codebook;
  report(rule: RuleId, range: OffsetRange, message: string, fixes?: Fix[]): void;
}

export function createRuleContext(document: ReportDocument, codebook: Codebook, sink: Diagnostic[]): RuleContext {
  return {
    document,
    codebook,
    report(rule, range, message, fixes = []) {
      sink.push({ rule, severity: RULES[rule].severity, message, range, fixes });
    },
  };
}

export function replaceFix(title: string, range: OffsetRange, newText: string, preferred = true): Fix {
  return { title, edits: [{ range, newText }], preferred };
}
