import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import type { OffsetRange } from '../text/range';
import { spanThemes, type ValuePart } from './attributeValues';
import { symbolAtOffset } from './symbolAtOffset';
import type { CorpusLocation, CorpusReport } from './types';

/** A code or a theme: the entries whose uses can be found, highlighted and renamed across the corpus. */
export interface ReferenceTarget {
  readonly kind: 'code' | 'theme';
  readonly name: string;
}

/** The code or theme at an offset, with the range of the name there. */
export function referenceTargetAt(document: ReportDocument, codebook: Codebook, offset: number): (ReferenceTarget & { readonly range: OffsetRange }) | undefined {
  const symbol = symbolAtOffset(document, codebook, offset);
  if (symbol?.kind === 'code' || symbol?.kind === 'theme') return { kind: symbol.kind, name: symbol.name, range: symbol.range };
  return undefined;
}

/** The ranges of a code's names (without the dot) in one report, in document order. */
export function codeOccurrences(document: ReportDocument, name: string): OffsetRange[] {
  const ranges: OffsetRange[] = [];
  for (const span of document.spans) for (const code of span.codes) if (code.name === name) ranges.push(code.range);
  return ranges.sort((a, b) => a.start - b.start);
}

/** A theme's uses in one report's theme-valued attributes. */
export function themeOccurrences(document: ReportDocument, codebook: Codebook, name: string): ValuePart[] {
  const parts: ValuePart[] = [];
  for (const span of document.spans) for (const part of spanThemes(span, codebook)) if (part.text === name) parts.push(part);
  return parts.sort((a, b) => a.range.start - b.range.start);
}

/** The uses of a code or theme in one report. */
export function occurrences(document: ReportDocument, codebook: Codebook, target: ReferenceTarget): OffsetRange[] {
  return target.kind === 'code' ? codeOccurrences(document, target.name) : themeOccurrences(document, codebook, target.name).map((part) => part.range);
}

/** Every use of a code or theme across the corpus, by report then position. */
export function findReferences(reports: Iterable<CorpusReport>, codebook: Codebook, target: ReferenceTarget): CorpusLocation[] {
  const locations: CorpusLocation[] = [];
  for (const report of reports) {
    for (const range of occurrences(report.document, codebook, target)) locations.push({ path: report.path, range });
  }
  return locations;
}
