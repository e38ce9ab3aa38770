import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { defaultCodebook } from '../../core';
import { rowWithoutFields } from '../../core/export/exportRows';
import type { DocumentRecord, FindingRecord } from '../../core/export/findingRecords';
import { documentSerializer } from '../../core/export/serializers';

// JSONL rows are built as text, without the row object: that fast path
// writes exactly what JSON.stringify writes for the row object, whose key
// order (rowWithoutFields, then `fields`) is the definition.

const RUNS = Number(process.env.FINDINGS_FC_RUNS) || 300;

/** Text with what JSON must escape: quotes, backslashes, controls, lone surrogates, astral characters. */
const text = fc.array(fc.constantFrom('a', ' ', '"', '\\', '\n', '\r', '\t', '\u0000', '\u001f', '\u2028', '\ud800', '\udfff', '😀', 'é', '“', '/'), { maxLength: 12 }).map((parts) => parts.join(''));
const position = fc.record({ line: fc.nat(), column: fc.nat() });
const finding: fc.Arbitrary<FindingRecord> = fc.record({
  index: fc.nat(),
  id: fc.option(text, { nil: null }),
  codes: fc.array(text, { maxLength: 3 }),
  themes: fc.array(text, { maxLength: 3 }),
  attributes: fc.dictionary(text, text, { maxKeys: 3 }),
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
