/**
 * The Memos view: the memos of a report copied into the workspace (a report
 * memo and passage memos written into its text), listed by report as the
 * server's `findings/memos` gives them, narrowed by the filter, following an
 * edit by itself, and opening a memo's passage with its text selected.
 * What the view shows is read from its tree data provider, the items VS Code
 * draws.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { FindingsApi } from '../../../client/extension';
import type { MemosViewFacts } from '../../../client/testing/memosTestApi';
import { activate, open, sample, TempFolder, waitFor } from './helpers';

const IMPROVEMENT = 'there were some signs of improvement';
const IMPROVEMENT_MEMO = 'Is this improvement dated? Check the 2019 letter.';
const WSOA_MEMO = 'Waiting for the written statement of action';
const REPORT_MEMO = 'Second annotation pass.\nCompare with the revisit letter.\n';

/** darlington.report.md with a report memo (a block scalar) and two passage memos; the article is unchanged. */
async function withMemos(): Promise<string> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(sample('darlington.report.md')));
  const edited = text
    .replace('status: reviewed\n', `status: reviewed\nmemo: |\n${REPORT_MEMO.replace(/^(?=.)/gm, '  ')}`)
    .replace(`[${IMPROVEMENT}]{.strength theme=outcomes}`, `[${IMPROVEMENT}]{.strength theme=outcomes memo="${IMPROVEMENT_MEMO}"}`)
    .replace('{#darlington-wsoa .wsoa}', `{#darlington-wsoa .wsoa memo="${WSOA_MEMO}"}`);
  assert.strictEqual(edited.split('memo').length - 1, 3, 'the three memos were written');
  return edited;
}

describe('memos view', function () {
  this.timeout(90_000);
  let api: FindingsApi;
  let folder: TempFolder;
  let uri: vscode.Uri;

  before(async () => {
    api = await activate();
    // A folder the workspace's dataset holds (the view lists the workspace's memos): its own ignore file ignores nothing.
    folder = await TempFolder.createVisible('memos');
    await folder.write('.findingsignore', '# nothing ignored: the Memos view lists these\n');
    uri = await folder.write('darlington-memos.report.md', await withMemos());
  });

  after(async () => {
    await vscode.commands.executeCommand('findings.clearMemoFilter');
    await folder.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The view's group for the copy, once the server lists it. */
  async function copyShown(accept: (facts: MemosViewFacts) => boolean, what: string): Promise<MemosViewFacts> {
    return waitFor(async () => {
      const facts = await api.memos.view.refresh();
      return facts.reports.some((report) => report.label === 'darlington-memos.report.md') && accept(facts) ? facts : undefined;
    }, { pollMs: 500, timeoutMs: 30_000, what });
  }

  const group = (facts: MemosViewFacts) => facts.reports.find((report) => report.label === 'darlington-memos.report.md')!;

  it('lists the report memo first, then the passage memos in document order, as the server does', async () => {
    const facts = await copyShown(() => true, 'the copy in the Memos view');
    const listed = await api.memos.list();
    assert.strictEqual(facts.total, listed.memos.length);
    assert.strictEqual(facts.shown, facts.total);
    assert.strictEqual(facts.error, null);
    const report = group(facts);
    assert.strictEqual(report.label, 'darlington-memos.report.md');
    assert.strictEqual(report.description, `3 memos · ${vscode.workspace.asRelativePath(folder.uri)}`);
    assert.deepStrictEqual(report.memos.map((memo) => memo.label), ['Second annotation pass.', IMPROVEMENT_MEMO, WSOA_MEMO]);
    assert.deepStrictEqual(report.memos.map((memo) => memo.entry.kind), ['report', 'passage', 'passage']);
    assert.strictEqual(report.memos[0].description, 'report memo');
    assert.strictEqual(report.memos[1].description, `strength · “${IMPROVEMENT}”`);
    assert.match(report.memos[1].tooltip, /`\.strength`/);
    assert.match(report.memos[1].tooltip, /themes: outcomes/);
    assert.ok(report.memos[1].tooltip.includes(IMPROVEMENT_MEMO), report.memos[1].tooltip);
    assert.match(report.memos[0].tooltip, /Compare with the revisit letter\./);
    assert.ok(facts.description?.includes(`${facts.total} memo`), facts.description);
  });

  it('narrows to the memos that hold the filter text, and says how many of all', async () => {
    await copyShown(() => true, 'the copy in the Memos view');
    await vscode.commands.executeCommand('findings.filterMemos', 'WAITING');
    let facts = await api.memos.view.facts();
    assert.strictEqual(facts.filter, 'WAITING');
    assert.deepStrictEqual(group(facts).memos.map((memo) => memo.label), [WSOA_MEMO]);
    assert.ok(facts.reports.every((report) => report.memos.every((memo) => JSON.stringify(memo.entry).toLowerCase().includes('waiting'))));
    assert.strictEqual(facts.message, `${facts.shown} of ${facts.total} memos match “WAITING”.`);
    assert.ok(facts.description?.startsWith('“WAITING” · '), facts.description);
    // A code narrows too, and the filter holds across a refresh.
    await vscode.commands.executeCommand('findings.filterMemos', 'strength');
    facts = await api.memos.view.refresh();
    assert.deepStrictEqual(group(facts).memos.map((memo) => memo.label), [IMPROVEMENT_MEMO]);
    await vscode.commands.executeCommand('findings.clearMemoFilter');
    facts = await api.memos.view.facts();
    assert.strictEqual(facts.filter, '');
    assert.strictEqual(facts.message, undefined);
    assert.strictEqual(group(facts).memos.length, 3);
  });

  it('choosing a memo opens its report with the passage\'s text selected', async () => {
    const facts = await copyShown(() => true, 'the copy in the Memos view');
    const item = group(facts).memos.find((memo) => memo.label === IMPROVEMENT_MEMO)!;
    assert.ok(item.command, 'the item runs a command when chosen');
    const selected = waitFor(() => {
      const editor = vscode.window.activeTextEditor;
      return editor?.document.uri.toString() === uri.toString() && !editor.selection.isEmpty ? editor : undefined;
    }, { events: [vscode.window.onDidChangeActiveTextEditor, vscode.window.onDidChangeTextEditorSelection], what: 'the copy with a selection' });
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = await selected;
    assert.strictEqual(editor.document.getText(editor.selection), IMPROVEMENT);
  });

  it('follows an edit by itself while it is shown', async () => {
    await copyShown(() => true, 'the copy in the Memos view');
    await vscode.commands.executeCommand('findings.memos.focus');
    const editor = await open(uri);
    const block = '{.weakness .quote theme=adulthood speaker="inspectors" role=inspector}';
    const at = editor.document.getText().indexOf(block);
    assert.ok(at >= 0);
    const loaded = waitFor(async () => {
      const facts = await api.memos.view.facts();
      return group(facts)?.memos.some((memo) => memo.label === 'Added while the view is open') ? facts : undefined;
    }, { events: [api.memos.view.onDidLoad], timeoutMs: 30_000, what: 'the new memo in the view, without a refresh' });
    assert.ok(await editor.edit((edit) => edit.insert(editor.document.positionAt(at + block.length - 1), ' memo="Added while the view is open"')));
    const facts = await loaded;
    assert.deepStrictEqual(group(facts).memos.map((memo) => memo.entry.passage !== null), [false, true, true, true]);
  });
});
