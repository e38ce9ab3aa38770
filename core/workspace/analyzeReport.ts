import type { Codebook } from '../codebook/types';
import { parseReport } from '../document/parseReport';
import type { ReportDocument } from '../document/types';
import type { Diagnostic } from '../validate/diagnostic';
import { validateReport } from '../validate/validateReport';

export interface AnalyzedReport {
  readonly document: ReportDocument;
  readonly diagnostics: readonly Diagnostic[];
}

export function analyzeReport(text: string, codebook: Codebook): AnalyzedReport {
  const document = parseReport(text);
  return { document, diagnostics: validateReport(document, codebook) };
}

/**
 * A report checked again with the text of the source file that
 * sourceFileToCompare named (its fingerprint mismatch then names the line
 * that changed), without parsing it again.
 */
export function compareWithSource(report: AnalyzedReport, codebook: Codebook, sourceText: string): AnalyzedReport {
  return { document: report.document, diagnostics: validateReport(report.document, codebook, { sourceText }) };
}
