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
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const symbols: CorpusSymbol[] = [];
  for (const report of reports) {
    for (const span of report.document.spans) {
      const codes = span.codes.map((code) => code.name).join(' ');
      const name = `${codes || '(no code)'}: ${spanLabel(report.document, span)}`;
      if (matches(name, wanted)) symbols.push({ path: report.path, name, kind: 'span', containerName: codes, range: span.textRange });
      for (const id of span.ids) {
        if (matches(`#${id.value}`, wanted)) symbols.push({ path: report.path, name: `#${id.value}`, kind: 'id', containerName: codes, range: id.range });
      }
      if (symbols.length >= limit) return symbols.slice(0, limit);
    }
  }
  return symbols;
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
