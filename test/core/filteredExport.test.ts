/**
 * An export filtered as the summary panel's findings list: it keeps exactly
 * the findings the list shows for the same filters, each row byte for byte
 * as the whole export writes it.
 */
import { strict as assert } from 'node:assert';
import { comparePaths, defaultCodebook, EXPORT_FORMATS, writeExport, type ExportableReport, type ExportFormat } from '../../core';
import { analyzeReport } from '../../core/workspace/analyzeReport';
import type { FindingFilters } from '../../core/summary/findingsQuery';
import { queryFindings } from '../../core/summary/findingsQuery';
import { ScopeSummary } from '../../core/summary/scopeSummary';
import { summarizeReport, summarizeReports } from '../../core/summary/summarizeReports';
import type { SummaryInput } from '../../core/summary/types';
import { reportFilesIn } from '../helpers/repo';
import { buildReport } from '../helpers/report';

const codebook = defaultCodebook();
const ANY: FindingFilters = { code: '', theme: '', area: '', text: '' };

/** The samples, a report with memos and one without any span. */
const files = [
  ...reportFilesIn('samples').map((file) => ({ path: file.name, text: file.text })),
  { path: 'notes/memos.report.md', text: buildReport('A [first passage]{.weakness theme=health memo="Ask the SENCO about \\"waits\\""} and [a second]{.strength theme=health}.\n', { fields: { area: undefined } }) },
  { path: 'notes/empty.report.md', text: buildReport('Nothing tagged here.\n') },
].sort((a, b) => comparePaths(a.path, b.path));
const inputs: SummaryInput[] = files.map((file) => ({ path: file.path, uri: `file:///corpus/${file.path}`, codebook, ...analyzeReport(file.text, codebook) }));
const reports: ExportableReport[] = inputs.map((input) => ({ path: input.path, document: input.document }));
const summary = summarizeReports(inputs);
/** The findings list as the panel reads it: a page at a time from the scope's summary. */
const scope = new ScopeSummary();
scope.update(inputs.map(summarizeReport));

function listed(filters: FindingFilters): Array<{ path: string; index: number }> {
  const found: Array<{ path: string; index: number }> = [];
  for (let offset = 0; ; offset += 3) {
    const page = scope.page({ filters, sort: 'report', offset, limit: 3 }, 600);
    found.push(...page.findings);
    if (page.findings.length < 3) return found;
  }
}

async function exportText(format: ExportFormat, filters?: FindingFilters): Promise<{ text: string; totals: { documents: number; findings: number } }> {
  let text = '';
  const totals = await writeExport(reports, codebook, format, { write: (chunk) => void (text += chunk) }, undefined, filters);
  assert.ok(totals);
  return { text, totals };
}

/** The CRLF records of a CSV text, each as written (a quoted cell may hold a line break). */
function csvRecords(text: string): string[] {
  const records: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (!quoted && text[i] === '\r' && text[i + 1] === '\n') {
      records.push(text.slice(start, i + 2));
      start = i + 2;
      i++;
    }
  }
  assert.equal(start, text.length, 'the CSV ends with a whole record');
  return records;
}

interface JsonExport {
  readonly documents: Array<{ path: string; findings: Array<{ index: number }> }>;
}

const FILTERS: ReadonlyArray<Partial<FindingFilters>> = [
  { code: 'weakness' },
  { theme: 'leadership' },
  { area: 'Hartlepool' },
  { area: '(none)' },
  { text: 'Significant' },
  { text: 'hartlepool-' },
  { text: 'senco about "WAITS"' },
  { code: 'strength', theme: 'health', text: 'the' },
  { code: 'no-such-code' },
];

describe('core/export writeExport with the summary panel\'s filters', () => {
  for (const partial of FILTERS) {
    const filters = { ...ANY, ...partial };
    it(`keeps what the findings list shows for ${JSON.stringify(partial)}, rows as in the whole export`, async () => {
      const shown = listed(filters);
      const key = (finding: { path: string; index: number }) => `${finding.path}#${finding.index}`;
      assert.deepEqual(shown.map(key), queryFindings(summary.findings, filters).matching.map(key), 'the pages list what the one predicate keeps');
      const keys = new Set(shown.map(key));
      const withFindings = new Set(shown.map((finding) => finding.path));
      assert.equal(shown.length === 0, filters.code === 'no-such-code', `${shown.length} findings shown`);

      const jsonl = await exportText('jsonl', filters);
      const allLines = (await exportText('jsonl')).text.split(/(?<=\n)/);
      const kept = allLines.map((line) => {
        const row = JSON.parse(line) as { path: string; index: number };
        return keys.has(`${row.path}#${row.index}`);
      });
      assert.equal(jsonl.text, allLines.filter((_, i) => kept[i]).join(''));
      assert.deepEqual(jsonl.text.split(/(?<=\n)/).filter(Boolean).map((line) => key(JSON.parse(line) as { path: string; index: number })), shown.map(key), 'the rows in the list\'s order');
      assert.deepEqual(jsonl.totals, { documents: withFindings.size, findings: shown.length });

      const csv = await exportText('csv', filters);
      const [head, ...rows] = csvRecords((await exportText('csv')).text);
      // Rows come in the same order as the JSONL lines: one per finding.
      assert.equal(rows.length, allLines.length);
      assert.equal(csv.text, head + rows.filter((_, i) => kept[i]).join(''));
      assert.deepEqual(csv.totals, jsonl.totals);

      // JSON: the reports left with a finding, each as in the whole export with just those findings.
      const json = await exportText('json', filters);
      const whole = JSON.parse((await exportText('json')).text) as JsonExport;
      const expected = {
        ...whole,
        documents: whole.documents
          .filter((document) => withFindings.has(document.path))
          .map((document) => ({ ...document, findings: document.findings.filter((finding) => keys.has(`${document.path}#${finding.index}`)) })),
      };
      assert.equal(json.text, JSON.stringify(expected, null, 2) + '\n');
      assert.deepEqual(json.totals, jsonl.totals);
    });
  }

  it('finds a finding by its memo, and writes an empty list of documents in JSON when nothing matches', async () => {
    const memo = await exportText('jsonl', { ...ANY, text: 'senco' });
    assert.deepEqual(memo.totals, { documents: 1, findings: 1 });
    assert.match(memo.text, /"exact":"first passage"/);
    const none = await exportText('json', { ...ANY, code: 'no-such-code' });
    assert.deepEqual(none.totals, { documents: 0, findings: 0 });
    assert.deepEqual((JSON.parse(none.text) as JsonExport).documents, []);
  });

  for (const format of EXPORT_FORMATS) {
    it(`${format}: no filter set (blank text included) writes the whole export, reports without findings too`, async () => {
      const whole = await exportText(format);
      assert.deepEqual(whole.totals, { documents: files.length, findings: summary.findings.length });
      for (const filters of [undefined, ANY, { ...ANY, text: '  ' }]) assert.deepEqual(await exportText(format, filters), whole, JSON.stringify(filters));
    });
  }
});
