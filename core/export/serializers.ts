import type { ArticleAgreement } from '../agreement/exportAgreement';
import type { Codebook } from '../codebook/types';
import { REPORT_MEMO_FIELD } from '../document/formatFields';
import { fieldColumns, REPORT_MEMO_COLUMN } from './exportRows';
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

export interface SerializerOptions {
  /**
   * `--with-agreement`: the agreement figures of each article coded by
   * several annotators, by fingerprint. Every row (JSONL, CSV) and document
   * (JSON) then carries its article's figures, null for an article coded once.
   */
  readonly agreement?: Readonly<Record<string, ArticleAgreement>>;
}

/** The CSV columns of `--with-agreement`: the article's figures for all codes together. */
export const AGREEMENT_COLUMNS = ['agreement_annotators', 'agreement_kappa', 'agreement_alpha', 'agreement_alpha_u'] as const;

export function documentSerializer(format: ExportFormat, codebook: Codebook, options: SerializerOptions = {}): DocumentSerializer {
  switch (format) {
    case 'jsonl': return jsonlSerializer(options);
    case 'csv': return csvSerializer(codebook, options);
    case 'json': return jsonSerializer(codebook, options);
  }
}

/** A document's figures under `--with-agreement`: undefined without the option, null for an article coded once. */
function agreementOf(options: SerializerOptions, record: DocumentRecord): ArticleAgreement | null | undefined {
  return options.agreement === undefined ? undefined : (Object.hasOwn(options.agreement, record.text_sha256) ? options.agreement[record.text_sha256] : null);
}

/** Serialises export records; the same records always give the same bytes. */
export function serializeFindings(format: ExportFormat, documents: readonly DocumentRecord[], codebook: Codebook, options: SerializerOptions = {}): string {
  const serializer = documentSerializer(format, codebook, options);
  return serializer.head + documents.map((document) => serializer.document(document)).join('') + serializer.tail();
}

function jsonlSerializer(options: SerializerOptions): DocumentSerializer {
  return {
    head: '',
    document: (record) => {
      // What every row of a document shares is stringified once, not once per row.
      const path = `{"path":${JSON.stringify(record.path)},"index":`;
      const agreement = agreementOf(options, record);
      const end = `,"text_sha256":${JSON.stringify(record.text_sha256)}${agreement === undefined ? '' : `,"agreement":${JSON.stringify(agreement)}`},"fields":${JSON.stringify(record.fields)}}\n`;
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
 * test/property/exportRowFastPaths.test.ts: the rows are most of an export's time.
 */
function jsonlRowMiddle(finding: FindingRecord): string {
  return `${finding.index},"id":${JSON.stringify(finding.id)},"codes":${JSON.stringify(finding.codes)},"themes":${JSON.stringify(finding.themes)}`
    + `,"attributes":${JSON.stringify(finding.attributes)},"memo":${JSON.stringify(finding.memo)},"exact":${JSON.stringify(finding.exact)},"prefix":${JSON.stringify(finding.prefix)},"suffix":${JSON.stringify(finding.suffix)}`
    + `,"start":${finding.start},"end":${finding.end},"start_utf16":${finding.start_utf16},"end_utf16":${finding.end_utf16}`
    + `,"line":${finding.source_start.line},"column":${finding.source_start.column},"end_line":${finding.source_end.line},"end_column":${finding.source_end.column}`
    + `,"parent":${JSON.stringify(finding.parent)}`;
}

/**
 * JSON: one document, `{format, version, codebook, documents}` as
 * `JSON.stringify(…, null, 2)` lays it out, written document by document:
 * each document is stringified on its own and indented to its place in the array.
 */
function jsonSerializer(codebook: Codebook, options: SerializerOptions): DocumentSerializer {
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
    document: (record) => {
      const agreement = agreementOf(options, record);
      const value = agreement === undefined ? record : { ...record, agreement };
      return (written++ === 0 ? '[\n    ' : ',\n    ') + JSON.stringify(value, null, 2).replace(/\n/g, '\n    ');
    },
    tail: () => (written === 0 ? EMPTY : '\n  ]\n}') + '\n',
  };
}

const FIXED_COLUMNS = [
  'path', 'index', 'id', 'codes', 'themes', 'attributes', 'memo', 'exact', 'prefix', 'suffix',
  'start', 'end', 'start_utf16', 'end_utf16', 'line', 'column', 'end_line', 'end_column', 'parent', 'text_sha256', REPORT_MEMO_COLUMN,
] as const;

/** RFC 4180: CRLF records, fields quoted when they hold a comma, quote or line break. */
function csvSerializer(codebook: Codebook, options: SerializerOptions): DocumentSerializer {
  const fields = fieldColumns(codebook);
  const withAgreement = options.agreement !== undefined;
  return {
    head: csvCells([...FIXED_COLUMNS, ...(withAgreement ? AGREEMENT_COLUMNS : []), ...fields.map((column) => column.name)]).slice(1) + '\r\n',
    document: (document) => {
      // What every row of a document shares (its path, fingerprint, report memo, figures and field columns) is written once.
      const path = csvCell(document.path);
      const agreement = agreementOf(options, document);
      const figures = agreement === undefined ? '' : csvCells(agreement === null ? ['', '', '', ''] : [agreement.annotators.join(' '), cell(agreement.kappa), cell(agreement.alpha), cell(agreement.alpha_u)]);
      const end = `,${csvCell(document.text_sha256)},${csvCell(cell(valueAt(document.fields, [REPORT_MEMO_FIELD])))}${figures}${csvCells(fields.map((column) => cell(valueAt(document.fields, column.path))))}\r\n`;
      let text = '';
      for (const finding of document.findings) text += path + csvRowMiddle(finding) + end;
      return text;
    },
    tail: () => '',
  };
}

/**
 * A CSV row's cells from `index` to `parent` (FIXED_COLUMNS' order), each
 * with its leading comma, built as one string: a deliberate fast path, held
 * to csv-stringify's output for the same cells by
 * test/property/exportRowFastPaths.test.ts. Numbers never need quotes.
 */
function csvRowMiddle(finding: FindingRecord): string {
  return `,${finding.index},${csvCell(finding.id ?? '')},${csvCell(finding.codes.join(' '))},${csvCell(finding.themes.join(' '))},${csvCell(JSON.stringify(finding.attributes))},${csvCell(finding.memo ?? '')}`
    + `,${csvCell(finding.exact)},${csvCell(finding.prefix)},${csvCell(finding.suffix)}`
    + `,${finding.start},${finding.end},${finding.start_utf16},${finding.end_utf16}`
    + `,${finding.source_start.line},${finding.source_start.column},${finding.source_end.line},${finding.source_end.column},${finding.parent ?? ''}`;
}

/** Characters that make a cell need quotes anywhere in it. */
const NEEDS_QUOTES = /[",\r\n]/;
const SPACE = 32;
const TAB = 9;

/** A cell, quoted when it holds a comma, a quote or a line break, or starts or ends with a space or tab. */
export function csvCell(text: string): string {
  if (text === '') return text;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  const padded = first === SPACE || first === TAB || last === SPACE || last === TAB;
  return padded || NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Cells, each written with a leading comma. */
function csvCells(cells: readonly string[]): string {
  let line = '';
  for (const value of cells) line += `,${csvCell(value)}`;
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
