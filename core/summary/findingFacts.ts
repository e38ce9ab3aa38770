import type { Codebook } from '../codebook/types';
import { scalarFieldText } from '../document/fieldValueText';
import type { ReportDocument, Span } from '../document/types';
import { spanCodeNames } from '../spans/spanCodeNames';
import { spanMemo } from '../spans/spanMemo';
import { spanThemeNames } from '../spans/spanThemes';

/** What the findings list shows of a passage and filters it by (with its report's path and area). */
export interface SpanFindingFacts {
  /** The export's codes and themes: unique, in written order. */
  readonly codes: readonly string[];
  readonly themes: readonly string[];
  /** The tagged text from the clean text (the export's `exact`). */
  readonly text: string;
  readonly memo: string | null;
}

/** One span's facts: the summary lists them and an export filtered as the list keeps the findings they match. */
export function spanFindingFacts(document: ReportDocument, span: Span, codebook: Codebook): SpanFindingFacts {
  return {
    codes: spanCodeNames(span),
    themes: spanThemeNames(span, codebook),
    text: document.cleanText.slice(span.clean.start, span.clean.end),
    memo: spanMemo(span),
  };
}

/**
 * A front-matter value as a summary key: text as written, numbers and
 * booleans as text (an unquoted `framework: 2023`), anything else (missing,
 * empty, a list, a mapping) as no value.
 */
export function reportFieldText(value: unknown): string | null {
  const text = scalarFieldText(value);
  return text === undefined || text.trim() === '' ? null : text;
}

/** A report's area, from its front-matter fields (as frontMatterFields gives them); null when it names none. */
export function reportArea(fields: Readonly<Record<string, unknown>>): string | null {
  return reportFieldText(fields.area);
}
