import { csvCell } from '../export/serializers';
import type { CodedPassage, Disagreement } from './disagreements';

/** The disagreement list's file formats: JSON Lines, or CSV (RFC 4180, as exports write it). */
export type DisagreementFormat = 'jsonl' | 'csv';

/** The format a file name asks for: `.csv` or `.jsonl`; undefined for anything else. */
export function disagreementFormatOf(file: string): DisagreementFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  return extension === 'csv' || extension === 'jsonl' ? extension : undefined;
}

/** One JSON object per disputed passage, offsets in code points. */
export function disagreementJsonl(rows: readonly Disagreement[]): string {
  let text = '';
  for (const row of rows) {
    text += JSON.stringify({
      text_sha256: row.fingerprint,
      start: row.start,
      end: row.end,
      kind: row.kind,
      codes: row.codes,
      text: row.text,
      coded: row.coded.map((entry) => ({ annotator: entry.annotator, path: entry.path, spans: entry.spans })),
    }) + '\n';
  }
  return text;
}

/**
 * One CSV record per disputed passage: the article (its fingerprint and its
 * first report), the passage, then one column per annotator (`annotators`,
 * every annotator of the list) with what they coded there: nothing (empty),
 * each span as `codes [start,end) themes=… key=value`, or `(no copy)` when
 * they did not code the article.
 */
export function disagreementCsv(rows: readonly Disagreement[], annotators: readonly string[]): string {
  const header = ['text_sha256', 'article', 'start', 'end', 'kind', 'codes', 'text', ...annotators];
  let text = header.map(csvCell).join(',') + '\r\n';
  for (const row of rows) {
    const coded = new Map(row.coded.map((entry) => [entry.annotator, entry.spans]));
    const cells = [
      row.fingerprint,
      row.coded[0]?.path ?? '',
      String(row.start),
      String(row.end),
      row.kind,
      row.codes.join(' '),
      row.text,
      ...annotators.map((annotator) => {
        const spans = coded.get(annotator);
        return spans === undefined ? '(no copy)' : spans.map(describePassage).join('; ');
      }),
    ];
    text += cells.map(csvCell).join(',') + '\r\n';
  }
  return text;
}

/** A coded span in one line: `weakness quote [10,30) themes=health key=value`. */
export function describePassage(passage: CodedPassage): string {
  const parts = [`${passage.codes.join(' ')} [${passage.start},${passage.end})`];
  if (passage.themes.length > 0) parts.push(`themes=${passage.themes.join(',')}`);
  for (const [key, value] of Object.entries(passage.attributes)) parts.push(`${key}=${JSON.stringify(value)}`);
  return parts.join(' ');
}
