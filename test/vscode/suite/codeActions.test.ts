/**
 * Quick fixes and "fix all" through VS Code's code action API, applied with
 * workspace.applyEdit to a copy of samples/broken/spans.report.md in a
 * temporary folder (the committed sample is never modified).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, open, ruleOf, TempFolder, waitForDiagnostics } from './helpers';

describe('code actions', function () {
  this.timeout(60_000);
  let temp: TempFolder;

  before(async () => {
    await activate();
    temp = await TempFolder.create('code-actions');
  });

  after(async () => {
    await temp.dispose();
  });

  it('applies a quick fix ("Change to `weakness`") and the problem goes', async () => {
    const uri = await temp.copy('broken/spans.report.md', 'quick-fix.report.md');
    const editor = await open(uri);
    const before = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'code-unknown'), 'code-unknown');
    const problem = before.find((x) => ruleOf(x) === 'code-unknown')!;
    assert.strictEqual(editor.document.getText(problem.range), 'weaknes');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Change to `weakness`');
    assert.ok(fix, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind));
    assert.strictEqual(fix.isPreferred, true);
    assert.ok(fix.edit, 'the fix has no edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));

    const line = editor.document.lineAt(problem.range.start.line).text;
    assert.ok(line.includes('{.weakness theme=ehc-plans}'), line);
    const after = await waitForDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === 'code-unknown'), 'code-unknown to go');
    assert.strictEqual(after.length, before.length - 1, 'other problems changed too');
  });

  it('offers "Add `theme=`" for attribute-missing and inserts it', async () => {
    const uri = await temp.copy('broken/spans.report.md', 'add-theme.report.md');
    const editor = await open(uri);
    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'attribute-missing'), 'attribute-missing');
    const problem = diagnostics.find((x) => ruleOf(x) === 'attribute-missing' && editor.document.lineAt(x.range.start.line).text.includes('{.strength}'))!;
    assert.ok(problem, 'no attribute-missing on the {.strength} span');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Add `theme=`');
    assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(editor.document.lineAt(problem.range.start.line).text.includes('{.strength theme='), editor.document.lineAt(problem.range.start.line).text);
  });

  it('fixes every auto-fixable problem with source.fixAll.findings', async () => {
    const uri = await temp.copy('broken/spans.report.md', 'fix-all.report.md');
    const editor = await open(uri);
    const before = await waitForDiagnostics(uri, (d) => d.length >= 10, 'the problems of spans.report.md');
    const fullRange = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, fullRange, 'source.fixAll.findings');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.findings');
    assert.ok(fixAll?.edit, `actions: ${actions.map((a) => `${a.kind?.value}: ${a.title}`).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    const text = editor.document.getText();
    assert.ok(text.includes('{.weakness theme=ehc-plans}'), 'weaknes not fixed');
    assert.ok(text.includes('{.weakness theme=monitoring}'), 'duplicate code not removed');
    const after = await waitForDiagnostics(uri, (d) => d.length < before.length && !d.some((x) => ['code-unknown', 'code-duplicate', 'span-empty'].includes(ruleOf(x))), 'fewer problems');
    // What has no preferred fix stays (e.g. code-missing, attribute-value).
    assert.ok(after.some((x) => ruleOf(x) === 'code-missing'));
  });

  it('offers "Tag selection as <code>" for a selection of article text, and nothing in the front matter', async () => {
    const uri = await temp.copy('darlington.report.md', 'refactor.report.md');
    const editor = await open(uri);
    const line = editor.document.lineAt(editor.document.getText().split('\n').findIndex((l) => l.startsWith('The joint inspection')));
    const selection = new vscode.Range(line.range.start, line.range.start.translate(0, 20));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, selection, 'refactor.rewrite.findings.tag');
    const titles = actions.map((a) => a.title);
    for (const code of ['strength', 'weakness', 'quote']) assert.ok(titles.includes(`Tag selection as ${code}`), titles.join(' | '));
    const inFrontMatter = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(1, 0, 1, 4), 'refactor.rewrite.findings.tag');
    assert.deepStrictEqual(inFrontMatter.map((a) => a.title), []);
  });
});
