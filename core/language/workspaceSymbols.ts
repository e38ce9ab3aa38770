import { ownCopy } from '../text/ownCopy';
import type { OffsetRange } from '../text/range';
import { spanLabel } from './spanText';
import type { CorpusReport } from './types';

export interface CorpusSymbol {
  readonly path: string;
  readonly name: string;
  readonly kind: 'span' | 'id';
  /** The codes of the span. */
  readonly containerName: string;
  readonly range: OffsetRange;
}

/**
 * Spans (named "code: text") and ids ("#id") across the corpus whose name
 * contains the query's characters in order, ignoring case, as editors filter
 * workspace symbols. An empty query matches everything.
 */
export function workspaceSymbols(reports: Iterable<CorpusReport>, query: string, limit = 5000): CorpusSymbol[] {
  const symbols: CorpusSymbol[] = [];
  for (const report of reports) {
    symbols.push(...matchingSymbols(reportSymbols(report), query, limit - symbols.length));
    if (symbols.length >= limit) break;
  }
  return symbols;
}

/** Every symbol of one report, in span order (each span, then its ids): what a front end may keep per report version (its names hold no view of the report's text). */
export function reportSymbols(report: CorpusReport): CorpusSymbol[] {
  const symbols: CorpusSymbol[] = [];
  for (const span of report.document.spans) {
    const codes = ownCopy(span.codes.map((code) => code.name).join(' '));
    symbols.push({ path: report.path, name: ownCopy(`${codes || '(no code)'}: ${spanLabel(report.document, span)}`), kind: 'span', containerName: codes, range: span.textRange });
    for (const id of span.ids) symbols.push({ path: report.path, name: ownCopy(`#${id.value}`), kind: 'id', containerName: codes, range: id.range });
  }
  return symbols;
}

/** The symbols whose name matches the query (see workspaceSymbols), at most `limit`. */
export function matchingSymbols(symbols: readonly CorpusSymbol[], query: string, limit: number): CorpusSymbol[] {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const matched: CorpusSymbol[] = [];
  for (const symbol of symbols) {
    if (matched.length >= limit) break;
    if (matches(symbol.name, wanted)) matched.push(symbol);
  }
  return matched;
}

function matches(name: string, wanted: string): boolean {
  if (wanted === '') return true;
  const lower = name.toLowerCase();
  let at = 0;
  for (const char of wanted) {
    at = lower.indexOf(char, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}
