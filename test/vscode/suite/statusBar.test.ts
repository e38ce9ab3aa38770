/**
 * The status bar item: the counts of `findings/documentCounts` for the
 * active report, updated after an edit, hidden for other editors.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, open, rangeOf, sample, TempFolder, waitFor } from './helpers';
import type { FindingsApi } from '../../../client/extension';
import type { StatusBarState } from '../../../client/statusBar';

describe('status bar', function () {
  this.timeout(60_000);
  let api: FindingsApi;
  let temp: TempFolder;

  before(async () => {
    api = await activate();
    temp = await TempFolder.create('status');
  });

  after(async () => {
    await temp.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  function stateFor(uri: vscode.Uri, accept: (state: StatusBarState) => boolean = () => true, what = 'the status bar'): Promise<StatusBarState> {
    return waitFor(() => {
      const state = api.statusBar.state;
      return state.uri === uri.toString() && accept(state) ? state : undefined;
    }, { events: [api.statusBar.onDidUpdate], what: `${what} for ${uri.path.split('/').pop()}` });
  }

  it('shows the span counts of the active report, the most used codes first', async () => {
    const uri = sample('darlington.report.md');
    await open(uri);
    const state = await stateFor(uri, (s) => s.visible);
    const counts = await api.documentCounts(uri);
    assert.ok(counts && counts.spans > 0);
    assert.deepStrictEqual(state.counts, counts);
    const top = Object.entries(counts.byCode).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 2);
    assert.strictEqual(state.text, `$(tag) ${counts.spans} spans · ${top.map(([code, n]) => `${n} ${code}`).join(' · ')}`);
    for (const code of Object.keys(counts.byCode)) assert.ok(state.tooltip.includes(code.replace(/-/g, '\\-')), `${code} is not in the tooltip`);
    assert.match(state.tooltip, /No problems/);
  });

  it('shows the problems of a broken report', async () => {
    const uri = sample('broken/spans.report.md');
    await open(uri);
    const counts = await api.documentCounts(uri);
    assert.ok(counts && counts.errors > 0);
    const state = await stateFor(uri, (s) => s.visible);
    assert.ok(state.text.includes(`$(error) ${counts.errors}`), state.text);
    if (counts.warnings > 0) assert.ok(state.text.includes(`$(warning) ${counts.warnings}`), state.text);
  });

  it('follows edits of the report', async () => {
    const uri = await temp.copy('darlington.report.md', 'status.report.md');
    const editor = await open(uri);
    const before = await stateFor(uri, (s) => s.visible);
    const spans = before.counts!.spans;
    const target = rangeOf(editor.document, 'The joint inspection, carried out over five days in January');
    editor.selection = new vscode.Selection(target.start, target.end);
    assert.strictEqual(await vscode.commands.executeCommand('findings.tagAsStrength', { themes: ['monitoring'] }), true);
    const after = await stateFor(uri, (s) => s.counts?.spans === spans + 1, 'one more span');
    assert.ok(after.text.startsWith(`$(tag) ${spans + 1} spans`), after.text);
  });

  it('is hidden for other editors', async () => {
    const readme = sample('broken/README.md');
    await open(readme);
    const state = await waitFor(() => (api.statusBar.state.visible ? undefined : api.statusBar.state), {
      events: [api.statusBar.onDidUpdate],
      what: 'the status bar to hide',
    });
    assert.strictEqual(state.visible, false);
  });
});
