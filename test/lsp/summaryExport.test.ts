/**
 * The summary panel's and "Export findings"' requests over stdio: counts
 * equal `findings stats`, exports equal `findings export` byte for byte,
 * `.findingsignore`d reports get their problems without being opened but
 * stay out of the dataset, and the index tells when it changed.
 */
import type { FindingRow } from '../../core/export/exportRows';
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import {
  FindingsPageRequest,
  IndexChangedNotification,
  MAX_PAGE_FINDINGS,
  PAGE_TEXT_LIMIT,
  SummaryRequest,
  type FindingFilters,
  type FindingsScope,
  type FindingsSort,
  type IndexChangedParams,
  type SummaryFinding,
} from '../../protocol';
import { ExportCheckRequest, ExportRequest, type ExportCheckResult, type ExportResult, type FindingsExportFormat } from '../../protocol/export';
import { findingKey, listFindings, NO_FILTERS } from './findingsPages';
import { makeFifo } from '../helpers/specialFiles';
import { TempDir } from '../helpers/tempDir';
import { LspClient, portable, repoPath, uriOf } from './lspClient';

const samples = repoPath('samples');
const broken = repoPath('samples', 'broken');
const FORMATS: readonly FindingsExportFormat[] = ['jsonl', 'csv', 'json'];
const REQUEST_CANCELLED = -32800;
const INVALID_PARAMS = -32602;

/** The built CLI, run in `cwd`; its stdout (exit 0 or 1 accepted for `check`). */
function cli(cwd: string, ...args: string[]): string {
  const result = spawnSync(process.execPath, [repoPath('bin', 'findings.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.ok(result.status === 0 || (args[0] === 'check' && result.status === 1), `findings ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return result.stdout;
}

interface CliStats {
  documents: number;
  spans: number;
  perDocument: Array<{ path: string; spans: number }>;
  byCode: Record<string, number>;
  byTheme: Record<string, number>;
  byCodeAndTheme: Record<string, Record<string, number>>;
}

interface CliCheckFile {
  path: string;
  diagnostics: Array<{ rule: string; severity: string; message: string; range: unknown }>;
}

const reportNames = (dir: string) => fs.readdirSync(dir).filter((name) => name.endsWith('.report.md')).sort();
const summary = (client: LspClient, scope: FindingsScope) => client.request(SummaryRequest, { scope });
/** Has the server export a scope into a fresh folder; the file's text, and what the server answered. */
async function exportOf(client: LspClient, scope: FindingsScope, format: FindingsExportFormat, filters?: FindingFilters): Promise<ExportResult & { content: string }> {
  const out = new TempDir('findings-lsp-export-');
  try {
    const target = path.join(out.path, `findings.${format}`);
    const result = await client.request(ExportRequest, { scope, format, target: uriOf(target), ...(filters ? { filters } : {}) });
    assert.deepEqual(out.list(), [`findings.${format}`], 'the file, and no temporary file beside it');
    assert.equal(result.staged, undefined, 'a file: target is written in place');
    return { ...result, content: out.read(`findings.${format}`) };
  } finally {
    out.remove();
  }
}

/** An export's JSONL rows, in order (the core's row type: what `findings export` writes). */
type ExportRow = FindingRow;
const rowsOf = (jsonl: string): ExportRow[] => jsonl.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as ExportRow);

/** How many findings each report has in a list, by path. */
function perReport(findings: ReadonlyArray<{ path: string }>): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.path, (counts.get(finding.path) ?? 0) + 1);
  return [...counts];
}

/** The text a range of LSP positions covers. */
function slice(text: string, range: SummaryFinding['range']): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

describe('lsp: summary and export', function () {
  this.timeout(60_000);
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ folders: [samples] });
  });
  after(async () => {
    await client.stop();
  });

  it('summarises the workspace as `findings stats .` counts it at the folder root', async () => {
    const stats = JSON.parse(cli(samples, 'stats', '.', '--format', 'json')) as CliStats;
    const result = await summary(client, { kind: 'workspace' });
    assert.deepEqual(result.scope, { kind: 'workspace' });
    assert.equal(result.totals.reports, stats.documents);
    assert.equal(result.totals.findings, stats.spans);
    assert.deepEqual(result.byCode, stats.byCode);
    assert.deepEqual(result.byTheme, stats.byTheme);
    assert.deepEqual(result.byCodeAndTheme, stats.byCodeAndTheme);
    assert.equal(result.report, null, 'no one report for the workspace');
    // The findings, read page by page, are those of the reports `findings stats` counts (broken/ is not in the dataset).
    const { findings } = await listFindings(client, { kind: 'workspace' });
    assert.deepEqual(perReport(findings), stats.perDocument.map((document) => [document.path, document.spans]));
    assert.deepEqual(stats.perDocument.map((document) => document.path), reportNames(samples));
    assert.deepEqual(result.totals, { reports: 5, findings: stats.spans, errors: 0, warnings: 0, reportsWithErrors: 0 });
    assert.ok(typeof result.generation === 'number');
    assert.ok(result.codebook.codes.some((code) => code.name === 'weakness'));
  });

  it('tallies reports and findings by area, framework, outcome, status and annotator', async () => {
    const result = await summary(client, { kind: 'workspace' });
    for (const tally of [result.byArea, result.byFramework, result.byOutcome, result.byStatus, result.byAnnotator]) {
      assert.equal(Object.values(tally).reduce((sum, row) => sum + row.reports, 0), 5);
      assert.equal(Object.values(tally).reduce((sum, row) => sum + row.findings, 0), result.totals.findings);
    }
    assert.deepEqual(Object.keys(result.byArea), ['Darlington', 'Hartlepool', 'Middlesbrough', 'North Somerset', 'Stoke-on-Trent']);
    const darlington = (await summary(client, { kind: 'document', uri: uriOf(path.join(samples, 'darlington.report.md')) })).report!;
    assert.equal(darlington.path, 'darlington.report.md');
    assert.deepEqual(result.byArea.Darlington, { reports: 1, findings: darlington.findings });
    assert.ok(Object.keys(result.byFramework).every((key) => key === '2016' || key === '2023'));
  });

  it('lists every finding, page by page, as the export\'s rows in order, with the range of its text in the source', async () => {
    const result = await summary(client, { kind: 'workspace' });
    const { findings, first } = await listFindings(client, { kind: 'workspace' }, {}, 'report', 13);
    assert.equal(findings.length, result.totals.findings);
    assert.equal(first.total, result.totals.findings);
    const exported = rowsOf(cli(samples, 'export', '.', '--format', 'jsonl'));
    assert.deepEqual(findings.map((f) => [f.path, f.index, f.text, f.codes, f.themes, f.area]), exported.map((r) => [r.path, r.index, r.exact, r.codes, r.themes, (r.fields.area as string | undefined) ?? null]));
    for (const finding of findings) {
      const text = fs.readFileSync(path.join(samples, finding.path), 'utf8');
      const source = slice(text, finding.range);
      // Nested spans keep their markup in the source; the others are the text itself.
      if (!source.includes(']{')) assert.equal(source, finding.text, `${finding.path} #${finding.index}`);
      assert.equal(finding.uri, uriOf(path.join(samples, finding.path)));
      assert.equal(finding.range.start.line + 1, exported.find((r) => r.path === finding.path && r.index === finding.index)!.line);
    }
  });

  it('summarises a folder the dataset skips, as `findings` given that folder', async () => {
    const checked = JSON.parse(cli(samples, 'check', 'broken', '--format', 'json')) as CliCheckFile[];
    const result = await summary(client, { kind: 'folder', uri: uriOf(broken) });
    assert.equal(result.totals.reports, reportNames(broken).length);
    const exported = rowsOf(cli(samples, 'export', 'broken', '--format', 'jsonl', '--allow-errors'));
    assert.deepEqual((await listFindings(client, { kind: 'folder', uri: uriOf(broken) })).findings.map(findingKey), exported.map(findingKey));
    const errors = (file: CliCheckFile) => file.diagnostics.filter((d) => d.severity === 'error').length;
    assert.equal(result.totals.errors, checked.reduce((sum, file) => sum + errors(file), 0));
    assert.equal(result.totals.warnings, checked.reduce((sum, file) => sum + file.diagnostics.filter((d) => d.severity === 'warning').length, 0));
    assert.equal(result.totals.reportsWithErrors, checked.filter((file) => errors(file) > 0).length);
    assert.ok(result.byArea['(none)'].reports >= 1, 'a report without an area is tallied under (none)');
    assert.equal(Object.keys(result.byArea).at(-1), '(none)');
  });

  it('summarises one report, even an ignored one', async () => {
    const uri = uriOf(path.join(broken, 'spans.report.md'));
    const result = await summary(client, { kind: 'document', uri });
    assert.equal(result.totals.reports, 1);
    assert.equal(result.report?.path, 'broken/spans.report.md');
    assert.equal(result.report?.uri, uri);
    assert.ok(result.report.errors > 0 && result.report.errors === result.totals.errors);
    assert.equal(result.report.findings, result.totals.findings);
  });

  for (const format of FORMATS) {
    it(`exports the workspace as ${format}, byte for byte what \`findings export . --format ${format}\` writes`, async () => {
      const expected = cli(samples, 'export', '.', '--format', format);
      const result = await exportOf(client, { kind: 'workspace' }, format);
      assert.equal(result.content, expected);
      assert.equal(result.documents, 5);
      assert.equal(result.findings, (await summary(client, { kind: 'workspace' })).totals.findings);
    });
  }

  it('exports a folder and a single report as `findings export <path> --allow-errors` at the folder root', async () => {
    for (const format of FORMATS) {
      assert.equal((await exportOf(client, { kind: 'folder', uri: uriOf(broken) }, format)).content, cli(samples, 'export', 'broken', '--format', format, '--allow-errors'), `broken/ as ${format}`);
      assert.equal((await exportOf(client, { kind: 'folder', uri: uriOf(samples) }, format)).content, cli(samples, 'export', '.', '--format', format), `the folder root as ${format}`);
    }
    const spans = path.join(broken, 'spans.report.md');
    assert.equal((await exportOf(client, { kind: 'document', uri: uriOf(spans) }, 'jsonl')).content, cli(samples, 'export', 'broken/spans.report.md', '--format', 'jsonl', '--allow-errors'));
  });

  it('exports just the findings the summary panel\'s filters match, each row as `findings export` writes it', async () => {
    const whole = cli(samples, 'export', '.', '--format', 'jsonl').split(/(?<=\n)/);
    const total = (await summary(client, { kind: 'workspace' })).totals.findings;
    const cases: FindingFilters[] = [
      { code: 'weakness', theme: '', area: '', text: '' },
      { code: '', theme: 'leadership', area: 'Hartlepool', text: '' },
      { code: 'strength', theme: '', area: '', text: 'DARLINGTON' },
      { code: '', theme: '', area: '', text: 'parents' },
    ];
    for (const filters of cases) {
      const listed = (await listFindings(client, { kind: 'workspace' }, filters, 'report', 5)).findings.map(findingKey);
      const shown = new Set(listed);
      assert.ok(shown.size > 0 && shown.size < total, `${JSON.stringify(filters)} shows ${shown.size} of ${total}`);
      const expected = whole.filter((line) => shown.has(findingKey(JSON.parse(line) as { path: string; index: number })));
      const result = await exportOf(client, { kind: 'workspace' }, 'jsonl', filters);
      assert.equal(result.content, expected.join(''), JSON.stringify(filters));
      assert.deepEqual(rowsOf(result.content).map(findingKey), listed, 'the rows in the list\'s order');
      assert.equal(result.findings, shown.size);
      assert.equal(result.documents, new Set(expected.map((line) => (JSON.parse(line) as { path: string }).path)).size);
    }
    // No filter set is the whole export.
    assert.equal((await exportOf(client, { kind: 'workspace' }, 'csv', { code: '', theme: '', area: '', text: ' ' })).content, cli(samples, 'export', '.', '--format', 'csv'));
    await assert.rejects(client.request(ExportRequest, { scope: { kind: 'workspace' }, format: 'jsonl', target: uriOf(path.join(samples, 'x.jsonl')), filters: { code: 'weakness' } } as never), /filters\.theme/);
    assert.ok(!fs.existsSync(path.join(samples, 'x.jsonl')));
  });

  it('counts the errors in scope before an export', async () => {
    const checked = JSON.parse(cli(samples, 'check', 'broken', '--format', 'json')) as CliCheckFile[];
    const errors = (file: CliCheckFile) => file.diagnostics.filter((d) => d.severity === 'error').length;
    const check = await client.request<ExportCheckResult>(ExportCheckRequest, { scope: { kind: 'folder', uri: uriOf(broken) } });
    assert.deepEqual(check, {
      reports: reportNames(broken).length,
      reportsWithErrors: checked.filter((file) => errors(file) > 0).length,
      errors: checked.reduce((sum, file) => sum + errors(file), 0),
    });
    assert.ok(check.reportsWithErrors >= 6);
    assert.deepEqual(await client.request<ExportCheckResult>(ExportCheckRequest, { scope: { kind: 'workspace' } }), { reports: 5, reportsWithErrors: 0, errors: 0 });
  });

  it('stages the export of a target that is not a file on disk, for the client to copy', async () => {
    const result = await client.request(ExportRequest, { scope: { kind: 'workspace' }, format: 'csv', target: 'vscode-remote://elsewhere/out.csv' });
    assert.ok(result.staged?.startsWith('file:'), result.staged);
    const staged = new URL(result.staged!);
    try {
      assert.equal(fs.readFileSync(staged, 'utf8'), cli(samples, 'export', '.', '--format', 'csv'));
    } finally {
      fs.rmSync(staged, { force: true });
    }
  });

  it('rejects a bad format, a missing target, a folder it cannot write and a folder outside the workspace', async () => {
    await assert.rejects(exportOf(client, { kind: 'workspace' }, 'xml' as FindingsExportFormat), /format/);
    await assert.rejects(client.request(ExportRequest, { scope: { kind: 'workspace' }, format: 'jsonl' } as never), /target/);
    await assert.rejects(client.request(ExportRequest, { scope: { kind: 'workspace' }, format: 'jsonl', target: uriOf(path.join(samples, 'no-such-folder', 'x.jsonl')) }), /cannot write .*ENOENT/);
    assert.ok(!fs.existsSync(path.join(samples, 'no-such-folder')));
    await assert.rejects(summary(client, { kind: 'folder', uri: uriOf(path.dirname(samples)) }), /not inside a workspace folder/);
  });

  it('refuses to write over a report in scope or onto a FIFO, leaving it as it was', async () => {
    const report = path.join(samples, fs.readdirSync(samples).find((name) => name.endsWith('.report.md'))!);
    const before = fs.readFileSync(report);
    await assert.rejects(client.request(ExportRequest, { scope: { kind: 'workspace' }, format: 'jsonl', target: uriOf(report) }), /is one of the reports being exported/);
    assert.equal(Buffer.compare(fs.readFileSync(report), before), 0);
    const dir = new TempDir();
    try {
      const fifo = makeFifo(dir.path, 'out.jsonl');
      if (fifo === undefined) return; // no mkfifo here
      await assert.rejects(client.request(ExportRequest, { scope: { kind: 'workspace' }, format: 'jsonl', target: uriOf(fifo) }), /not a regular file \(a FIFO\); the export writes only regular files/);
      assert.ok(fs.lstatSync(fifo).isFIFO());
      assert.deepEqual(fs.readdirSync(dir.path), ['out.jsonl']);
    } finally {
      dir.remove();
    }
  });
});

describe('lsp: findings/findingsPage', function () {
  this.timeout(60_000);
  const SORTS: readonly FindingsSort[] = ['report', 'code', 'area'];
  /** 599 letters, then an emoji across the limit: the page cuts before it. */
  const LONG = `${'a'.repeat(PAGE_TEXT_LIMIT - 1)}😀 and more`;
  let dir: TempDir;
  let client: LspClient;

  before(async () => {
    dir = new TempDir('findings-lsp-pages-');
    for (const name of reportNames(samples)) dir.write(name, fs.readFileSync(path.join(samples, name)));
    const darlington = fs.readFileSync(path.join(samples, 'darlington.report.md'), 'utf8');
    // A copy with no area, a long passage, a long memo and a passage without a code; another annotator's copy counts on its own (`copies: all`).
    const body = darlington.slice(darlington.indexOf('\n---\n') + 5);
    const head = darlington.slice(0, darlington.indexOf('\n---\n')).replace(/^area:.*\n/m, '').replace(/^text_sha256:.*\n/m, '');
    dir.write('notes/long.report.md', `${head}\n---\n[${LONG}]{.strength theme=health memo="${'m'.repeat(PAGE_TEXT_LIMIT + 3)}"} [no code]{#plain}\n${body}`);
    client = await LspClient.start({ folders: [dir.path], settings: { dataset: { copies: 'all' } } });
  });
  after(async () => {
    await client.stop();
    dir.remove();
  });

  it('pages cover every finding exactly once in each order: by report as the export, by first code and by area as a stable sort of it', async () => {
    const exported = rowsOf(cli(dir.path, 'export', '.', '--format', 'jsonl', '--copies', 'all', '--allow-errors'));
    const total = (await summary(client, { kind: 'workspace' })).totals.findings;
    assert.equal(exported.length, total);
    const rank = (value: string | undefined, last?: string) => (value === undefined || value === last ? 1 : 0);
    const byKey = (key: (row: ExportRow) => string | undefined, last?: string) => exported
      .map((row, position) => ({ row, position, value: key(row) }))
      .sort((a, b) => rank(a.value, last) - rank(b.value, last) || ((a.value ?? '') < (b.value ?? '') ? -1 : (a.value ?? '') > (b.value ?? '') ? 1 : 0) || a.position - b.position)
      .map(({ row }) => findingKey(row));
    const expected: Record<FindingsSort, string[]> = {
      report: exported.map(findingKey),
      code: byKey((row) => row.codes[0]),
      area: byKey((row) => (row.fields.area as string | undefined) ?? '(none)', '(none)'),
    };
    for (const sort of SORTS) {
      for (const size of [MAX_PAGE_FINDINGS, 17]) {
        const { findings } = await listFindings(client, { kind: 'workspace' }, {}, sort, size);
        assert.deepEqual(findings.map(findingKey), expected[sort], `${sort} by ${size}`);
        assert.equal(new Set(findings.map(findingKey)).size, total);
      }
    }
    assert.equal(expected.code.at(-1), 'notes/long.report.md#1', 'a finding without a code comes last by code');
    assert.ok(expected.area.slice(-5).every((key) => key.startsWith('notes/long.report.md#')), 'the report without an area comes last by area');
  });

  it('gives each filter\'s values with counts that add up with the findings that match, zeros included', async () => {
    const result = await summary(client, { kind: 'workspace' });
    for (const filters of [{}, { code: 'weakness' }, { theme: 'leadership', area: 'Hartlepool' }, { text: 'PARENTS' }, { code: 'strength', area: '(none)' }] as Array<Partial<FindingFilters>>) {
      const page = await client.request(FindingsPageRequest, { scope: { kind: 'workspace' }, filters: { ...NO_FILTERS, ...filters }, offset: 0, limit: 0 });
      const label = JSON.stringify(filters);
      assert.deepEqual(page.findings, [], 'limit 0: the counts alone');
      assert.equal(page.total, result.totals.findings);
      assert.deepEqual(page.facets.code.map((facet) => facet.value), Object.keys(result.byCode).sort(), label);
      assert.deepEqual(page.facets.theme.map((facet) => facet.value), Object.keys(result.byTheme).sort(), label);
      assert.deepEqual(page.facets.area.map((facet) => facet.value), [...Object.keys(result.byArea).filter((area) => area !== '(none)').sort(), '(none)'], label);
      const matching = (await listFindings(client, { kind: 'workspace' }, filters)).findings;
      assert.equal(page.matching, matching.length, label);
      // Each value's count is what choosing it would match beside the other filters.
      for (const facet of ['code', 'theme', 'area'] as const) {
        const chosen = (filters as Record<string, string>)[facet];
        for (const value of page.facets[facet].filter((v) => v.count > 0 || v.value === chosen).slice(0, 3)) {
          const asked = await client.request(FindingsPageRequest, { scope: { kind: 'workspace' }, filters: { ...NO_FILTERS, ...filters, [facet]: value.value }, offset: 0, limit: 0 });
          assert.equal(asked.matching, value.count, `${label}: ${facet}=${value.value}`);
        }
        if (chosen) assert.equal(page.facets[facet].find((v) => v.value === chosen)?.count ?? 0, page.matching, `${label}: the chosen ${facet}`);
      }
      if (!filters.area) assert.equal(page.facets.area.reduce((sum, facet) => sum + facet.count, 0), page.matching, `${label}: each finding has one area`);
      assert.ok(page.facets.code.some((facet) => facet.count === 0) || !filters.area, `${label}: values the other filters leave no finding stay, at 0`);
    }
  });

  it('cuts a long text and memo to the page limit, never inside a surrogate pair, and says so', async () => {
    const { findings } = await listFindings(client, { kind: 'document', uri: uriOf(path.join(dir.path, 'notes', 'long.report.md')) });
    const [long, plain] = findings;
    assert.equal(long.text, 'a'.repeat(PAGE_TEXT_LIMIT - 1));
    assert.equal(long.memo, 'm'.repeat(PAGE_TEXT_LIMIT));
    assert.equal(long.cut, true);
    assert.deepEqual([plain.text, plain.codes, plain.area, 'cut' in plain], ['no code', [], null, false]);
    assert.ok(findings.slice(2).every((finding) => finding.cut === undefined));
    // The text search reads the whole passage, not what a page shows of it.
    assert.equal((await listFindings(client, { kind: 'workspace' }, { text: '😀 AND MORE' })).findings.length, 1);
  });

  it('answers an offset past the end with no findings', async () => {
    const page = await client.request(FindingsPageRequest, { scope: { kind: 'workspace' }, filters: NO_FILTERS, sort: 'area', offset: 1_000_000, limit: MAX_PAGE_FINDINGS });
    assert.deepEqual([page.findings.length, page.offset], [0, 1_000_000]);
    assert.ok(page.matching > 0);
  });

  it('rejects malformed parameters with InvalidParams', async () => {
    const valid = { scope: { kind: 'workspace' }, filters: NO_FILTERS, sort: 'code', offset: 0, limit: 10 };
    const cases: Array<[string, Record<string, unknown>]> = [
      ['limit', { limit: MAX_PAGE_FINDINGS + 1 }],
      ['limit', { limit: -1 }],
      ['limit', { limit: 2.5 }],
      ['limit', { limit: undefined }],
      ['offset', { offset: -3 }],
      ['offset', { offset: '0' }],
      ['sort', { sort: 'path' }],
      ['filters', { filters: null }],
      ['filters.theme', { filters: { code: '', area: '', text: '' } }],
      ['filters.text', { filters: { ...NO_FILTERS, text: 5 } }],
      ['scope', { scope: { kind: 'everything' } }],
    ];
    for (const [member, change] of cases) {
      const error = await client.request(FindingsPageRequest, { ...valid, ...change } as never).then(() => undefined, (e: { code?: number; message?: string }) => e);
      assert.equal(error?.code, INVALID_PARAMS, `${JSON.stringify(change)}: ${error?.message}`);
      assert.ok(error?.message?.includes(member), `${error?.message} names ${member}`);
    }
    const unknown = await client.request(FindingsPageRequest, { ...valid, scope: { kind: 'document', uri: uriOf(path.join(dir.path, 'none.report.md')) } } as never).then(() => undefined, (e: { code?: number }) => e);
    assert.equal(unknown?.code, INVALID_PARAMS);
    // Without a sort: by report.
    const bare = await client.request(FindingsPageRequest, { scope: { kind: 'workspace' }, filters: NO_FILTERS, offset: 0, limit: 3 });
    assert.deepEqual(bare.findings.map(findingKey), (await listFindings(client, { kind: 'workspace' }, {}, 'report')).findings.slice(0, 3).map(findingKey));
  });
});

describe('lsp: .findingsignore and the Problems panel', function () {
  this.timeout(60_000);
  let expected: Map<string, CliCheckFile['diagnostics']>;

  before(() => {
    expected = new Map((JSON.parse(cli(samples, 'check', 'broken', '--format', 'json')) as CliCheckFile[]).map((file) => [uriOf(path.join(samples, file.path)), file.diagnostics]));
    assert.ok(expected.size >= 7);
  });

  it('push: publishes the problems of ignored reports that are not open', async () => {
    const client = await LspClient.start({ folders: [samples] });
    try {
      for (const [uri, diagnostics] of expected) {
        const published = await client.diagnosticsFor(uri);
        assert.deepEqual(published.map(portable), diagnostics.map(({ rule, severity, message, range }) => ({ rule, severity, message, range })), uri);
      }
      assert.equal(client.publishedCount(uriOf(path.join(samples, 'darlington.report.md'))), 0, 'a clean report that is not open gets nothing');
    } finally {
      await client.stop();
    }
  });

  it('pull: workspace diagnostics include ignored reports', async () => {
    const client = await LspClient.start({ folders: [samples], pull: true });
    try {
      const report = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
      for (const uri of expected.keys()) {
        const item = report.items.find((i) => i.uri === uri);
        assert.ok(item && item.kind === 'full' && item.items.length === expected.get(uri)!.length, uri);
      }
    } finally {
      await client.stop();
    }
  });
});

describe('lsp: the index changes', function () {
  this.timeout(120_000);
  let dir: TempDir;

  beforeEach(() => {
    dir = new TempDir('findings-lsp-summary-');
    for (const name of ['darlington.report.md', 'middlesbrough.report.md']) dir.write(name, fs.readFileSync(path.join(samples, name)));
  });
  afterEach(() => dir.remove());

  /** Records `findings/indexChanged` notifications. */
  function recordChanges(client: LspClient): IndexChangedParams[] {
    const seen: IndexChangedParams[] = [];
    client.connection.onNotification(IndexChangedNotification, (params: IndexChangedParams) => {
      seen.push(params);
    });
    return seen;
  }

  it('sends findings/indexChanged after an edit, with a new generation and the new counts', async () => {
    const client = await LspClient.start({ folders: [dir.path] });
    try {
      const changes = recordChanges(client);
      const file = path.join(dir.path, 'darlington.report.md');
      const uri = uriOf(file);
      const text = fs.readFileSync(file, 'utf8');
      await client.open(uri, text, 1);
      const before = await summary(client, { kind: 'workspace' });
      const at = text.indexOf('\n---\n') + 5;
      const line = text.slice(0, at).split('\n').length - 1;
      await client.change(uri, 2, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '[New]{.strength theme=health} ' }]);
      // Newer than the summary: not the notification of the opening.
      const change = await client.until(() => changes.find((c) => c.uris.includes(uri) && c.generation > before.generation), 'findings/indexChanged');
      const after = await summary(client, { kind: 'workspace' });
      assert.ok(after.generation >= change.generation);
      assert.equal(after.byCode.strength, (before.byCode.strength ?? 0) + 1);
      assert.equal(after.totals.findings, before.totals.findings + 1);
      // A page asked after the edit lists the new finding, first in its report.
      const page = await client.request(FindingsPageRequest, { scope: { kind: 'workspace' }, filters: { ...NO_FILTERS, text: 'new' }, offset: 0, limit: 10 });
      assert.ok(page.generation >= change.generation);
      assert.deepEqual(page.findings.filter((f) => f.uri === uri && f.index === 0).map((f) => f.text), ['New']);
      assert.equal(page.total, before.totals.findings + 1);
      // Unchanged index, same generation.
      assert.equal((await summary(client, { kind: 'workspace' })).generation, after.generation);
      // Quick successive edits: one notification (two at most on a slow machine), with the last generation.
      const seen = changes.length;
      for (let version = 3; version < 8; version++) await client.change(uri, version, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }]);
      const last = await client.until(() => changes.slice(seen).find((c) => c.generation >= after.generation + 5), 'the debounced notification');
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.ok(changes.length - seen <= 2, `${changes.length - seen} notifications`);
      assert.deepEqual(last.uris, [uri]);
    } finally {
      await client.stop();
    }
  });

  it('follows edits that change which copies of an article count, and edits of a report the scope leaves out', async () => {
    // Two annotators' copies of an article the folder does not hold otherwise.
    const article = fs.readFileSync(path.join(samples, 'hartlepool-2017.report.md'), 'utf8').replace(/^text_sha256:.*\n/m, '');
    const copy = (annotator: string) => article.replace('annotator: findings-team', `annotator: ${annotator}`).replace('status: reviewed', 'status: draft');
    dir.write('copy-jd.report.md', copy('jd'));
    dir.write('copy-mk.report.md', copy('mk'));
    const client = await LspClient.start({ folders: [dir.path] });
    try {
      const changes = recordChanges(client);
      const counted = async () => {
        const result = await summary(client, { kind: 'workspace' });
        const listed = [...new Set((await listFindings(client, { kind: 'workspace' })).findings.map((finding) => finding.path))];
        assert.equal(listed.length, result.totals.reports);
        return listed;
      };
      // Two drafts of one article: neither counts yet.
      assert.deepEqual(await counted(), ['darlington.report.md', 'middlesbrough.report.md']);
      const uri = uriOf(path.join(dir.path, 'copy-mk.report.md'));
      let text = copy('mk');
      let version = 1;
      await client.open(uri, text, version);
      /** Replaces the first `from` (in the article once past the front matter, for anything but the status). */
      const edit = async (from: string, to: string) => {
        const at = text.indexOf(from, from.startsWith('status:') ? 0 : text.indexOf('\n---\n', 4) + 5);
        const lines = text.slice(0, at).split('\n');
        const start = { line: lines.length - 1, character: lines[lines.length - 1].length };
        const seen = changes.length;
        await client.change(uri, ++version, [{ range: { start, end: { line: start.line, character: start.character + from.length } }, text: to }]);
        text = text.slice(0, at) + to + text.slice(at + from.length);
        await client.until(() => changes.slice(seen).find((c) => c.uris.includes(uri)), 'findings/indexChanged');
      };
      // Reviewed: that copy counts for the article.
      await edit('status: draft', 'status: reviewed');
      assert.deepEqual(await counted(), ['copy-mk.report.md', 'darlington.report.md', 'middlesbrough.report.md']);
      // Its article text changed: no longer a copy of the other, each counts on its own.
      await edit('Hartlepool', 'Hartlepool, again,');
      assert.deepEqual(await counted(), ['copy-jd.report.md', 'copy-mk.report.md', 'darlington.report.md', 'middlesbrough.report.md']);
      // A span added to it shows in its counts at once.
      const before = await summary(client, { kind: 'workspace' });
      await edit('Hartlepool, again,', '[Hartlepool, again,]{.strength theme=health}');
      const after = await summary(client, { kind: 'workspace' });
      assert.equal(after.totals.findings, before.totals.findings + 1);
      assert.equal(after.byCode.strength, before.byCode.strength + 1);
      // Back to the other's text: a draft copy again beside a draft, neither counts.
      await edit('[Hartlepool, again,]{.strength theme=health}', 'Hartlepool');
      await edit('status: reviewed', 'status: draft');
      assert.deepEqual(await counted(), ['darlington.report.md', 'middlesbrough.report.md']);
    } finally {
      await client.stop();
    }
  });

  it('a .findingsignore written on disk takes reports out of the dataset, and tells', async () => {
    const client = await LspClient.start({ folders: [dir.path] });
    try {
      const changes = recordChanges(client);
      assert.equal((await summary(client, { kind: 'workspace' })).totals.reports, 2);
      const ignore = dir.write('.findingsignore', 'middlesbrough.report.md\n');
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ignore), type: 1 }] });
      const middlesbrough = uriOf(path.join(dir.path, 'middlesbrough.report.md'));
      await client.until(() => changes.find((c) => c.uris.includes(middlesbrough)), 'findings/indexChanged for the ignored report');
      const result = await summary(client, { kind: 'workspace' });
      assert.equal(result.totals.reports, 1);
      assert.deepEqual([...new Set((await listFindings(client, { kind: 'workspace' })).findings.map((f) => f.path))], ['darlington.report.md']);
      // Still indexed: summarised on its own.
      assert.equal((await summary(client, { kind: 'document', uri: middlesbrough })).report?.path, 'middlesbrough.report.md');
    } finally {
      await client.stop();
    }
  });

  it('prefixes paths with the folder name when the workspace has several folders', async () => {
    const other = new TempDir('findings-lsp-other-');
    other.write('a.report.md', fs.readFileSync(path.join(samples, 'hartlepool-2017.report.md')));
    const client = await LspClient.start({ folders: [dir.path, other.path] });
    try {
      const result = await exportOf(client, { kind: 'workspace' }, 'jsonl');
      const paths = [...new Set(result.content.trim().split('\n').map((line) => (JSON.parse(line) as { path: string }).path))];
      const [first, second] = [path.basename(dir.path), path.basename(other.path)];
      assert.deepEqual(paths, [`${first}/darlington.report.md`, `${first}/middlesbrough.report.md`, `${second}/a.report.md`].sort());
    } finally {
      await client.stop();
      other.remove();
    }
  });

  it('a cancelled export answers RequestCancelled', async () => {
    // Enough reports that the export is still running when the cancellation arrives.
    const text = fs.readFileSync(path.join(samples, 'stoke-on-trent.report.md'));
    for (let i = 0; i < 600; i++) dir.write(`many/r${String(i).padStart(4, '0')}.report.md`, text);
    // 600 copies of one article: every one counts, so that the export takes a while.
    const client = await LspClient.start({ folders: [dir.path], settings: { dataset: { copies: 'all' } } });
    try {
      await client.until(() => (client.logs.some((l) => l.includes('Scanned')) ? true : undefined), 'the scan', 60_000);
      const source = new CancellationTokenSource();
      const started = Date.now();
      const out = new TempDir('findings-lsp-cancel-');
      const target = path.join(out.path, 'cancelled.json');
      fs.writeFileSync(target, 'previous\n');
      const pending = client.connection.sendRequest(ExportRequest, { scope: { kind: 'workspace' }, format: 'json', target: uriOf(target) }, source.token);
      setTimeout(() => source.cancel(), 20);
      await assert.rejects(pending, (error: { code?: number }) => error.code === REQUEST_CANCELLED);
      const cancelledAfter = Date.now() - started;
      // The temporary file is gone and the target as it was.
      assert.deepEqual(out.list(), ['cancelled.json']);
      assert.equal(out.read('cancelled.json'), 'previous\n');
      out.remove();
      // The server goes on serving.
      const check = await client.request<ExportCheckResult>(ExportCheckRequest, { scope: { kind: 'workspace' } });
      assert.equal(check.reports, 602);
      assert.ok(cancelledAfter < 5000, `cancelled after ${cancelledAfter} ms`);
    } finally {
      await client.stop();
    }
  });
});
