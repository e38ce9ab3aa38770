import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeReport, createDatasetFilter, defaultCodebook, IGNORE_FILE, ignoreFilesUnder, LineIndex, type IgnoreFile } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { combineReportSummaries, summarizeReport, summarizeReports, type ReportSummaryPart } from '../../core/summary/summarizeReports';
import { SummaryAggregate } from '../../core/summary/summaryAggregate';
import { NO_VALUE, type ReportsAggregates, type ReportsSummary, type SummaryInput } from '../../core/summary/types';
import { findReportFiles } from '../../cli/files';
import { runCli } from '../helpers/cli';
import { repoPath, reportFilesIn } from '../helpers/repo';
import { buildReport } from '../helpers/report';
import { TempDir } from '../helpers/tempDir';

const codebook = defaultCodebook();

function input(relative: string, text: string): SummaryInput {
  return { path: relative, uri: `file:///corpus/${relative}`, codebook, ...analyzeReport(text, codebook) };
}

const samples = reportFilesIn('samples').map((file) => input(file.name, file.text));
const broken = reportFilesIn('samples', 'broken').map((file) => input(`broken/${file.name}`, file.text));

describe('core/summary', () => {

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

/** The aggregates of a summary counted naively from its report rows and findings: an oracle written apart from the product's sums. */
function countedApart(summary: Pick<ReportsSummary, 'reports' | 'findings'>): ReportsAggregates {
  const increment = (record: Record<string, number>, key: string) => void (record[key] = (record[key] ?? 0) + 1);
  const byCode: Record<string, number> = {};
  const byTheme: Record<string, number> = {};
  const byCodeAndTheme: Record<string, Record<string, number>> = {};
  for (const finding of summary.findings) {
    for (const code of finding.codes) {
      increment(byCode, code);
      for (const theme of finding.themes) increment((byCodeAndTheme[code] ??= {}), theme);
      byCodeAndTheme[code] ??= {};
    }
    for (const theme of finding.themes) increment(byTheme, theme);
  }
  const sorted = <T>(record: Record<string, T>, last?: string): Record<string, T> =>
    Object.fromEntries(Object.keys(record).sort((a, b) => (a === last ? 1 : b === last ? -1 : a < b ? -1 : a > b ? 1 : 0)).map((key) => [key, record[key]]));
  const tally = (field: 'area' | 'framework' | 'outcome' | 'status' | 'annotator') => {
    const rows: Record<string, { reports: number; findings: number }> = {};
    for (const report of summary.reports) {
      const row = (rows[report[field] ?? NO_VALUE] ??= { reports: 0, findings: 0 });
      row.reports++;
      row.findings += report.findings;
    }
    return sorted(rows, NO_VALUE);
  };
  return {
    totals: {
      reports: summary.reports.length,
      findings: summary.findings.length,
      errors: summary.reports.reduce((sum, report) => sum + report.errors, 0),
      warnings: summary.reports.reduce((sum, report) => sum + report.warnings, 0),
      reportsWithErrors: summary.reports.filter((report) => report.errors > 0).length,
    },
    byCode: sorted(byCode),
    byTheme: sorted(byTheme),
    byCodeAndTheme: sorted(Object.fromEntries(Object.entries(byCodeAndTheme).map(([code, row]) => [code, sorted(row)]))),
    byArea: tally('area'),
    byFramework: tally('framework'),
    byOutcome: tally('outcome'),
    byStatus: tally('status'),
    byAnnotator: tally('annotator'),
  };
}

/** The aggregates of a whole summary, in their order (JSON keeps the order of keys, which the panel shows). */
function aggregatesText(summary: ReportsAggregates): string {
  const { totals, byCode, byTheme, byCodeAndTheme, byArea, byFramework, byOutcome, byStatus, byAnnotator } = summary;
  return JSON.stringify({ totals, byCode, byTheme, byCodeAndTheme, byArea, byFramework, byOutcome, byStatus, byAnnotator });
}

describe('core/summary SummaryAggregate (a summary kept up to date report by report)', () => {
  const spec = fc.record({
    fields: fc.record({
      area: fc.constantFrom('Darlington', 'Hartlepool', '2023', undefined),
      framework: fc.constantFrom('"2016"', '2023', '[a, b]', undefined),
      status: fc.constantFrom('draft', 'reviewed', ''),
      annotator: fc.constantFrom('jd', 'mk', undefined),
    }),
    spans: fc.array(fc.record({
      codes: fc.subarray(['weakness', 'strength', 'quote', 'made-up', 'weakness']),
      themes: fc.subarray(['health', 'leadership', 'not-a-theme']),
      text: fc.constantFrom('x', 'two words', 'é 😀'),
    }), { maxLength: 5 }),
  });
  const part = (report: typeof spec extends fc.Arbitrary<infer T> ? T : never, i: number): ReportSummaryPart => {
    const body = report.spans.map((span) => `[${span.text}]{${[...span.codes.map((code) => `.${code}`), ...(span.themes.length ? [`theme="${span.themes.join(' ')}"`] : [])].join(' ')}}`).join(' and ');
    return summarizeReport(input(`r${i}.report.md`, buildReport(`${body}\n`, { fields: report.fields })));
  };

  it('after any sequence of reports added and removed equals the reports present summed anew, and an oracle counting apart', () => {
    const ops = fc.array(fc.record({ add: fc.boolean(), which: fc.nat(7) }), { maxLength: 25 });
    fc.assert(fc.property(fc.array(spec, { minLength: 1, maxLength: 8 }), ops, (specs, steps) => {
      const pool = specs.map(part);
      const aggregate = new SummaryAggregate();
      const present: ReportSummaryPart[] = [];
      for (const step of steps) {
        const chosen = pool[step.which % pool.length];
        if (step.add) {
          aggregate.add(chosen.digest);
          present.push(chosen);
        } else if (present.includes(chosen)) {
          aggregate.remove(chosen.digest);
          present.splice(present.indexOf(chosen), 1);
        }
        const whole = combineReportSummaries(present);
        assert.equal(aggregatesText(aggregate.aggregates()), aggregatesText(whole));
        assert.equal(aggregatesText(whole), aggregatesText(countedApart(whole)));
      }
    }), { numRuns: 150 });
  });

  it('counts the samples and the broken reports as an oracle counting apart, and gives an answer that later changes leave alone', () => {
    for (const reports of [samples, broken, [...samples, ...broken]]) {
      const whole = summarizeReports(reports);
      assert.equal(aggregatesText(whole), aggregatesText(countedApart(whole)));
    }
    const aggregate = new SummaryAggregate();
    const parts = broken.map(summarizeReport);
    for (const p of parts) aggregate.add(p.digest);
    const given = aggregate.aggregates();
    const text = aggregatesText(given);
    assert.equal(aggregate.aggregates(), given, 'unchanged: the same answer');
    aggregate.remove(parts[0].digest);
    assert.equal(aggregatesText(given), text);
    assert.notEqual(aggregatesText(aggregate.aggregates()), text);
    for (const p of parts.slice(1)) aggregate.remove(p.digest);
    assert.equal(aggregatesText(aggregate.aggregates()), aggregatesText(summarizeReports([])));
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
