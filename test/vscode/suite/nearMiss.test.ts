/**
 * Near-miss span markup in the editor: a report with a few slips shows a
 * warning for each, and their quick fixes (through the code action API and
 * workspace.applyEdit) make the spans meant, or keep a passage as article
 * text in the front matter.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { buildReport } from '../../helpers/report';
import { NEAR_MISS_CASES } from '../../helpers/nearMissCases';
import { activate, open, rangeOf, ruleOf, TempFolder, waitForDiagnostics } from './helpers';

const REPORT = [
  '---',
  'area: Hartlepool',
  'framework: "2016"',
  'inspection_type: full',
  'outcome: no_wsoa',
  'annotator: suite',
  'status: draft',
  '---',
  'Inspectors found that [leaders know the area well] {.strength theme=leadership}.',
  '',
  '[Parents find the local offer hard to use](.weakness theme=local-offer).',
  '',
  '[Waits are long]{.weakness theme=health}] for many families.',
  '',
  'The reply [1] {.footnote} is published separately.',
  '',
].join('\n');

const NEAR_MISSES = ['markup-space-before-block', 'markup-block-brackets', 'markup-stray-bracket'];

describe('near-miss markup', function () {
  this.timeout(60_000);
  let temp: TempFolder;

  before(async () => {
    await activate();
    temp = await TempFolder.create('near-miss');
  });

  after(async () => {
    await temp.dispose();
  });

  async function quickFix(uri: vscode.Uri, problem: vscode.Diagnostic, title: RegExp): Promise<vscode.CodeAction> {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => title.test(a.title));
    assert.ok(fix?.edit, `no ${title} among: ${actions.map((a) => a.title).join(' | ')}`);
    return fix;
  }

  it('warns about each near-miss, and a quick fix makes the span meant', async () => {
    const uri = await temp.write('near-misses.report.md', REPORT);
    const editor = await open(uri);
    const before = await waitForDiagnostics(uri, (d) => NEAR_MISSES.every((rule) => d.some((x) => ruleOf(x) === rule)), 'the near-miss warnings');
    for (const diagnostic of before) assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning, ruleOf(diagnostic));
    assert.deepStrictEqual(before.map(ruleOf).sort(), ['markup-block-brackets', 'markup-space-before-block', 'markup-space-before-block', 'markup-stray-bracket']);

    const spaced = before.find((x) => ruleOf(x) === 'markup-space-before-block' && editor.document.getText(x.range).includes('.strength'))!;
    assert.ok(spaced.range.isEqual(rangeOf(editor.document, '] {.strength theme=leadership}')), 'the range covers the would-be markup');
    const fix = await quickFix(uri, spaced, /Remove the space before `\{`/);
    assert.strictEqual(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.strictEqual(editor.document.lineAt(8).text, 'Inspectors found that [leaders know the area well]{.strength theme=leadership}.');

    const round = (await waitForDiagnostics(uri, (d) => !d.some((x) => editor.document.getText(x.range).includes('.strength')), 'the fixed span to be clean')).find((x) => ruleOf(x) === 'markup-block-brackets')!;
    assert.ok(await vscode.workspace.applyEdit((await quickFix(uri, round, /Write the attribute block in `\{…\}`/)).edit!));
    assert.strictEqual(editor.document.lineAt(10).text, '[Parents find the local offer hard to use]{.weakness theme=local-offer}.');

    const stray = (await waitForDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === 'markup-block-brackets'), 'the round brackets fixed')).find((x) => ruleOf(x) === 'markup-stray-bracket')!;
    assert.ok(await vscode.workspace.applyEdit((await quickFix(uri, stray, /Remove the stray `\]`/)).edit!));
    assert.strictEqual(editor.document.lineAt(12).text, '[Waits are long]{.weakness theme=health} for many families.');
    await waitForDiagnostics(uri, (d) => d.length === 1 && editor.document.getText(d[0].range) === '] {.footnote}', 'only the footnote left');
  });

  it('gives every listed near-miss its diagnostic and a quick fix that writes the span meant', async () => {
    let n = 0;
    for (const { rule, body, covers, fix: title, fixed } of NEAR_MISS_CASES) {
      const uri = await temp.write(`case-${n++}.report.md`, buildReport(body));
      const editor = await open(uri);
      const problem = (await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === rule && editor.document.getText(x.range) === covers), `${rule} on ${covers}`))
        .find((x) => ruleOf(x) === rule && editor.document.getText(x.range) === covers)!;
      assert.ok(await vscode.workspace.applyEdit((await quickFix(uri, problem, title)).edit!), `${rule}: the fix applies`);
      assert.strictEqual(editor.document.getText(), buildReport(fixed), `${rule}: ${body.trim()}`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('keeps a passage as article text through keep_as_text, and the warning goes', async () => {
    const uri = await temp.write('keep.report.md', REPORT);
    const editor = await open(uri);
    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'markup-space-before-block'), 'the near-miss warnings');
    const footnote = diagnostics.find((x) => editor.document.getText(x.range) === '] {.footnote}')!;
    assert.ok(footnote, 'the footnote is reported');
    const keep = await quickFix(uri, footnote, /Keep as article text/);
    assert.strictEqual(keep.isPreferred, false);
    const body = editor.document.getText().slice(editor.document.getText().indexOf('\n---\n'));
    assert.ok(await vscode.workspace.applyEdit(keep.edit!));
    const text = editor.document.getText();
    assert.ok(text.includes('status: draft\nkeep_as_text:\n  - "] {.footnote}"\n---\n'), text);
    assert.ok(text.endsWith(body), 'the article text is as it was');
    await waitForDiagnostics(uri, (d) => !d.some((x) => editor.document.getText(x.range) === '] {.footnote}') && d.length === diagnostics.length - 1, 'the kept passage to be silent');
  });
});
