import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeReport, createDatasetFilter, defaultCodebook, IGNORE_FILE, ignoreFilesUnder, LineIndex, type IgnoreFile } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { summarizeReports } from '../../core/summary/summarizeReports';
import { NO_VALUE, type SummaryInput } from '../../core/summary/types';
import { findReportFiles } from '../../cli/files';
import { runCli } from '../helpers/cli';
import { repoPath, reportFilesIn } from '../helpers/repo';
import { buildReport } from '../helpers/report';
import { TempDir } from '../helpers/tempDir';

const codebook = defaultCodebook();

function input(relative: string, text: string): SummaryInput {
  return { path: relative, uri: `file:///corpus/${relative}`, codebook, ...analyzeReport(text, codebook) };
}

describe('core/summary', () => {
  const samples = reportFilesIn('samples').map((file) => input(file.name, file.text));
  const broken = reportFilesIn('samples', 'broken').map((file) => input(`broken/${file.name}`, file.text));

  it('counts the samples as `findings stats . --format json` does', async () => {
    const run = await runCli(['stats', '.', '--format', 'json'], repoPath('samples'));
    assert.equal(run.code, 0, run.stderr);
    const stats = JSON.parse(run.stdout) as { documents: number; spans: number; byCode: unknown; byTheme: unknown; byCodeAndTheme: unknown; perDocument: Array<{ path: string; spans: number }> };
    // Given in reverse: the summary orders by path itself.
    const summary = summarizeReports([...samples].reverse());
    assert.equal(summary.totals.reports, stats.documents);
    assert.equal(summary.totals.findings, stats.spans);
    assert.deepEqual(summary.byCode, stats.byCode);
    assert.deepEqual(summary.byTheme, stats.byTheme);
    assert.deepEqual(summary.byCodeAndTheme, stats.byCodeAndTheme);
    assert.deepEqual(summary.reports.map((report) => [report.path, report.findings]), stats.perDocument.map((document) => [document.path, document.spans]));
    assert.deepEqual(summary.totals, { reports: 5, findings: stats.spans, errors: 0, warnings: 0, reportsWithErrors: 0 });
  });

  it('lists the findings in path then span order with their exported text', async () => {
    const run = await runCli(['export', '.', '--format', 'jsonl'], repoPath('samples'));
    const rows = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { path: string; index: number; exact: string; codes: string[]; themes: string[]; fields: { area?: string } });
    const summary = summarizeReports(samples);
    assert.deepEqual(
      summary.findings.map((f) => [f.path, f.index, f.text, f.codes, f.themes, f.area]),
      rows.map((row) => [row.path, row.index, row.exact, row.codes, row.themes, row.fields.area ?? null]),
    );
  });

  it('tallies reports and findings by field, with (none) last for reports without the field', () => {
    const summary = summarizeReports(broken);
    for (const tally of [summary.byArea, summary.byFramework, summary.byOutcome, summary.byStatus, summary.byAnnotator]) {
      assert.equal(Object.values(tally).reduce((sum, row) => sum + row.reports, 0), broken.length);
      assert.equal(Object.values(tally).reduce((sum, row) => sum + row.findings, 0), summary.totals.findings);
    }
    // no-front-matter.report.md has no fields at all.
    assert.ok(summary.byArea[NO_VALUE].reports >= 1);
    assert.equal(Object.keys(summary.byArea).at(-1), NO_VALUE);
    assert.equal(summary.reports.find((report) => report.path === 'broken/no-front-matter.report.md')?.area, null);
  });

  it('counts errors and warnings per report and in all', () => {
    const summary = summarizeReports(broken);
    let errors = 0;
    let warnings = 0;
    for (const report of broken) {
      const row = summary.reports.find((r) => r.path === report.path)!;
      assert.equal(row.errors, report.diagnostics.filter((d) => d.severity === 'error').length);
      assert.equal(row.warnings, report.diagnostics.filter((d) => d.severity === 'warning').length);
      errors += row.errors;
      warnings += row.warnings;
    }
    assert.deepEqual(summary.totals, {
      reports: broken.length,
      findings: broken.reduce((sum, report) => sum + report.document.spans.length, 0),
      errors,
      warnings,
      reportsWithErrors: summary.reports.filter((report) => report.errors > 0).length,
    });
    assert.ok(summary.totals.reportsWithErrors >= 6 && warnings > 0);
  });

  it('reads field values as text: numbers as written, lists and empty values as none', () => {
    const text = buildReport('[a]{.weakness theme=health} and [b]{.strength theme=health}', { fields: { framework: '2023', status: '[draft, reviewed]', annotator: '' } });
    const summary = summarizeReports([input('one.report.md', text)]);
    assert.equal(summary.reports[0].framework, '2023');
    assert.equal(summary.reports[0].status, null);
    assert.equal(summary.reports[0].annotator, null);
    assert.deepEqual(summary.byFramework, { 2023: { reports: 1, findings: 2 } });
    assert.deepEqual(summary.byStatus, { [NO_VALUE]: { reports: 1, findings: 2 } });
  });

  it('gives each finding the LSP range of its text in the source, nested markup included, in UTF-16 units', () => {
    const body = 'Intro 😀 [outer [inner 😀]{.strength theme=health} end]{.weakness theme="health education"}\r\n[second\r\nline]{.quote speaker=x}';
    const text = buildReport(body, { eol: '\r\n' });
    const summary = summarizeReports([input('a.report.md', text)]);
    const lines = new LineIndex(text);
    const at = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) => text.slice(lines.offset(range.start), lines.offset(range.end));
    assert.deepEqual(summary.findings.map((f) => [f.index, f.text, at(f.range), f.codes, f.themes]), [
      [0, 'outer inner 😀 end', 'outer [inner 😀]{.strength theme=health} end', ['weakness'], ['health', 'education']],
      [1, 'inner 😀', 'inner 😀', ['strength'], ['health']],
      [2, 'second\r\nline', 'second\r\nline', ['quote'], []],
    ]);
    const document = parseReport(text);
    assert.deepEqual(summary.findings[2].range, lines.range(document.spans[2].textRange));
  });

  it('summarises nothing as zeros', () => {
    const summary = summarizeReports([]);
    assert.deepEqual(summary.totals, { reports: 0, findings: 0, errors: 0, warnings: 0, reportsWithErrors: 0 });
    assert.deepEqual([summary.byCode, summary.byArea, summary.findings], [{}, {}, []]);
  });
});

describe('core/workspace dataset filter', () => {
  let dir: TempDir;
  const files = [
    'a.report.md',
    'notes.md',
    'sub/b.report.md',
    'sub/skip/c.report.md',
    'sub/deeper/d.report.md',
    'sub/deeper/e.report.md',
    'ignored/f.report.md',
    '.hidden/g.report.md',
    'sub/.h.report.md',
    'dist/i.report.md',
    'out/j.report.md',
    'node_modules/k.report.md',
    'sub/dist/l.report.md',
  ];

  before(() => {
    dir = new TempDir('findings-dataset-');
    for (const file of files) dir.write(file, '---\n---\n');
    dir.write(IGNORE_FILE, 'ignored/\n');
    dir.write(`sub/${IGNORE_FILE}`, 'skip/\n');
    dir.write(`sub/deeper/${IGNORE_FILE}`, 'e.report.md\n');
    dir.write(`.hidden/${IGNORE_FILE}`, '*.md\n');
  });
  after(() => dir.remove());

  /** The ignore files of the tree, as the language server reads them (relative to the root). */
  function ignoreFiles(): IgnoreFile[] {
    return ['', 'sub', 'sub/deeper', '.hidden'].map((folder) => ({ dir: folder, text: fs.readFileSync(path.join(dir.path, folder, IGNORE_FILE), 'utf8') }));
  }

  /** What the CLI finds given `folder` (relative to the root), relative to that folder. */
  async function cliFinds(folder: string): Promise<string[]> {
    const root = path.join(dir.path, folder);
    return (await findReportFiles([root], root)).map((file) => file.path);
  }

  for (const folder of ['', 'sub', 'sub/deeper', 'ignored', 'dist', '.hidden']) {
    it(`keeps what \`findings\` given ${folder === '' ? 'the root' : folder} keeps`, async () => {
      const keep = createDatasetFilter(ignoreFilesUnder(ignoreFiles(), folder));
      const prefix = folder === '' ? '' : `${folder}/`;
      const kept = files.filter((file) => file.startsWith(prefix)).map((file) => file.slice(prefix.length)).filter(keep).sort();
      assert.deepEqual(kept, await cliFinds(folder));
    });
  }

  it('re-roots the ignore files of a subfolder', () => {
    assert.deepEqual(ignoreFilesUnder(ignoreFiles(), 'sub').map((file) => file.dir), ['', 'deeper']);
    assert.deepEqual(ignoreFilesUnder(ignoreFiles(), 'su'), []);
  });
});
