import { strict as assert } from 'node:assert';
import { defaultCodebook } from '../../../core';
import { parseReport } from '../../../core/document/parseReport';
import { documentRecord } from '../../../core/export/findingRecords';
import { serializeFindings } from '../../../core/export/serializers';
import { csvObjects, parseCsv } from '../../helpers/csv';
import { buildReport } from '../../helpers/report';

const TEXT = buildReport('[Waits]{.weakness theme=health memo="Ask the SENCO, \\"today\\"" severity=moderate} and [more]{.strength theme=health}.\n', {
  extraYaml: 'memo: |\n  Check the dates,\n  then the "waits".',
});
const records = [documentRecord('a.report.md', parseReport(TEXT), defaultCodebook())];

describe('core/export memos', () => {
  it('gives each finding its memo (or null), and leaves it out of `attributes`', () => {
    const [first, second] = records[0].findings;
    assert.equal(first.memo, 'Ask the SENCO, "today"');
    assert.deepEqual(first.attributes, { severity: 'moderate', theme: 'health' });
    assert.equal(second.memo, null);
  });

  it('writes `memo` after `attributes` in JSONL and JSON, the report memo in `fields`', () => {
    const rows = serializeFindings('jsonl', records, defaultCodebook()).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(rows.map((row) => row.memo), ['Ask the SENCO, "today"', null]);
    assert.equal(Object.keys(rows[0]).indexOf('memo'), Object.keys(rows[0]).indexOf('attributes') + 1);
    assert.equal((rows[0].fields as Record<string, unknown>).memo, 'Check the dates,\nthen the "waits".\n');
    const corpus = JSON.parse(serializeFindings('json', records, defaultCodebook())) as { documents: Array<{ findings: Array<Record<string, unknown>> }> };
    assert.deepEqual(corpus.documents[0].findings.map((finding) => finding.memo), ['Ask the SENCO, "today"', null]);
  });

  it('writes a `memo` column after `attributes` and a `report_memo` column after `text_sha256` in CSV', () => {
    const csv = serializeFindings('csv', records, defaultCodebook());
    const [header] = parseCsv(csv);
    assert.equal(header.indexOf('memo'), header.indexOf('attributes') + 1);
    assert.equal(header.indexOf('report_memo'), header.indexOf('text_sha256') + 1);
    assert.equal(header.filter((name) => name === 'memo').length, 1);
    const rows = csvObjects(csv);
    assert.deepEqual(rows.map((row) => row.memo), ['Ask the SENCO, "today"', '']);
    assert.deepEqual(rows.map((row) => row.report_memo), ['Check the dates,\nthen the "waits".\n', 'Check the dates,\nthen the "waits".\n']);
  });
});
