import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import { spanCodeNames } from '../spans/spanCodeNames';
import { spanThemeNames } from '../spans/spanThemes';

export interface Counts {
  readonly spans: number;
  readonly byCode: Readonly<Record<string, number>>;
  readonly byTheme: Readonly<Record<string, number>>;
  /** `code` -> `theme` -> spans carrying both. */
  readonly byCodeAndTheme: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface DocumentCounts extends Counts {
  readonly path: string;
}

export interface CorpusCounts extends Counts {
  readonly documents: number;
  readonly perDocument: readonly DocumentCounts[];
}

/** Span counts by code and theme (spanThemeNames); a span with two codes counts once for each. */
export function countDocument(path: string, document: ReportDocument, codebook: Codebook): DocumentCounts {
  const byCode: Record<string, number> = {};
  const byTheme: Record<string, number> = {};
  const byCodeAndTheme: Record<string, Record<string, number>> = {};
  for (const span of document.spans) {
    const codes = spanCodeNames(span);
    const themes = spanThemeNames(span, codebook);
    for (const code of codes) {
      byCode[code] = (byCode[code] ?? 0) + 1;
      const row = (byCodeAndTheme[code] ??= {});
      for (const theme of themes) row[theme] = (row[theme] ?? 0) + 1;
    }
    for (const theme of themes) byTheme[theme] = (byTheme[theme] ?? 0) + 1;
  }
  return { path, spans: document.spans.length, byCode: sortKeys(byCode), byTheme: sortKeys(byTheme), byCodeAndTheme: sortNested(byCodeAndTheme) };
}

export function countCorpus(perDocument: readonly DocumentCounts[]): CorpusCounts {
  const byCode: Record<string, number> = {};
  const byTheme: Record<string, number> = {};
  const byCodeAndTheme: Record<string, Record<string, number>> = {};
  let spans = 0;
  for (const counts of perDocument) {
    spans += counts.spans;
    add(byCode, counts.byCode);
    add(byTheme, counts.byTheme);
    for (const [code, themes] of Object.entries(counts.byCodeAndTheme)) add((byCodeAndTheme[code] ??= {}), themes);
  }
  return { documents: perDocument.length, perDocument, spans, byCode: sortKeys(byCode), byTheme: sortKeys(byTheme), byCodeAndTheme: sortNested(byCodeAndTheme) };
}

function add(target: Record<string, number>, source: Readonly<Record<string, number>>): void {
  for (const [key, value] of Object.entries(source)) target[key] = (target[key] ?? 0) + value;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function sortNested(record: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  return sortKeys(Object.fromEntries(Object.entries(record).map(([key, value]) => [key, sortKeys(value)])));
}
