import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import { checkConsistency } from './consistencyRules';
import { createRuleContext } from './context';
import { compareDiagnostics, type Diagnostic } from './diagnostic';
import { checkFrontMatter } from './frontMatterRules';
import { checkIds } from './idRules';
import { parseProblemFixes } from './parseProblemFixes';
import { RULES } from './rules';
import { checkSpans } from './spanRules';

/** All diagnostics for one report, sorted by position: parse problems first reported as rules too. */
export function validateReport(document: ReportDocument, codebook: Codebook): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const context = createRuleContext(document, codebook, RULES, diagnostics);
  for (const problem of document.problems) {
    context.report(problem.code, problem.range, problem.message, parseProblemFixes(document, problem));
  }
  checkFrontMatter(context);
  checkSpans(context);
  checkIds(context);
  checkConsistency(context);
  return diagnostics.sort(compareDiagnostics);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
