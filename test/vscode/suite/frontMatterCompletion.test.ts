/**
 * The article text in the editor: the `---` completion above a pasted
 * article leaves the article as pasted and records its fingerprint; an
 * edited article gets the text-fingerprint diagnostic, whose quick fixes
 * show the difference from the source file and accept the edit.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, labelOf, open, repoRoot, ruleOf, TempFolder, waitFor, waitForDiagnostics } from './helpers';

const SEED = '003_567efeca54de0dd7.txt';
const ORIGINAL = 'looked at how providers across Darlington';
const EDITED = 'looked at how the providers across Darlington';

function seed(): string {
  return fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'seeds', SEED), 'utf8');
}

describe('front matter completion and the article fingerprint', function () {
  this.timeout(90_000);
  let temp: TempFolder;

  before(async () => {
    await activate();
    temp = await TempFolder.create('fingerprint');
  });

  after(async () => {
    await temp.dispose();
  });

  it('accepting `---` above a pasted article keeps the article as pasted, with its fingerprint recorded', async () => {
    const article = seed();
    const editor = await open(await temp.write('pasted.report.md', ''));
    const document = editor.document;
    // The article pasted into the new report, then a line made above it and `---` typed there.
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), article)));
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '\n')));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('type', { text: '---' });
    assert.strictEqual(document.lineAt(0).text, '---');

    const position = new vscode.Position(0, 3);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    const offered = list.items.filter((item) => labelOf(item) === '---');
    assert.strictEqual(offered.length, 1, `offered once, not ${offered.length} times`);
    const item = offered[0];
    assert.strictEqual(item.detail, 'New front matter');
    assert.ok(item.insertText instanceof vscode.SnippetString, 'a snippet');
    const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
    assert.ok(await editor.insertSnippet(item.insertText, range));

    const text = document.getText();
    const bodyStart = text.indexOf('\n---\n', 3) + 5;
    assert.ok(bodyStart > 5, 'a closed front matter');
    assert.strictEqual(text.slice(bodyStart), article, 'the body is the article exactly as pasted');
    assert.match(text.slice(0, bodyStart), /\ntext_sha256: "[0-9a-f]{64}"\n---\n$/);

    // The server's verdict on the new text: its required fields wait for values, its fingerprint matches.
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'field-type') && !d.some((x) => ruleOf(x).startsWith('frontmatter-')), 'the front matter checked');
    assert.deepStrictEqual(diagnostics.filter((d) => ruleOf(d) === 'text-fingerprint').map((d) => d.message), []);
    await vscode.commands.executeCommand('leaveSnippet');
  });

  it('an edited article: "Show the difference" opens the source beside the clean text, "Accept the edited text" clears it', async () => {
    await temp.write('darlington.txt', seed());
    const sample = fs.readFileSync(path.join(repoRoot(), 'samples', 'darlington.report.md'), 'utf8');
    const text = sample.replace('  publisher: The Northern Echo\n', '  publisher: The Northern Echo\n  file: darlington.txt\n').replace(ORIGINAL, EDITED);
    const editor = await open(await temp.write('edited.report.md', text));
    const uri = editor.document.uri;
    const [problem] = (await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'text-fingerprint'), 'text-fingerprint')).filter((d) => ruleOf(d) === 'text-fingerprint');
    assert.ok(editor.document.lineAt(problem.range.start.line).text.includes(EDITED), 'on the line that changed');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem.range, vscode.CodeActionKind.QuickFix.value);
    assert.deepStrictEqual(actions.map((a) => a.title).filter((t) => t !== undefined && /difference|Accept/.test(t)), ['Accept the edited text', 'Show the difference']);
    const show = actions.find((a) => a.title === 'Show the difference')!;
    assert.ok(show.command, 'a command');
    await vscode.commands.executeCommand(show.command.command, ...(show.command.arguments ?? []));
    const diff = await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.input).find((input): input is vscode.TabInputTextDiff => input instanceof vscode.TabInputTextDiff && input.modified.scheme === 'findings-clean-text'),
      { events: [vscode.window.tabGroups.onDidChangeTabs], what: 'the diff editor' });
    assert.strictEqual(diff.original.toString(), vscode.Uri.joinPath(temp.uri, 'darlington.txt').toString());
    const clean = await vscode.workspace.openTextDocument(diff.modified);
    assert.strictEqual(clean.getText(), seed().replace(ORIGINAL, EDITED), 'the clean text, from the server');

    const accept = actions.find((a) => a.title === 'Accept the edited text')!;
    assert.ok(accept.edit && (await vscode.workspace.applyEdit(accept.edit)));
    await waitForDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === 'text-fingerprint'), 'text-fingerprint to go');
    assert.ok(editor.document.getText().includes(EDITED), 'the article keeps the edit');
    await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff));
  });
});
