import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import { checkCandidates } from './candidateDiagnostics';
import { checkReportMemo } from '../memos/reportMemoRule';
import { checkConsistency } from './consistencyRules';
import { createRuleContext } from './context';
import { compareDiagnostics, type Diagnostic } from './diagnostic';
import { checkFingerprint } from './fingerprintRules';
import { checkFrontMatter } from './frontMatterRules';
import { checkIds } from './idRules';
import { checkNearMisses } from './nearMiss/nearMissRules';
import { scanTextMarkup } from './nearMiss/textMarkupScan';
import { describeParseProblem } from './parseProblemFixes';
import { RULES } from './rules';
import { checkSpans } from './spanRules';

/** What a front end may pass in from outside the report; validation itself reads nothing. */
export interface ValidationOptions {
  /**
   * The text of the report's `source.file`, read by the front end (only when
   * sourceFileToCompare names it): a fingerprint mismatch is then placed on
   * the first line that differs from it.
   */
  readonly sourceText?: string;
}

/** All diagnostics for one report, sorted by position: parse problems first reported as rules too. */
export function validateReport(document: ReportDocument, codebook: Codebook, options: ValidationOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const context = createRuleContext(document, codebook, RULES, diagnostics);
  const markup = scanTextMarkup(document, codebook);
  for (const problem of document.problems) {
    const { message, fixes } = describeParseProblem(document, problem, codebook, markup);
    context.report(problem.code, problem.range, message, fixes);
  }
  checkFrontMatter(context);
  checkReportMemo(context);
  checkSpans(context);
  checkIds(context);
  checkConsistency(context);
  checkNearMisses(context, markup);
  checkFingerprint(context, options.sourceText);
  checkCandidates(context);
  return diagnostics.sort(compareDiagnostics);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
