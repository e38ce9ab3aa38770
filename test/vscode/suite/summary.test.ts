/**
 * The summary panel in a real webview. What it displays is read back from
 * its DOM through a message round-trip (`inspect`: the webview reads its own
 * tiles, tables, chart bars and rows) and compared with the server's summary
 * and with the CLI's numbers (`findings stats` and `findings export`, run on
 * the same folder). Clicks and filters are done by the webview on its DOM, as
 * a user would (`testClick`, `testFilter`, `testScope`).
 */
import * as assert from 'assert';
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, open, rangeOf, repoRoot, sample, TempFolder, waitFor, workspaceFolder } from './helpers';
import type { FindingsApi } from '../../../client/extension';
import type { RenderedFacts } from '../../../client/summary/messages';
import type { SummaryPanelInfo } from '../../../client/summary/summaryPanel';

interface CliStats {
  documents: number;
  spans: number;
  byCode: Record<string, number>;
  byTheme: Record<string, number>;
  perDocument: Array<{ path: string; spans: number; byCode: Record<string, number>; byTheme: Record<string, number> }>;
}

interface CliExport {
  documents: Array<{ path: string; fields: Record<string, unknown>; findings: Array<{ exact: string; codes: string[]; themes: string[] }> }>;
}

/** Runs the repository's CLI in the workspace folder (so its .findingsignore applies). */
function cli(args: string[]): string {
  const result = childProcess.spawnSync(process.execPath, [path.join(repoRoot(), 'bin', 'findings.js'), ...args], {
    cwd: workspaceFolder().uri.fsPath,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    timeout: 60_000,
  });
  assert.strictEqual(result.status, 0, `findings ${args.join(' ')} exited with ${result.status}: ${result.stderr || result.error}`);
  return result.stdout;
}

function cliStats(...paths: string[]): CliStats {
  return JSON.parse(cli(['stats', ...paths, '--format', 'json'])) as CliStats;
}

function cliExport(...paths: string[]): CliExport {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'summary-suite-')), 'export.json');
  try {
    cli(['export', ...paths, '--format', 'json', '--out', out]);
    return JSON.parse(fs.readFileSync(out, 'utf8')) as CliExport;
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

function nonZero(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).filter(([, n]) => n > 0));
}

/** Reports by the value of a front matter field, as the panel tallies them: [reports, findings]. */
function tally(data: CliExport, field: string): Record<string, [number, number]> {
  const result: Record<string, [number, number]> = {};
  for (const document of data.documents) {
    const value = document.fields[field];
    const key = typeof value === 'string' && value !== '' ? value : '(none)';
    const row = (result[key] ??= [0, 0]);
    row[0] += 1;
    row[1] += document.findings.length;
  }
  return result;
}

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

describe('summary panel', function () {
  this.timeout(90_000);
  let api: FindingsApi;
  let temp: TempFolder | undefined;

  before(async () => {
    api = await activate();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    api.summaryPanel.close();
    await temp?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function tempFolder(): Promise<TempFolder> {
    temp ??= await TempFolder.create('summary');
    return temp;
  }

  /** Waits until the webview has drawn the last update and `accept` holds. */
  function settled(accept: (info: SummaryPanelInfo) => boolean, what: string): Promise<SummaryPanelInfo> {
    return waitFor(() => {
      const info = api.summaryPanel.current;
      return info && info.rendered?.seq === info.postedSeq && info.postedSeq > 0 && accept(info) ? info : undefined;
    }, { events: [api.summaryPanel.onDidChange], what, timeoutMs: 30_000 });
  }

  function showsDocument(uri: vscode.Uri): (info: SummaryPanelInfo) => boolean {
    return (info) => info.scope === 'document' && info.posted?.scope.kind === 'document' && info.posted.scope.uri === uri.toString();
  }

  function assertSafe(facts: RenderedFacts): void {
    assert.strictEqual(facts.images, 0, 'an img (or other loading element) is in the panel');
    assert.strictEqual(facts.scripts, 0, 'a script element is in the rendered panel');
    assert.strictEqual(facts.handlers, 0, 'an element has an on* attribute');
    assert.strictEqual(facts.xss, 'undefined', 'a script from a report ran');
  }

  it('opens on the active report with the counts of `findings stats`', async () => {
    const uri = sample('darlington.report.md');
    await open(uri);
    await vscode.commands.executeCommand('findings.showSummary');
    const info = await settled(showsDocument(uri), 'the summary of darlington.report.md');
    const facts = await api.summaryPanel.inspect();
    const expected = cliStats('darlington.report.md').perDocument[0];
    const summary = info.posted!;

    assert.strictEqual(facts.heading, 'darlington.report.md');
    assert.strictEqual(facts.totals.reports, 1);
    assert.strictEqual(facts.totals.findings, expected.spans);
    assert.strictEqual(facts.totals.errors, 0);
    assert.deepStrictEqual(sortedKeys(facts.byCode), sortedKeys(nonZero(expected.byCode)));
    assert.deepStrictEqual(sortedKeys(facts.byTheme), sortedKeys(nonZero(expected.byTheme)));
    assert.deepStrictEqual(sortedKeys(facts.codeBars), sortedKeys(facts.byCode), 'the chart and the table disagree');
    // What is displayed is what the server sent.
    assert.strictEqual(facts.totals.findings, summary.totals.findings);
    assert.deepStrictEqual(sortedKeys(facts.byCode), sortedKeys(nonZero(summary.byCode)));
    assert.strictEqual(facts.findingsRows, expected.spans);
    assert.strictEqual(facts.findingsTotal, expected.spans);
    assert.deepStrictEqual(facts.tallies.area, { Darlington: [1, expected.spans] });
    assert.deepStrictEqual(facts.tallies.status, { reviewed: [1, expected.spans] });
    assert.deepStrictEqual(facts.tallies.annotator, { 'findings-team': [1, expected.spans] });
    assertSafe(facts);
  });

  it('switches to the whole workspace: the counts of `findings stats .` and the reports by field of `findings export .`', async () => {
    await api.summaryPanel.testScope('workspace');
    const info = await settled((i) => i.scope === 'workspace' && i.posted?.scope.kind === 'workspace', 'the summary of the workspace');
    const facts = await api.summaryPanel.inspect();
    const stats = cliStats('.');
    const dataset = cliExport('.');
    assert.ok(stats.documents >= 5, `findings stats . found ${stats.documents} reports`);

    assert.strictEqual(facts.heading, 'Workspace');
    assert.strictEqual(facts.totals.reports, stats.documents);
    assert.strictEqual(facts.totals.findings, stats.spans);
    assert.deepStrictEqual(sortedKeys(facts.byCode), sortedKeys(nonZero(stats.byCode)));
    assert.deepStrictEqual(sortedKeys(facts.byTheme), sortedKeys(nonZero(stats.byTheme)));
    assert.deepStrictEqual(sortedKeys(facts.codeBars), sortedKeys(facts.byCode));
    for (const field of ['area', 'framework', 'outcome', 'status', 'annotator']) {
      assert.deepStrictEqual(sortedKeys(facts.tallies[field] as Record<string, [number, number]>), sortedKeys(tally(dataset, field)), `reports by ${field}`);
    }
    assert.strictEqual(facts.findingsRows, Math.min(stats.spans, 200));
    assert.strictEqual(facts.findingsTotal, stats.spans);
    assert.strictEqual(info.posted!.totals.findings, stats.spans);
    assertSafe(facts);
  });

  it('filters the findings by code, theme, area and text', async () => {
    const dataset = cliExport('.');
    const all = dataset.documents.flatMap((d) => d.findings.map((f) => ({ ...f, area: d.fields.area })));
    const count = (keep: (f: (typeof all)[number]) => boolean): number => all.filter(keep).length;

    let facts = await api.summaryPanel.testFilter({ code: 'weakness' });
    assert.strictEqual(facts.findingsMatching, count((f) => f.codes.includes('weakness')));
    assert.strictEqual(facts.findingsRows, facts.findingsMatching);
    // The theme and area counts follow the code filter: each is what choosing it would show.
    for (const [theme, shown] of Object.entries(facts.filterCounts.theme)) {
      assert.strictEqual(shown, count((f) => f.codes.includes('weakness') && f.themes.includes(theme)), `theme ${theme} beside code weakness`);
    }
    for (const [area, shown] of Object.entries(facts.filterCounts.area)) {
      assert.strictEqual(shown, count((f) => f.codes.includes('weakness') && (f.area ?? '(none)') === area), `area ${area} beside code weakness`);
    }
    facts = await api.summaryPanel.testFilter({ code: 'weakness', theme: 'outcomes' });
    assert.strictEqual(facts.findingsMatching, count((f) => f.codes.includes('weakness') && f.themes.includes('outcomes')));
    assert.strictEqual(facts.filterCounts.theme.outcomes, facts.findingsMatching, 'the chosen theme\'s count is the number of findings shown');
    facts = await api.summaryPanel.testFilter({ code: '', theme: '', area: 'Hartlepool' });
    assert.strictEqual(facts.findingsMatching, count((f) => f.area === 'Hartlepool'));
    facts = await api.summaryPanel.testFilter({ area: '', text: 'Significant' });
    assert.strictEqual(facts.findingsMatching, count((f) => f.exact.toLowerCase().includes('significant')));
    assert.ok(facts.findingsMatching > 0);
    assert.ok(facts.rowTexts.every((text) => text.toLowerCase().includes('significant')), facts.rowTexts.join(' | '));
    facts = await api.summaryPanel.testFilter({ text: '' });
    assert.strictEqual(facts.findingsMatching, all.length);
    assert.deepStrictEqual(facts.filters, { code: '', theme: '', area: '', text: '' });
  });

  it('clicking a finding opens its report with exactly its span selected', async () => {
    const uri = sample('darlington.report.md');
    api.summaryPanel.show({ scope: 'document', uri });
    await settled(showsDocument(uri), 'the summary of darlington.report.md');
    const target = 'there were some signs of improvement';
    const facts = await api.summaryPanel.inspect();
    const row = facts.rowTexts.indexOf(target);
    assert.ok(row >= 0, `no row reads "${target}"`);
    const selected = waitFor(() => {
      const editor = vscode.window.activeTextEditor;
      return editor?.document.uri.toString() === uri.toString() && !editor.selection.isEmpty ? editor : undefined;
    }, { events: [vscode.window.onDidChangeActiveTextEditor, vscode.window.onDidChangeTextEditorSelection], what: 'the report with a selection' });
    await api.summaryPanel.testClick(row);
    const editor = await selected;
    assert.strictEqual(editor.document.getText(editor.selection), target);
    // The span's own text: just inside its `[`…`]`.
    const span = rangeOf(editor.document, `[${target}]`);
    assert.ok(editor.selection.isEqual(new vscode.Range(span.start.translate(0, 1), span.end.translate(0, -1))), 'the selection is not the span text');
  });

  it('counts again as a report is edited, without saving, and after the edit is reverted', async () => {
    const folder = await tempFolder();
    const uri = await folder.copy('darlington.report.md', 'edited.report.md');
    const editor = await open(uri);
    api.summaryPanel.show({ scope: 'document', uri });
    const before = await settled((i) => showsDocument(uri)(i) && i.posted!.totals.findings > 0, 'the summary of the copy');
    const facts = await api.summaryPanel.inspect();
    const findings = facts.totals.findings;
    const strength = facts.byCode.strength ?? 0;
    const monitoring = facts.byTheme.monitoring ?? 0;

    const passage = rangeOf(editor.document, 'The joint inspection, carried out over five days in January');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, passage.start, '[');
    edit.insert(uri, passage.end, ']{.strength theme=monitoring}');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(editor.document.isDirty);
    const after = await settled((i) => showsDocument(uri)(i) && i.posted!.totals.findings === findings + 1, 'one more finding');
    assert.ok(after.posted!.generation > before.posted!.generation);
    const edited = await api.summaryPanel.inspect();
    assert.strictEqual(edited.totals.findings, findings + 1);
    assert.strictEqual(edited.byCode.strength, strength + 1);
    assert.strictEqual(edited.byTheme.monitoring, monitoring + 1);
    assert.strictEqual(edited.findingsRows, findings + 1);

    const revert = new vscode.WorkspaceEdit();
    revert.delete(uri, rangeOf(editor.document, ']{.strength theme=monitoring}'));
    const bracket = rangeOf(editor.document, '[The joint inspection').start;
    revert.delete(uri, new vscode.Range(bracket, bracket.translate(0, 1)));
    assert.ok(await vscode.workspace.applyEdit(revert));
    await settled((i) => showsDocument(uri)(i) && i.posted!.totals.findings === findings, 'the count back after the edit is reverted');
    const undone = await api.summaryPanel.inspect();
    assert.strictEqual(undone.byCode.strength ?? 0, strength);
  });

  it('shows markup in a report as text: no script runs, no image exists', async () => {
    const folder = await tempFolder();
    const text = fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'summary', 'xss.report.md'), 'utf8');
    const uri = await folder.write('xss.report.md', text);
    await open(uri);
    api.summaryPanel.show({ scope: 'document', uri });
    await settled((i) => showsDocument(uri)(i) && i.posted!.totals.findings === 2, 'the summary of the markup report');
    const facts = await api.summaryPanel.inspect();
    assertSafe(facts);
    assert.ok(facts.rowTexts.includes('<script>window.__xss=1</script>'), facts.rowTexts.join(' | '));
    assert.ok(facts.rowTexts.includes('a link written as "><img src=x onerror="window.__xss=2">'), facts.rowTexts.join(' | '));
    assert.deepStrictEqual(facts.tallies.annotator, { '"><img src=x onerror="window.__xss=2">': [1, 2] });
  });

  it('rejects malformed messages from the webview and opens nothing for them', async () => {
    const uri = sample('darlington.report.md');
    api.summaryPanel.show({ scope: 'document', uri });
    const info = await settled(showsDocument(uri), 'the summary of darlington.report.md');
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    const rejectedBefore = info.rejected.length;
    const finding = info.posted!.findings[0];
    const bad: unknown[] = [
      'reveal',
      { type: 'reveal', uri: 42, range: finding.range },
      { type: 'reveal', uri: 'file:///etc/passwd', range: finding.range },
      { type: 'reveal', uri: finding.uri, range: { start: finding.range.start, end: { line: finding.range.end.line + 1, character: 0 } } },
      { type: 'setScope', scope: 'everything' },
      { type: 'refresh', extra: true },
      { type: 'runCommand', command: 'workbench.action.closeAllEditors' },
    ];
    for (const message of bad) await api.summaryPanel.testPost(message);
    const after = await waitFor(() => {
      const current = api.summaryPanel.current;
      return current && current.rejected.length >= Math.min(20, rejectedBefore + bad.length) ? current : undefined;
    }, { events: [api.summaryPanel.onDidChange], what: 'the rejections' });
    const reasons = after.rejected.slice(-bad.length);
    assert.strictEqual(reasons.length, bad.length, reasons.join(' | '));
    assert.ok(reasons.some((r) => /not a finding of the summary/.test(r)), reasons.join(' | '));
    assert.strictEqual(after.scope, 'document');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), active);
    assert.ok(vscode.workspace.textDocuments.every((d) => !d.uri.path.endsWith('/etc/passwd')));
  });
});
