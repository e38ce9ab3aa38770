import type { Codebook } from '../codebook/types';
import { fieldColumns, findingRows, type FindingRow } from './exportRows';
import type { DocumentRecord } from './findingRecords';

export type ExportFormat = 'jsonl' | 'csv' | 'json';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['jsonl', 'csv', 'json'];

export const FORMAT_VERSION = 1;

/** Serialises export records; the same records always give the same bytes. */
export function serializeFindings(format: ExportFormat, documents: readonly DocumentRecord[], codebook: Codebook): string {
  switch (format) {
    case 'jsonl':
      return findingRows(documents).map((row) => JSON.stringify(row) + '\n').join('');
    case 'csv':
      return toCsv(findingRows(documents), codebook);
    case 'json':
      return JSON.stringify({
        format: 'inspection-findings',
        version: FORMAT_VERSION,
        codebook: { name: codebook.name, version: codebook.version },
        documents,
      }, null, 2) + '\n';
  }
}

const FIXED_COLUMNS = [
  'path', 'index', 'id', 'codes', 'themes', 'attributes', 'exact', 'prefix', 'suffix',
  'start', 'end', 'start_utf16', 'end_utf16', 'line', 'column', 'end_line', 'end_column', 'parent', 'text_sha256',
] as const;

/** RFC 4180: CRLF records, fields quoted when they hold a comma, quote or line break. */
function toCsv(rows: readonly FindingRow[], codebook: Codebook): string {
  const fields = fieldColumns(codebook);
  const header = [...FIXED_COLUMNS, ...fields.map((column) => column.name)];
  const records = rows.map((row) => [
    row.path, row.index, row.id ?? '', row.codes.join(' '), row.themes.join(' '), JSON.stringify(row.attributes),
    row.exact, row.prefix, row.suffix, row.start, row.end, row.start_utf16, row.end_utf16,
    row.line, row.column, row.end_line, row.end_column, row.parent ?? '', row.text_sha256,
    ...fields.map((column) => cell(valueAt(row.fields, column.path))),
  ].map(String));
  // Loaded on first use: only CSV exports need it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { stringify } = require('csv-stringify/sync') as typeof import('csv-stringify/sync');
  // csv-stringify quotes a cell holding the record delimiter (CRLF) but not a bare LF or CR: match those too.
  return stringify([header, ...records], { record_delimiter: 'windows', quoted_match: /^[ \t]|[ \t]$|[\r\n]/ });
}

function valueAt(fields: Readonly<Record<string, unknown>>, path: string[]): unknown {
  let value: unknown = fields;
  for (const step of path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => cell(item)).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
