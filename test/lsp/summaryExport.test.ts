/**
 * The summary panel's and "Export findings"' requests over stdio: counts
 * equal `findings stats`, exports equal `findings export` byte for byte,
 * `.findingsignore`d reports get their problems without being opened but
 * stay out of the dataset, and the index tells when it changed.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import {
  IndexChangedNotification,
  SummaryRequest,
  type FindingsScope,
  type IndexChangedParams,
  type SummaryResult,
} from '../../protocol';
import { ExportCheckRequest, ExportRequest, type ExportCheckResult, type ExportResult, type FindingsExportFormat } from '../../protocol/export';
import { queryFindings, type FindingFilters } from '../../core/summary/findingsQuery';
import { makeFifo } from '../helpers/specialFiles';
import { TempDir } from '../helpers/tempDir';
import { LspClient, portable, repoPath, uriOf } from './lspClient';

const samples = repoPath('samples');
const broken = repoPath('samples', 'broken');
const FORMATS: readonly FindingsExportFormat[] = ['jsonl', 'csv', 'json'];
const REQUEST_CANCELLED = -32800;

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

/** The text a range of LSP positions covers. */
function slice(text: string, range: SummaryResult['findings'][number]['range']): string {
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
    assert.deepEqual(result.reports.map((report) => [report.path, report.findings]), stats.perDocument.map((document) => [document.path, document.spans]));
    assert.deepEqual(result.reports.map((report) => report.path), reportNames(samples), 'broken/ is not in the dataset');
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
    const darlington = result.reports.find((report) => report.path === 'darlington.report.md')!;
    assert.deepEqual(result.byArea.Darlington, { reports: 1, findings: darlington.findings });
    assert.ok(Object.keys(result.byFramework).every((key) => key === '2016' || key === '2023'));
  });

  it('lists every finding with the range of its text in the source', async () => {
    const result = await summary(client, { kind: 'workspace' });
    assert.equal(result.findings.length, result.totals.findings);
    const exported = cli(samples, 'export', '.', '--format', 'jsonl').trim().split('\n').map((line) => JSON.parse(line) as { path: string; index: number; exact: string; codes: string[]; themes: string[]; line: number });
    assert.deepEqual(result.findings.map((f) => [f.path, f.index, f.text, f.codes, f.themes]), exported.map((r) => [r.path, r.index, r.exact, r.codes, r.themes]));
    for (const finding of result.findings) {
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
    assert.deepEqual(result.reports.map((report) => report.path), reportNames(broken).map((name) => `broken/${name}`));
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
    assert.equal(result.reports.length, 1);
    assert.equal(result.reports[0].path, 'broken/spans.report.md');
    assert.ok(result.reports[0].errors > 0);
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
    const listed = (await summary(client, { kind: 'workspace' })).findings;
    const cases: FindingFilters[] = [
      { code: 'weakness', theme: '', area: '', text: '' },
      { code: '', theme: 'leadership', area: 'Hartlepool', text: '' },
      { code: 'strength', theme: '', area: '', text: 'DARLINGTON' },
      { code: '', theme: '', area: '', text: 'parents' },
    ];
    for (const filters of cases) {
      const shown = new Set(queryFindings(listed, filters).matching.map((finding) => `${finding.path}#${finding.index}`));
      assert.ok(shown.size > 0 && shown.size < listed.length, `${JSON.stringify(filters)} shows ${shown.size} of ${listed.length}`);
      const expected = whole.filter((line) => {
        const row = JSON.parse(line) as { path: string; index: number };
        return shown.has(`${row.path}#${row.index}`);
      });
      const result = await exportOf(client, { kind: 'workspace' }, 'jsonl', filters);
      assert.equal(result.content, expected.join(''), JSON.stringify(filters));
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
      assert.equal(after.findings.find((f) => f.uri === uri && f.index === 0)?.text, 'New');
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
      assert.deepEqual(result.reports.map((r) => r.path), ['darlington.report.md']);
      // Still indexed: summarised on its own.
      assert.equal((await summary(client, { kind: 'document', uri: middlesbrough })).reports.length, 1);
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
