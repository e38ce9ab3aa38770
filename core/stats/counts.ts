import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import { spanCodeNames } from '../spans/spanCodeNames';
import { spanThemeNames } from '../spans/spanThemes';

export interface Counts {
  readonly spans: number;
  readonly byCode: Readonly<Record<string, number>>;
  readonly byTheme: Readonly<Record<string, number>>;
  /** `code` -> `theme` -> spans carrying both; every counted code has a row, empty when its spans carry no theme. */
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
  const byCode = new Map<string, number>();
  const byTheme = new Map<string, number>();
  const byCodeAndTheme = new Map<string, Map<string, number>>();
  for (const span of document.spans) {
    const codes = spanCodeNames(span);
    const themes = spanThemeNames(span, codebook);
    for (const code of codes) {
      increment(byCode, code);
      let row = byCodeAndTheme.get(code);
      if (!row) byCodeAndTheme.set(code, (row = new Map()));
      for (const theme of themes) increment(row, theme);
    }
    for (const theme of themes) increment(byTheme, theme);
  }
  return { path, spans: document.spans.length, ...sortedCounts(byCode, byTheme, byCodeAndTheme) };
}

export function countCorpus(perDocument: readonly DocumentCounts[]): CorpusCounts {
  const sum = new CountsSum();
  for (const counts of perDocument) sum.add(counts);
  return { documents: perDocument.length, perDocument, ...sum.counts() };
}

/**
 * Counts added up, and taken away again: a corpus's counts kept up to date
 * report by report, so that a change to one report costs that report's keys.
 * A key whose count falls to zero is gone, as if never added.
 */
export class CountsSum {
  private spans = 0;
  private readonly byCode = new Map<string, number>();
  private readonly byTheme = new Map<string, number>();
  private readonly byCodeAndTheme = new Map<string, Map<string, number>>();

  add(counts: Counts): void {
    this.apply(counts, 1);
  }

  /** Takes away counts added before. */
  remove(counts: Counts): void {
    this.apply(counts, -1);
  }

  /** The sums, keys sorted (what countCorpus gives). */
  counts(): Counts {
    return { spans: this.spans, ...sortedCounts(this.byCode, this.byTheme, this.byCodeAndTheme) };
  }

  private apply(counts: Counts, sign: 1 | -1): void {
    this.spans += sign * counts.spans;
    addTo(this.byCode, counts.byCode, sign);
    addTo(this.byTheme, counts.byTheme, sign);
    for (const [code, themes] of Object.entries(counts.byCodeAndTheme)) {
      let row = this.byCodeAndTheme.get(code);
      if (!row) this.byCodeAndTheme.set(code, (row = new Map()));
      addTo(row, themes, sign);
      // A code's row lives as long as the code has spans.
      if (!this.byCode.has(code)) this.byCodeAndTheme.delete(code);
    }
  }
}

function addTo(target: Map<string, number>, source: Readonly<Record<string, number>>, sign: 1 | -1): void {
  for (const key in source) {
    const value = (target.get(key) ?? 0) + sign * source[key];
    if (value === 0) target.delete(key);
    else target.set(key, value);
  }
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Records with their keys sorted, so that output is deterministic (built from entries: any name is a key, `__proto__` too). */
function sortedCounts(byCode: ReadonlyMap<string, number>, byTheme: ReadonlyMap<string, number>, byCodeAndTheme: ReadonlyMap<string, ReadonlyMap<string, number>>): Omit<Counts, 'spans'> {
  return {
    byCode: sortedRecord(byCode),
    byTheme: sortedRecord(byTheme),
    byCodeAndTheme: Object.fromEntries(sortedKeys(byCodeAndTheme).map((code) => [code, sortedRecord(byCodeAndTheme.get(code)!)])),
  };
}

function sortedKeys(map: ReadonlyMap<string, unknown>): string[] {
  return [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function sortedRecord(map: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries(sortedKeys(map).map((key) => [key, map.get(key)!]));
}
