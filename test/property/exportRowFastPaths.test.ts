import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { defaultCodebook } from '../../core';
import { fieldColumns, rowWithoutFields } from '../../core/export/exportRows';
import type { DocumentRecord, FindingRecord } from '../../core/export/findingRecords';
import { documentSerializer } from '../../core/export/serializers';

// JSONL and CSV rows are built as text, without the row object: those fast
// paths write exactly what JSON.stringify writes for the row object, whose
// key order (rowWithoutFields, then `fields`) is the definition, and what
// csv-stringify writes for the row's cells.

const RUNS = Number(process.env.FINDINGS_FC_RUNS) || 300;

/** Text with what JSON must escape: quotes, backslashes, controls, lone surrogates, astral characters. */
const text = fc.array(fc.constantFrom('a', ' ', ',', '"', '\\', '\n', '\r', '\t', '\u0000', '\u001f', '\u2028', '\ud800', '\udfff', '😀', 'é', '“', '/'), { maxLength: 12 }).map((parts) => parts.join(''));
const position = fc.record({ line: fc.nat(), column: fc.nat() });
const finding: fc.Arbitrary<FindingRecord> = fc.record({
  index: fc.nat(),
  id: fc.option(text, { nil: null }),
  codes: fc.array(text, { maxLength: 3 }),
  themes: fc.array(text, { maxLength: 3 }),
  attributes: fc.dictionary(text, text, { maxKeys: 3 }),
  memo: fc.option(text, { nil: null }),
  exact: text,
  prefix: text,
  suffix: text,
  start: fc.nat(),
  end: fc.nat(),
  start_utf16: fc.nat(),
  end_utf16: fc.nat(),
  source_start: position,
  source_end: position,
  parent: fc.option(fc.nat(), { nil: null }),
});
const document: fc.Arbitrary<DocumentRecord> = fc.record({
  path: text,
  fields: fc.dictionary(text, fc.oneof(text, fc.integer(), fc.constant(null), fc.array(text, { maxLength: 2 }))),
  text_sha256: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
  text_length: fc.record({ code_points: fc.nat(), utf16: fc.nat() }),
  findings: fc.array(finding, { maxLength: 4 }),
});

describe('property: JSONL rows built as text', () => {
  it('are the bytes JSON.stringify gives for the row objects', () => {
    const serializer = documentSerializer('jsonl', defaultCodebook());
    fc.assert(fc.property(document, (record) => {
      const expected = record.findings.map((f) => `${JSON.stringify({ ...rowWithoutFields(record, f), fields: record.fields })}\n`).join('');
      assert.equal(serializer.document(record), expected);
    }), { numRuns: RUNS });
  });
});

describe('property: CSV rows built as text', () => {
  it('are the bytes csv-stringify gives for the row cells', () => {
    const codebook = defaultCodebook();
    const columns = fieldColumns(codebook);
    const serializer = documentSerializer('csv', codebook);
    const fieldCell = (value: unknown): string => {
      if (value === undefined || value === null) return '';
      if (Array.isArray(value)) return value.map(fieldCell).join('; ');
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    };
    const fieldValue = (fields: Readonly<Record<string, unknown>>, path: readonly string[]): unknown =>
      path.reduce<unknown>((value, step) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[step] : undefined), fields);
    // The document's fields as the codebook's columns: the source and annotator columns take generated text, and so does the report memo (or none).
    const withColumns = fc.tuple(document, fc.option(text, { nil: undefined })).map(([record, memo]) => ({ ...record, fields: { ...record.fields, annotator: record.path, source: { publisher: record.text_sha256.slice(0, 3) + record.path }, memo } }));
    fc.assert(fc.property(withColumns, (record) => {
      const rows = record.findings.map((finding) => {
        const row = rowWithoutFields(record, finding);
        return [row.path, row.index, row.id ?? '', row.codes.join(' '), row.themes.join(' '), JSON.stringify(row.attributes), row.memo ?? '', row.exact, row.prefix, row.suffix,
          row.start, row.end, row.start_utf16, row.end_utf16, row.line, row.column, row.end_line, row.end_column, row.parent ?? '', row.text_sha256, fieldCell(record.fields.memo),
          ...columns.map((column) => fieldCell(fieldValue(record.fields, column.path)))].map(String);
      });
      const expected = rows.length === 0 ? '' : stringify(rows, { record_delimiter: 'windows', quoted_match: /^[ \t]|[ \t]$|[\r\n]/ });
      assert.equal(serializer.document(record), expected);
    }), { numRuns: RUNS });
  });
});
