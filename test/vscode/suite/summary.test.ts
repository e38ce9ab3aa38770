/**
 * The summary panel in a real webview. What it displays is read back from
 * its DOM through a message round-trip (`inspect`: the webview reads its own
 * tiles, tables, chart bars and rows) and compared with the server's summary
 * and with the CLI's numbers (`findings stats` and `findings export`, run on
 * the same folder). The findings list is virtual: only the rows in view (and
 * a few around them) are in the DOM, which the tests compare with the
 * server's pages (`findings/findingsPage`). Clicks, keys, scrolling and
 * filters are done by the webview on its DOM, as a user would (`testClick`,
 * `testKey`, `testScroll`, `testFilter`, `testScope`).
 */
import * as assert from 'assert';
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, open, rangeOf, repoRoot, sample, TempFolder, waitFor, workspaceFolder } from './helpers';
import type { FindingsApi } from '../../../client/extension';
import type { FindingsSort, RenderedFacts } from '../../../client/summary/messages';
import type { FindingsScope } from '../../../protocol';
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

const NO_FILTERS = { code: '', theme: '', area: '', text: '' };
/** However tall the view, the list draws at most this many rows. */
const MAX_ROWS_IN_DOM = 100;

/** A report of `count` one-line passages, coded in turn weakness, strength and wsoa, for a list that must scroll. */
function manyFindings(count: number): string {
  const kinds = ['{.weakness theme=outcomes}', '{.strength theme=health}', '{.wsoa}'];
  const lines = Array.from({ length: count }, (_, i) => `Paragraph ${i}: [passage number ${i} of the generated report]${kinds[i % kinds.length]} and some text after it.`);
  return `---\narea: Testshire\nframework: "2023"\ninspection_type: full\noutcome: inconsistent\nannotator: jd\nstatus: draft\n---\n${lines.join('\n\n')}\n`;
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

  /** The rows the list has in the DOM are those the server's page holds at their positions, in order, and the DOM holds no more than a view's worth. */
  async function assertRowsArePage(facts: RenderedFacts, scope: FindingsScope, sort: FindingsSort = 'report', filters = NO_FILTERS): Promise<void> {
    assert.ok(facts.listItems > 0 && facts.listItems <= MAX_ROWS_IN_DOM, `${facts.listItems} items in the DOM`);
    assert.strictEqual(facts.findingsRows, facts.listItems, 'rows still loading');
    assert.deepStrictEqual(facts.rowHeights.length, 1, `rows of heights ${facts.rowHeights.join(', ')}`);
    assert.strictEqual(facts.overflowingRows, 0, 'a row\'s content is taller than the row');
    assert.strictEqual(facts.setSize, facts.findingsMatching, 'aria-setsize is not the number of findings');
    const first = facts.rowPositions[0] - 1;
    assert.deepStrictEqual(facts.rowPositions, facts.rowPositions.map((_, i) => first + i + 1), 'the rows are not consecutive');
    assert.deepStrictEqual(facts.renderedRange, [first, first + facts.findingsRows - 1]);
    const page = await api.findingsPage({ scope, filters, sort, offset: first, limit: facts.findingsRows });
    assert.strictEqual(page.matching, facts.findingsMatching);
    assert.deepStrictEqual(facts.rowTexts, page.findings.map((f) => f.text));
    assert.deepStrictEqual(facts.rowWheres, page.findings.map((f) => `${f.path}:${f.range.start.line + 1}${f.area ? ` · ${f.area}` : ''}`));
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
    assert.strictEqual(summary.report?.path, 'darlington.report.md');
    assert.strictEqual(facts.totals.reports, 1);
    assert.strictEqual(facts.totals.findings, expected.spans);
    assert.strictEqual(facts.totals.errors, 0);
    assert.deepStrictEqual(sortedKeys(facts.byCode), sortedKeys(nonZero(expected.byCode)));
    assert.deepStrictEqual(sortedKeys(facts.byTheme), sortedKeys(nonZero(expected.byTheme)));
    assert.deepStrictEqual(sortedKeys(facts.codeBars), sortedKeys(facts.byCode), 'the chart and the table disagree');
    // What is displayed is what the server sent.
    assert.strictEqual(facts.totals.findings, summary.totals.findings);
    assert.deepStrictEqual(sortedKeys(facts.byCode), sortedKeys(nonZero(summary.byCode)));
    assert.strictEqual(facts.findingsTotal, expected.spans);
    assert.strictEqual(facts.findingsMatching, expected.spans);
    assert.strictEqual(facts.renderedRange?.[0], 0, 'the list starts at its first finding');
    await assertRowsArePage(facts, { kind: 'document', uri: uri.toString() });
    assert.strictEqual(facts.virtualHeight, expected.spans * facts.rowHeights[0], 'the list is not as tall as all its rows');
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
    assert.strictEqual(facts.findingsTotal, stats.spans);
    await assertRowsArePage(facts, { kind: 'workspace' });
    assert.strictEqual(facts.virtualHeight, stats.spans * facts.rowHeights[0]);
    assert.strictEqual(info.posted!.totals.findings, stats.spans);
    assertSafe(facts);
  });

  it('filters the findings by code, theme, area and text', async () => {
    const dataset = cliExport('.');
    const all = dataset.documents.flatMap((d) => d.findings.map((f) => ({ ...f, area: d.fields.area })));
    const count = (keep: (f: (typeof all)[number]) => boolean): number => all.filter(keep).length;

    let facts = await api.summaryPanel.testFilter({ code: 'weakness' });
    assert.strictEqual(facts.findingsMatching, count((f) => f.codes.includes('weakness')));
    await assertRowsArePage(facts, { kind: 'workspace' }, 'report', { ...NO_FILTERS, code: 'weakness' });
    // Every code is listed with what it would show beside the other filters (none): the counts of `findings export`.
    for (const [code, shown] of Object.entries(facts.filterCounts.code)) assert.strictEqual(shown, count((f) => f.codes.includes(code)), `code ${code}`);
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

  it('orders the findings by code or by area, as the server does, and keeps the order after a reload of the webview', async () => {
    for (const sort of ['code', 'area', 'report'] as const) {
      const facts = await api.summaryPanel.testFilter({}, sort);
      assert.strictEqual(facts.sort, sort);
      await assertRowsArePage(facts, { kind: 'workspace' }, sort);
    }
    const facts = await api.summaryPanel.testFilter({ area: 'Hartlepool' }, 'code');
    await assertRowsArePage(facts, { kind: 'workspace' }, 'code', { ...NO_FILTERS, area: 'Hartlepool' });
    // "Developer: Reload Webviews": the webview starts again from the state it saved (setState).
    const drawnBefore = api.summaryPanel.current!.rendered;
    await vscode.commands.executeCommand('workbench.action.webview.reloadWebviewAction');
    await waitFor(() => {
      const info = api.summaryPanel.current;
      return info && info.rendered !== drawnBefore && info.rendered?.seq === info.postedSeq ? info : undefined;
    }, { events: [api.summaryPanel.onDidChange], what: 'the webview drawn again after its reload', timeoutMs: 30_000 });
    const restored = await api.summaryPanel.inspect();
    assert.strictEqual(restored.sort, 'code');
    assert.deepStrictEqual(restored.filters, { ...NO_FILTERS, area: 'Hartlepool' });
    await assertRowsArePage(restored, { kind: 'workspace' }, 'code', { ...NO_FILTERS, area: 'Hartlepool' });
    await api.summaryPanel.testFilter({ area: '' }, 'report');
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

  it('from the keyboard: the arrow keys move the focus across rows and Enter opens the finding focused', async () => {
    const uri = sample('darlington.report.md');
    api.summaryPanel.show({ scope: 'document', uri });
    await settled(showsDocument(uri), 'the summary of darlington.report.md');
    let facts = await api.summaryPanel.testKey('ArrowDown', 0);
    assert.strictEqual(facts.focusedIndex, 1);
    facts = await api.summaryPanel.testKey('ArrowDown');
    facts = await api.summaryPanel.testKey('ArrowUp');
    assert.strictEqual(facts.focusedIndex, 1);
    facts = await api.summaryPanel.testKey('End');
    assert.strictEqual(facts.focusedIndex, facts.findingsMatching - 1);
    assert.ok(facts.renderedRange![1] === facts.findingsMatching - 1, 'the last row is not drawn');
    facts = await api.summaryPanel.testKey('Home');
    assert.strictEqual(facts.focusedIndex, 0);
    // A passage without markup inside, so that its selection reads as its text.
    const text = 'there were some signs of improvement';
    const at = facts.rowPositions[facts.rowTexts.indexOf(text)] - 1;
    assert.ok(at > 0, facts.rowTexts.join(' | '));
    facts = await api.summaryPanel.testKey('ArrowDown', at - 1);
    assert.strictEqual(facts.focusedIndex, at);
    const selected = waitFor(() => {
      const editor = vscode.window.activeTextEditor;
      return editor?.document.uri.toString() === uri.toString() && editor.document.getText(editor.selection) === text ? editor : undefined;
    }, { events: [vscode.window.onDidChangeActiveTextEditor, vscode.window.onDidChangeTextEditorSelection], what: `the report with "${text}" selected` });
    await api.summaryPanel.testKey('Enter');
    await selected;
  });

  it('scrolls a list of thousands of findings with only the rows in view in the DOM, each the finding the server has at its place', async () => {
    const count = 2400;
    const folder = await tempFolder();
    const uri = await folder.write('many.report.md', manyFindings(count));
    await open(uri);
    api.summaryPanel.show({ scope: 'document', uri });
    await settled((i) => showsDocument(uri)(i) && i.posted!.totals.findings === count, `the summary of ${count} findings`);
    const scope: FindingsScope = { kind: 'document', uri: uri.toString() };
    let facts = await api.summaryPanel.inspect();
    assert.strictEqual(facts.findingsTotal, count);
    assert.strictEqual(facts.virtualHeight, count * facts.rowHeights[0]);
    await assertRowsArePage(facts, scope);
    const rowHeight = facts.rowHeights[0];

    for (const index of [1234, count - 1, 600, 0]) {
      facts = await api.summaryPanel.testScroll(index);
      const [first, last] = facts.renderedRange!;
      assert.ok(first <= index && index <= last, `row ${index} is not drawn (rows ${first} to ${last})`);
      await assertRowsArePage(facts, scope);
      assert.strictEqual(facts.virtualHeight, count * rowHeight);
    }
    assert.ok(facts.rowTexts[0] === 'passage number 0 of the generated report');

    // The keyboard reaches rows far down, fetching their pages.
    facts = await api.summaryPanel.testKey('ArrowDown', 1500);
    assert.strictEqual(facts.focusedIndex, 1501);
    facts = await api.summaryPanel.testKey('PageDown');
    assert.ok(facts.focusedIndex! > 1502, `PageDown moved the focus to ${facts.focusedIndex}`);
    await assertRowsArePage(facts, scope);
    facts = await api.summaryPanel.testKey('End');
    assert.strictEqual(facts.focusedIndex, count - 1);
    assert.strictEqual(facts.rowTexts[facts.rowTexts.length - 1], `passage number ${count - 1} of the generated report`);
    facts = await api.summaryPanel.testKey('PageUp');
    assert.ok(facts.focusedIndex! < count - 1);
    await assertRowsArePage(facts, scope);

    // Filtered and ordered by the server; the counts beside each code are the other filters' (none).
    facts = await api.summaryPanel.testFilter({ code: 'strength' }, 'code');
    assert.strictEqual(facts.findingsMatching, count / 3);
    assert.deepStrictEqual(facts.filterCounts.code, { strength: count / 3, weakness: count / 3, wsoa: count / 3 });
    await assertRowsArePage(facts, scope, 'code', { ...NO_FILTERS, code: 'strength' });
    facts = await api.summaryPanel.testScroll(700);
    await assertRowsArePage(facts, scope, 'code', { ...NO_FILTERS, code: 'strength' });

    // Enter on a row far down opens its passage.
    const target = facts.rowTexts[Math.floor(facts.rowTexts.length / 2)];
    const at = facts.rowPositions[Math.floor(facts.rowTexts.length / 2)] - 1;
    const selected = waitFor(() => {
      const editor = vscode.window.activeTextEditor;
      return editor?.document.uri.toString() === uri.toString() && editor.document.getText(editor.selection) === target ? editor : undefined;
    }, { events: [vscode.window.onDidChangeActiveTextEditor, vscode.window.onDidChangeTextEditorSelection], what: `the report with "${target}" selected` });
    await api.summaryPanel.testKey('Enter', at);
    await selected;
    await api.summaryPanel.testFilter({ code: '' }, 'report');
  });

  it('keeps the focus on its finding when an edit moves it', async () => {
    const folder = await tempFolder();
    const uri = await folder.write('focus.report.md', manyFindings(300));
    const editor = await open(uri);
    api.summaryPanel.show({ scope: 'document', uri });
    const before = await settled((i) => showsDocument(uri)(i) && i.posted!.totals.findings === 300, 'the summary of 300 findings');
    let facts = await api.summaryPanel.testKey('ArrowDown', 149);
    assert.strictEqual(facts.focusedIndex, 150);
    // A new finding before it: it moves one down, and the focus with it.
    const passage = rangeOf(editor.document, 'Paragraph 3:');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, passage.start, '[');
    edit.insert(uri, passage.end, ']{.strength theme=health}');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await settled((i) => showsDocument(uri)(i) && i.posted!.generation > before.posted!.generation && i.posted!.totals.findings === 301, 'one more finding');
    facts = await waitFor(async () => {
      const shown = await api.summaryPanel.inspect();
      return shown.focusedIndex === 151 ? shown : undefined;
    }, { events: [api.summaryPanel.onDidChange], pollMs: 200, what: 'the focus on the finding moved down', timeoutMs: 10_000 });
    assert.strictEqual(facts.rowTexts[facts.rowPositions.indexOf(152)], 'passage number 150 of the generated report');
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
    assert.strictEqual(edited.findingsTotal, findings + 1);
    assert.strictEqual(edited.setSize, findings + 1);
    await assertRowsArePage(edited, { kind: 'document', uri: uri.toString() });

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
    const finding = (await api.findingsPage({ scope: { kind: 'document', uri: uri.toString() }, filters: NO_FILTERS, offset: 0, limit: 1 })).findings[0];
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
    assert.ok(reasons.some((r) => /not a finding of a page shown/.test(r)), reasons.join(' | '));
    assert.strictEqual(after.scope, 'document');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), active);
    assert.ok(vscode.workspace.textDocuments.every((d) => !d.uri.path.endsWith('/etc/passwd')));
  });
});
