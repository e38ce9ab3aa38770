import type { Codebook } from '../codebook/types';
import { fieldColumns, rowWithoutFields, type RowWithoutFields } from './exportRows';
import type { ExportFormat } from './exportFormats';
import type { DocumentRecord } from './findingRecords';

export { EXPORT_FORMATS, type ExportFormat } from './exportFormats';

export const FORMAT_VERSION = 1;

/**
 * A format written piece by piece: what comes before the first document,
 * each document's text, what comes after the last. Concatenated, the pieces
 * are the whole export, so it can stream in constant memory.
 */
export interface DocumentSerializer {
  readonly head: string;
  document(record: DocumentRecord): string;
  /** What closes the export, once every document is written. */
  tail(): string;
}

export function documentSerializer(format: ExportFormat, codebook: Codebook): DocumentSerializer {
  switch (format) {
    case 'jsonl': return jsonlSerializer();
    case 'csv': return csvSerializer(codebook);
    case 'json': return jsonSerializer(codebook);
  }
}

/** Serialises export records; the same records always give the same bytes. */
export function serializeFindings(format: ExportFormat, documents: readonly DocumentRecord[], codebook: Codebook): string {
  const serializer = documentSerializer(format, codebook);
  return serializer.head + documents.map((document) => serializer.document(document)).join('') + serializer.tail();
}

function jsonlSerializer(): DocumentSerializer {
  return {
    head: '',
    document: (record) => {
      // `fields` is every row's last key, the same for the whole document: stringified once, not once per row.
      const end = `,"fields":${JSON.stringify(record.fields)}}\n`;
      let text = '';
      for (const finding of record.findings) {
        const row = JSON.stringify(rowWithoutFields(record, finding));
        text += row.slice(0, -1) + end;
      }
      return text;
    },
    tail: () => '',
  };
}

/**
 * JSON: one document, `{format, version, codebook, documents}` as
 * `JSON.stringify(…, null, 2)` lays it out, written document by document:
 * each document is stringified on its own and indented to its place in the array.
 */
function jsonSerializer(codebook: Codebook): DocumentSerializer {
  const EMPTY = '[]\n}';
  const whole = JSON.stringify({
    format: 'inspection-findings',
    version: FORMAT_VERSION,
    codebook: { name: codebook.name, version: codebook.version },
    documents: [],
  }, null, 2);
  // Everything up to `"documents": `, its value left out.
  const head = whole.slice(0, whole.length - EMPTY.length);
  let written = 0;
  return {
    head,
    document: (record) => (written++ === 0 ? '[\n    ' : ',\n    ') + JSON.stringify(record, null, 2).replace(/\n/g, '\n    '),
    tail: () => (written === 0 ? EMPTY : '\n  ]\n}') + '\n',
  };
}

const FIXED_COLUMNS = [
  'path', 'index', 'id', 'codes', 'themes', 'attributes', 'exact', 'prefix', 'suffix',
  'start', 'end', 'start_utf16', 'end_utf16', 'line', 'column', 'end_line', 'end_column', 'parent', 'text_sha256',
] as const;

/** RFC 4180: CRLF records, fields quoted when they hold a comma, quote or line break. */
function csvSerializer(codebook: Codebook): DocumentSerializer {
  const fields = fieldColumns(codebook);
  const record = (row: RowWithoutFields, fieldCells: string): string => csvRecord([
    row.path, row.index, row.id ?? '', row.codes.join(' '), row.themes.join(' '), JSON.stringify(row.attributes),
    row.exact, row.prefix, row.suffix, row.start, row.end, row.start_utf16, row.end_utf16,
    row.line, row.column, row.end_line, row.end_column, row.parent ?? '', row.text_sha256,
  ], fieldCells);
  return {
    head: csvRecord([...FIXED_COLUMNS, ...fields.map((column) => column.name)], ''),
    document: (document) => {
      // The field columns are the same for every row of a document: written once.
      const fieldCells = csvCells(fields.map((column) => cell(valueAt(document.fields, column.path))));
      let text = '';
      for (const finding of document.findings) text += record(rowWithoutFields(document, finding), fieldCells);
      return text;
    },
    tail: () => '',
  };
}

/** A cell needs quotes when it holds a comma, a quote or a line break, or starts or ends with a space or tab. */
const NEEDS_QUOTES = /[",\r\n]|^[ \t]|[ \t]$/;

/** One CSV record: the cells, then `more` (cells already written, each with its leading comma), then CRLF. */
function csvRecord(cells: ReadonlyArray<string | number>, more: string): string {
  return csvCells(cells).slice(1) + more + '\r\n';
}

/** Cells, each written with a leading comma. */
function csvCells(cells: ReadonlyArray<string | number>): string {
  let line = '';
  for (const value of cells) {
    const text = String(value);
    line += NEEDS_QUOTES.test(text) ? `,"${text.replace(/"/g, '""')}"` : `,${text}`;
  }
  return line;
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
