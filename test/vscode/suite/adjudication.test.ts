/**
 * Adjudication in VS Code: "Adjudicate Annotators' Copies…" on a copy of
 * samples/agreement/ writes the article's reference report beside it and
 * opens it; its candidates are information diagnostics, settled with their
 * code actions, and "Go to Next Disagreement" walks the cursor through them.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../../protocol';
import { activate, open, ruleOf, sample, takeScreenshot, TempFolder, waitForDiagnostics } from './helpers';

const ARTICLE = 'middlesbrough';

describe('adjudication', function () {
  this.timeout(90_000);
  let temp: TempFolder;

  before(async () => {
    await activate();
    temp = await TempFolder.createVisible('adjudication');
  });

  after(async () => {
    await temp.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const candidatesOf = (diagnostics: readonly vscode.Diagnostic[]) => diagnostics.filter((d) => ruleOf(d) === 'adjudication-candidate').sort((a, b) => a.range.start.compareTo(b.range.start));

  it('writes the reference report, settles a candidate by its code action, and goes from disagreement to disagreement', async () => {
    // The article with a line added, so that the workspace's other copies of it (samples/agreement/) are another article.
    const copies: vscode.Uri[] = [];
    for (const annotator of ['jd', 'mk', 'rs']) {
      const text = Buffer.from(await vscode.workspace.fs.readFile(sample(`agreement/${ARTICLE}.${annotator}.report.md`))).toString('utf8');
      copies.push(await temp.write(`${ARTICLE}.${annotator}.report.md`, `${text.replace(/^text_sha256: .*\n/m, '')}\nCopied for a test.\n`));
    }
    // Opened, the copies are known to the server at once (not only once its file watcher reports them).
    for (const copy of copies) await vscode.workspace.openTextDocument(copy);
    await open(copies[1]);

    const made = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.adjudicate);
    const expected = vscode.Uri.joinPath(temp.uri, `${ARTICLE}.adjudicated.report.md`);
    assert.strictEqual(made?.toString(), expected.toString());
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), expected.toString());
    assert.strictEqual(editor.document.isDirty, false, 'the new reference is saved');
    const onDisk = Buffer.from(await vscode.workspace.fs.readFile(expected)).toString('utf8');
    assert.strictEqual(onDisk, editor.document.getText());
    assert.match(onDisk, /\nannotator: adjudicated\nstatus: draft\nadjudicated_from:\n {2}- middlesbrough\.jd\.report\.md\n/);

    const initial = candidatesOf(await waitForDiagnostics(expected, (d) => candidatesOf(d).length === 6, 'six candidates'));
    assert.ok(initial.every((d) => d.severity === vscode.DiagnosticSeverity.Information));

    // From the top of the file: the first candidate, then the second.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const first = await vscode.commands.executeCommand<vscode.Range | undefined>(Commands.nextDisagreement);
    assert.ok(first?.isEqual(initial[0].range));
    assert.ok(editor.selection.active.isEqual(initial[0].range.start));
    await vscode.commands.executeCommand(Commands.nextDisagreement);
    assert.ok(editor.selection.active.isEqual(initial[1].range.start));

    // Settle the first: jd's and rs's version.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', expected, initial[0].range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((action) => action.title);
    assert.deepStrictEqual(titles.filter((title) => title.startsWith('Take') || title.startsWith('Code')), ['Take jd\'s and rs\'s version', 'Code nothing here']);
    const take = actions.find((action) => action.title === 'Take jd\'s and rs\'s version')!;
    assert.strictEqual(take.isPreferred, false);
    assert.ok(take.edit && (await vscode.workspace.applyEdit(take.edit)));
    assert.ok(editor.document.getText().includes('[a number of recommendations have been made to improve the delivery of services for young people with disabilities and special educational needs]{.recommendation}'));
    const left = candidatesOf(await waitForDiagnostics(expected, (d) => candidatesOf(d).length === 5, 'five candidates'));

    // The next after the last wraps round to the first.
    editor.selection = new vscode.Selection(left[4].range.start, left[4].range.start);
    await vscode.commands.executeCommand(Commands.nextDisagreement);
    assert.ok(editor.selection.active.isEqual(left[0].range.start));
    await vscode.commands.executeCommand(Commands.nextDisagreement);
    assert.ok(editor.selection.active.isEqual(left[1].range.start));
    // The candidate under the cursor, with its message and fixes in the hover.
    await vscode.commands.executeCommand('editor.action.showHover');
    const shot = await takeScreenshot('adjudication');
    if (shot) assert.ok(shot.endsWith('adjudication.png'));

    // Adjudicating again (from a copy) keeps what was settled.
    await open(copies[0]);
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.adjudicate);
    assert.strictEqual(again?.toString(), expected.toString());
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), expected.toString());
    assert.ok(vscode.window.activeTextEditor!.document.getText().includes(']{.recommendation}'));
    await waitForDiagnostics(expected, (d) => candidatesOf(d).length === 5, 'still five candidates');
  });

  it('says every disagreement is settled once none is left', async () => {
    const expected = vscode.Uri.joinPath(temp.uri, `${ARTICLE}.adjudicated.report.md`);
    await open(expected);
    for (let round = 0; ; round++) {
      const [candidate] = candidatesOf(await waitForDiagnostics(expected, (d) => candidatesOf(d).length === 5 - round, `${5 - round} candidates`));
      if (!candidate) break;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', expected, candidate.range, vscode.CodeActionKind.QuickFix.value);
      const nothing = actions.find((action) => action.title === 'Code nothing here');
      assert.ok(nothing?.edit && (await vscode.workspace.applyEdit(nothing.edit)));
    }
    assert.match(vscode.window.activeTextEditor!.document.getText(), /\ncandidates: \[\]\n---\n/);
    assert.strictEqual(await vscode.commands.executeCommand(Commands.nextDisagreement), undefined);
  });

  it('writes nothing for an article with one annotator\'s copy', async () => {
    const alone = await temp.write('alone.report.md', '---\narea: Darlington\nframework: "2016"\ninspection_type: full\noutcome: no_wsoa\nannotator: jd\nstatus: draft\n---\nAn article no other annotator has coded.\n');
    await open(alone);
    assert.strictEqual(await vscode.commands.executeCommand(Commands.adjudicate), undefined);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), alone.toString());
  });
});
