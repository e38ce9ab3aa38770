// A span's themes under a codebook with two theme-valued attributes: the
// validator, hovers, references, statistics, the summary and every export
// format must name the same themes for each span (docs/format.md, "Spans").
import { strict as assert } from 'node:assert';
import { analyzeReport, BUILTIN_CODEBOOK, countDocument, hoverAt, summarizeReport, type Codebook } from '../../core';
import { buildCodebook } from '../../core/codebook/loadCodebook';
import { documentRecord } from '../../core/export/findingRecords';
import { findReferences } from '../../core/language/references';
import { parseCsv } from '../helpers/csv';
import { runCli } from '../helpers/cli';
import { buildReport } from '../helpers/report';
import { TempDir } from '../helpers/tempDir';

const CODEBOOK_YAML = [
  'codes:',
  '  concern:',
  '    label: Concern',
  '    description: A worry raised about the local area.',
  '    color: "#aa3300"',
  '    attributes:',
  '      theme: { values: themes, multiple: true }',
  '      topic: { values: themes, multiple: true }',
  '  note:',
  '    label: Note',
  '    description: A remark whose theme is free text, not a codebook theme.',
  '    color: "#336699"',
  '    attributes:',
  '      theme: { description: Free text. }',
  '',
].join('\n');

const BODY = [
  'One [alpha]{.concern theme=health topic="workforce health"} passage.',
  'Two [beta]{.concern topic=leadership,outcomes} passage.',
  'Three [gamma]{.note theme=anything} passage.',
  'Four [delta]{.concern .note topic=education} passage.',
  'Five [epsilon]{.strength theme=health} passage.',
].join('\n') + '\n';

/** The themes each span carries, by the span's text. */
const EXPECTED: ReadonlyArray<[string, readonly string[]]> = [
  ['alpha', ['health', 'workforce']],
  ['beta', ['leadership', 'outcomes']],
  ['gamma', []],
  ['delta', ['education']],
  ['epsilon', ['health']],
];

function codebook(): Codebook {
  const result = buildCodebook(BUILTIN_CODEBOOK, { kind: 'workspace', path: 'codebook.yaml', text: CODEBOOK_YAML });
  assert.deepEqual(result.diagnostics, []);
  return result.codebook;
}

describe('themes of a span with two theme-valued attributes', () => {
  const book = codebook();
  const text = buildReport(BODY);
  const report = analyzeReport(text, book);

  it('is valid, and a misspelt theme in the second attribute is an error on that word', () => {
    assert.deepEqual(report.diagnostics.map((d) => d.rule), []);
    const misspelt = buildReport('Six [zeta]{.concern topic="health workfroce"} passage.\n');
    const diagnostics = analyzeReport(misspelt, book).diagnostics;
    assert.deepEqual(diagnostics.map((d) => [d.rule, misspelt.slice(d.range.start, d.range.end)]), [['attribute-value', 'workfroce']]);
    assert.match(diagnostics[0].message, /not a theme/);
  });

  it('exports, counts and summarises the same themes', () => {
    const record = documentRecord('a.report.md', report.document, book);
    assert.deepEqual(record.findings.map((f) => [f.exact, f.themes]), EXPECTED);
    const counts = countDocument('a.report.md', report.document, book);
    assert.deepEqual(counts.byTheme, { education: 1, health: 2, leadership: 1, outcomes: 1, workforce: 1 });
    const summary = summarizeReport({ path: 'a.report.md', uri: 'file:///a.report.md', codebook: book, ...report });
    assert.deepEqual(summary.digest.findings.map((f) => [f.text, f.themes]), EXPECTED);
  });

  it('hovers and finds references on themes in either attribute, and not in free text', () => {
    for (const [word, expectTheme] of [['workforce', true], ['outcomes', true], ['education', true], ['anything', false]] as const) {
      const offset = text.indexOf(word) + 1;
      const hover = hoverAt(report.document, book, offset);
      if (expectTheme) assert.match(hover?.contents ?? '', new RegExp(`theme \`${word}\``), word);
      else assert.doesNotMatch(hover?.contents ?? '', /theme `/, word);
    }
    const health = findReferences([{ path: 'a', document: report.document }], book, { kind: 'theme', name: 'health' });
    assert.equal(health.length, 3);
  });

  it('agrees across findings check, export (JSONL, CSV, JSON) and stats', async () => {
    const dir = new TempDir();
    try {
      dir.write('codebook.yaml', CODEBOOK_YAML);
      dir.write('a.report.md', text);
      assert.equal((await runCli(['check', '.'], dir.path)).code, 0);
      const jsonl = await runCli(['export', '.', '--format', 'jsonl'], dir.path);
      const rows = jsonl.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { exact: string; themes: string[] });
      assert.deepEqual(rows.map((row) => [row.exact, row.themes]), EXPECTED);
      const csv = parseCsv((await runCli(['export', '.', '--format', 'csv'], dir.path)).stdout);
      const column = csv[0].indexOf('themes');
      assert.deepEqual(csv.slice(1).map((row) => [row[csv[0].indexOf('exact')], row[column] === '' ? [] : row[column].split(' ')]), EXPECTED);
      const json = JSON.parse((await runCli(['export', '.', '--format', 'json'], dir.path)).stdout) as { documents: Array<{ findings: Array<{ exact: string; themes: string[] }> }> };
      assert.deepEqual(json.documents[0].findings.map((f) => [f.exact, f.themes]), EXPECTED);
      const stats = JSON.parse((await runCli(['stats', '.', '--format', 'json'], dir.path)).stdout) as { byTheme: Record<string, number> };
      assert.deepEqual(stats.byTheme, { education: 1, health: 2, leadership: 1, outcomes: 1, workforce: 1 });
    } finally {
      dir.remove();
    }
  });
});
