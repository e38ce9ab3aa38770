/**
 * "Add Memo to Passage…" on a copy of a sample: with the memo given, it
 * writes the memo into the innermost passage at the cursor (or the passage
 * named by its index), quoted and escaped, as one undo step, the article
 * text kept; the hover anywhere in the passage's text then shows the memo,
 * and an export of the saved report carries it (the `memo` key and column).
 * Without the memo it prompts, prefilled with the current one.
 * Outside every passage it writes nothing.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { FindingsApi } from '../../../client/extension';
import { parseReport } from '../../../core/document/parseReport';
import { activate, hoverText, open, rangeOf, TempFolder, waitFor } from './helpers';

const MEMO = 'Why "significant"? Compare {the 2019 letter} \\ [p. 2]';
const WRITTEN = 'memo="Why \\"significant\\"? Compare {the 2019 letter} \\\\ [p. 2]"';

describe('memo command', function () {
  this.timeout(90_000);
  let api: FindingsApi;
  let temp: TempFolder;
  let out: string;

  before(async () => {
    api = await activate();
    temp = await TempFolder.create('memo');
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'findings-memo-'));
  });

  after(async () => {
    await temp.dispose();
    fs.rmSync(out, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('writes the memo of the passage at the cursor, shows it in the hover, and exports it', async () => {
    const uri = await temp.copy('darlington.report.md', 'darlington-memo.report.md');
    const editor = await open(uri);
    const document = editor.document;
    const before = document.getText();
    editor.selection = new vscode.Selection(rangeOf(document, 'significant concerns').start, rangeOf(document, 'significant concerns').start);

    assert.strictEqual(await vscode.commands.executeCommand<boolean>('findings.addMemo', undefined, undefined, MEMO), true);
    const text = document.getText();
    assert.ok(text.includes(`["significant concerns"]{.quote speaker="inspectors" role=inspector ${WRITTEN}}`), text.slice(0, 1200));
    assert.strictEqual(parseReport(text).cleanText, parseReport(before).cleanText, 'the article text is kept');

    // The hover on the passage's text, not on its markup, shows the memo once the server has the edit.
    const hover = await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, rangeOf(document, 'concerns"]').start);
      const shown = hoverText(hovers);
      return shown.includes('Compare {the 2019 letter}') ? shown : undefined;
    }, { pollMs: 200, what: 'the hover to show the memo' });
    assert.match(hover, /\*\*Quotation\*\*/);
    assert.match(hover, /> Why "significant"\? Compare \{the 2019 letter\} \\\\ \\\[p\. 2\\\]/);
    assert.match(hover, /Within \*\*Weakness\*\*/, 'then the passage around it');

    // Saved, the report exports with the memo: a key in JSONL, a column in CSV.
    await document.save();
    const jsonl = path.join(out, 'memo.jsonl');
    const written = await api.exportFindings({ scope: { kind: 'document', uri: uri.toString() }, format: 'jsonl', target: jsonl });
    assert.strictEqual(written.outcome, 'written');
    const rows = fs.readFileSync(jsonl, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { index: number; memo: string | null; attributes: Record<string, string> });
    assert.deepStrictEqual(rows.filter((row) => row.memo !== null).map((row) => [row.index, row.memo]), [[2, MEMO]]);
    assert.ok(!('memo' in rows[2].attributes), 'the memo is not an attribute of the export');
    const csv = path.join(out, 'memo.csv');
    assert.strictEqual((await api.exportFindings({ scope: { kind: 'document', uri: uri.toString() }, format: 'csv', target: csv })).outcome, 'written');
    const header = fs.readFileSync(csv, 'utf8').split('\r\n')[0].split(',');
    assert.strictEqual(header.indexOf('memo'), header.indexOf('attributes') + 1);
    assert.ok(header.includes('report_memo'));
    assert.ok(fs.readFileSync(csv, 'utf8').includes('"Why ""significant""? Compare {the 2019 letter} \\ [p. 2]"'));
  });

  it('takes the report and the passage as arguments, replaces and removes a memo, each as one undo step', async () => {
    const uri = await temp.copy('darlington.report.md', 'darlington-args.report.md');
    const editor = await open(uri);
    const document = editor.document;
    const before = document.getText();
    const wsoa = parseReport(before).spans.findIndex((span) => span.ids.some((id) => id.value === 'darlington-wsoa'));

    assert.strictEqual(await vscode.commands.executeCommand<boolean>('findings.addMemo', uri.toString(), wsoa, 'first'), true);
    assert.ok(document.getText().includes('{#darlington-wsoa .wsoa memo="first"}'));
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('findings.addMemo', uri.toString(), wsoa, 'second\nline'), true);
    assert.ok(document.getText().includes('{#darlington-wsoa .wsoa memo="second line"}'), 'a line break becomes a space');
    await vscode.commands.executeCommand('undo');
    assert.ok(document.getText().includes('{#darlington-wsoa .wsoa memo="first"}'), 'one undo step back');

    // Without a memo it prompts, prefilled with the current one: accepted as it is, nothing changes.
    let answered: boolean | undefined;
    const prompted = vscode.commands.executeCommand<boolean>('findings.addMemo', uri.toString(), wsoa).then((edited) => (answered = edited));
    await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return answered !== undefined ? true : undefined;
    }, { pollMs: 100, what: 'the memo prompt to be answered' });
    assert.strictEqual(await prompted, false);
    assert.ok(document.getText().includes('{#darlington-wsoa .wsoa memo="first"}'), 'the prompt held the current memo');
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('findings.addMemo', uri.toString(), wsoa, ''), true);
    assert.strictEqual(document.getText(), before, 'an empty memo removes it');
  });

  it('writes nothing outside every passage', async () => {
    const uri = await temp.copy('darlington.report.md', 'darlington-none.report.md');
    const editor = await open(uri);
    const before = editor.document.getText();
    const plain = rangeOf(editor.document, 'The joint inspection').start;
    editor.selection = new vscode.Selection(plain, plain);
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('findings.addMemo', undefined, undefined, 'nowhere'), false);
    assert.strictEqual(editor.document.getText(), before);
  });
});
