/**
 * The summary panel's findings list shows each passage's memo (shortened,
 * whole in its tooltip) and its text filter finds memos; its "Export
 * findings…" offers to export just the findings the filters show, and then
 * writes exactly those rows of what `findings export` writes. The panel is
 * read from its DOM (`inspect`); the export's question, format and target
 * are answered in advance (`testExport`), the button itself is clicked in
 * the webview.
 */
import * as assert from 'assert';
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { FindingsApi } from '../../../client/extension';
import type { SummaryPanelInfo } from '../../../client/summary/summaryPanel';
import { activate, open, repoRoot, sample, TempFolder, waitFor, workspaceFolder } from './helpers';

const MEMO = 'Is this improvement dated? The 2019 revisit letter says otherwise.';
/** Longer than a row is wide. */
const LONG_MEMO = `Ask the team: ${'the statement of action was late and then partial; '.repeat(6)}end.`;

/** `findings <args>` run by the repository's CLI at the workspace folder's root; its stdout. */
function cli(...args: string[]): string {
  const result = childProcess.spawnSync(process.execPath, [path.join(repoRoot(), 'bin', 'findings.js'), ...args], {
    cwd: workspaceFolder().uri.fsPath,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  assert.strictEqual(result.status, 0, `findings ${args.join(' ')} exited with ${result.status}: ${result.stderr || result.error}`);
  return result.stdout;
}

interface Row {
  path: string;
  codes: string[];
  themes: string[];
  exact: string;
}

describe('summary panel: memos, and exporting what the filters show', function () {
  this.timeout(120_000);
  let api: FindingsApi;
  let temp: TempFolder;
  let out: string;

  before(async () => {
    api = await activate();
    temp = await TempFolder.create('summary-memos');
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'findings-panel-export-'));
  });

  after(async () => {
    api.summaryPanel.close();
    await temp.dispose();
    fs.rmSync(out, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  function settled(accept: (info: SummaryPanelInfo) => boolean, what: string): Promise<SummaryPanelInfo> {
    return waitFor(() => {
      const info = api.summaryPanel.current;
      return info && info.rendered?.seq === info.postedSeq && info.postedSeq > 0 && accept(info) ? info : undefined;
    }, { events: [api.summaryPanel.onDidChange], what, timeoutMs: 30_000 });
  }

  it('shows a passage\'s memo under its text on one line, the whole memo in its tooltip, and finds it by the text filter', async () => {
    const text = fs.readFileSync(sample('darlington.report.md').fsPath, 'utf8')
      .replace('[there were some signs of improvement]{.strength theme=outcomes}', `[there were some signs of improvement]{.strength theme=outcomes memo="${MEMO}"}`)
      .replace('{#darlington-wsoa .wsoa}', `{#darlington-wsoa .wsoa memo="${LONG_MEMO}"}`);
    const uri = await temp.write('darlington-memos.report.md', text);
    await open(uri);
    api.summaryPanel.show({ scope: 'document', uri });
    await settled((info) => info.posted?.scope.kind === 'document' && info.posted.scope.uri === uri.toString(), 'the summary of the copy');
    await api.summaryPanel.testFilter({ code: '', theme: '', area: '', text: '' });
    const facts = await api.summaryPanel.inspect();
    const at = (passage: string) => facts.rowTexts.indexOf(passage);
    const improvement = at('there were some signs of improvement');
    assert.ok(improvement >= 0, facts.rowTexts.join(' | '));
    assert.strictEqual(facts.rowMemos[improvement], MEMO);
    assert.strictEqual(facts.rowMemoTitles[improvement], MEMO);
    // The stylesheet cuts a long memo to the row's width; the tooltip has it whole.
    const wsoa = facts.rowTexts.findIndex((row) => row.startsWith('They called on leaders'));
    assert.strictEqual(facts.rowMemos[wsoa], LONG_MEMO);
    assert.strictEqual(facts.rowMemoTitles[wsoa], LONG_MEMO);
    assert.strictEqual(facts.rowMemos.filter((memo) => memo !== '').length, 2, 'only the two passages with a memo show one');

    // "revisit" is in a memo only: the filter finds its passage.
    const filtered = await api.summaryPanel.testFilter({ text: 'REVISIT' });
    assert.strictEqual(filtered.findingsMatching, 1);
    assert.deepStrictEqual(filtered.rowTexts, ['there were some signs of improvement']);
    await api.summaryPanel.testFilter({ text: '' });
  });

  it('exports just the findings the filters show: the rows `findings export` writes for them, byte for byte', async () => {
    api.summaryPanel.show({ scope: 'workspace' });
    await settled((info) => info.scope === 'workspace' && info.posted?.scope.kind === 'workspace', 'the summary of the workspace');
    const facts = await api.summaryPanel.testFilter({ code: 'weakness', theme: 'outcomes', area: '', text: '' });
    assert.ok(facts.findingsMatching > 0 && facts.findingsMatching < facts.findingsTotal, `${facts.findingsMatching} of ${facts.findingsTotal}`);

    const target = path.join(out, 'filtered.jsonl');
    const outcome = await api.summaryPanel.testExport({ extent: 'filtered', options: { format: 'jsonl', target } });
    assert.deepStrictEqual(outcome.asked, { shown: facts.findingsMatching, total: facts.findingsTotal });
    assert.deepStrictEqual(outcome.filters, { code: 'weakness', theme: 'outcomes', area: '', text: '' });
    assert.strictEqual(outcome.result?.outcome, 'written');

    const whole = cli('export', '.', '--format', 'jsonl').split(/(?<=\n)/);
    const expected = whole.filter((line) => {
      const row = JSON.parse(line) as Row;
      return row.codes.includes('weakness') && row.themes.includes('outcomes');
    });
    assert.strictEqual(fs.readFileSync(target, 'utf8'), expected.join(''));
    assert.strictEqual(expected.length, facts.findingsMatching);
    if (outcome.result?.outcome === 'written') {
      assert.strictEqual(outcome.result.findings, facts.findingsMatching);
      assert.strictEqual(outcome.result.documents, new Set(expected.map((line) => (JSON.parse(line) as Row).path)).size);
    }
  });

  it('"Export all" writes the whole export, dismissing the question writes nothing, and without filters nothing is asked', async () => {
    const all = path.join(out, 'all.csv');
    let outcome = await api.summaryPanel.testExport({ extent: 'all', options: { format: 'csv', target: all } });
    assert.ok(outcome.asked, 'the filters of the previous test are still set');
    assert.strictEqual(outcome.filters, undefined);
    assert.strictEqual(fs.readFileSync(all, 'utf8'), cli('export', '.', '--format', 'csv'));

    const dismissed = path.join(out, 'dismissed.csv');
    outcome = await api.summaryPanel.testExport({ extent: undefined, options: { format: 'csv', target: dismissed } });
    assert.strictEqual(outcome.result, undefined);
    assert.ok(!fs.existsSync(dismissed));

    await api.summaryPanel.testFilter({ code: '', theme: '', area: '', text: '' });
    const unfiltered = path.join(out, 'unfiltered.json');
    outcome = await api.summaryPanel.testExport({ extent: 'filtered', options: { format: 'json', target: unfiltered } });
    assert.strictEqual(outcome.asked, null);
    assert.strictEqual(outcome.filters, undefined);
    assert.strictEqual(fs.readFileSync(unfiltered, 'utf8'), cli('export', '.', '--format', 'json'));
  });
});
