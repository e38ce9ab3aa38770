import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import { frontMatterFields } from '../export/findingRecords';
import { countDocument, type Counts } from '../stats/counts';
import { LineIndex } from '../text/lineIndex';
import type { LineRange } from '../text/range';
import type { Diagnostic } from '../validate/diagnostic';
import { reportArea, reportFieldText, spanFindingFacts } from './findingFacts';

/** One passage as the findings list shows it, without its report's path and URI (which depend on the scope). */
export interface DigestFinding {
  readonly index: number;
  readonly codes: readonly string[];
  readonly themes: readonly string[];
  readonly text: string;
  readonly memo: string | null;
  /** Where the tagged text is in the source, zero-based lines and UTF-16 characters. */
  readonly range: LineRange;
}

/** The front-matter facts a summary tallies reports by. */
export interface DigestFields {
  readonly area: string | null;
  readonly framework: string | null;
  readonly outcome: string | null;
  readonly status: string | null;
  readonly annotator: string | null;
}

/**
 * What one analysed report gives every summary it is part of, computed once
 * per report version while the parsed report is at hand: a summary, its
 * findings pages and its aggregates then never parse a report again.
 */
export interface ReportDigest {
  readonly fields: DigestFields;
  readonly counts: Counts;
  readonly findings: readonly DigestFinding[];
  readonly errors: number;
  readonly warnings: number;
}

export function digestReport(document: ReportDocument, diagnostics: readonly Diagnostic[], codebook: Codebook, lines: LineIndex = new LineIndex(document.text)): ReportDigest {
  const fields = frontMatterFields(document);
  const { spans, byCode, byTheme, byCodeAndTheme } = countDocument('', document, codebook);
  const findings = document.spans.map((span): DigestFinding => {
    const { codes, themes, text, memo } = spanFindingFacts(document, span, codebook);
    return { index: span.index, codes, themes, text, memo, range: lines.range(span.textRange) };
  });
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') errors++;
    else if (diagnostic.severity === 'warning') warnings++;
  }
  return {
    fields: {
      area: reportArea(fields),
      framework: reportFieldText(fields.framework),
      outcome: reportFieldText(fields.outcome),
      status: reportFieldText(fields.status),
      annotator: reportFieldText(fields.annotator),
    },
    counts: { spans, byCode, byTheme, byCodeAndTheme },
    findings,
    errors,
    warnings,
  };
}
