import type { Codebook } from '../codebook/types';
import { fieldColumns, rowWithoutFields, type RowWithoutFields } from './exportRows';
import type { ExportFormat } from './exportFormats';
import type { DocumentRecord, FindingRecord } from './findingRecords';

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
      // What every row of a document shares is stringified once, not once per row.
      const path = `{"path":${JSON.stringify(record.path)},"index":`;
      const end = `,"text_sha256":${JSON.stringify(record.text_sha256)},"fields":${JSON.stringify(record.fields)}}\n`;
      let text = '';
      for (const finding of record.findings) text += path + jsonlRowMiddle(finding) + end;
      return text;
    },
    tail: () => '',
  };
}

/**
 * A JSONL row from `index` to `parent`: the bytes `JSON.stringify` gives for
 * the row object (rowWithoutFields, whose key order it follows), built
 * without the object. A deliberate fast path, held equal to the plain one by
 * test/property/jsonlRows.test.ts: the rows are most of an export's time.
 */
function jsonlRowMiddle(finding: FindingRecord): string {
  return `${finding.index},"id":${JSON.stringify(finding.id)},"codes":${JSON.stringify(finding.codes)},"themes":${JSON.stringify(finding.themes)}`
    + `,"attributes":${JSON.stringify(finding.attributes)},"exact":${JSON.stringify(finding.exact)},"prefix":${JSON.stringify(finding.prefix)},"suffix":${JSON.stringify(finding.suffix)}`
    + `,"start":${finding.start},"end":${finding.end},"start_utf16":${finding.start_utf16},"end_utf16":${finding.end_utf16}`
    + `,"line":${finding.source_start.line},"column":${finding.source_start.column},"end_line":${finding.source_end.line},"end_column":${finding.source_end.column}`
    + `,"parent":${JSON.stringify(finding.parent)}`;
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
