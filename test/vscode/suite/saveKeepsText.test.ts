/**
 * Saving a report writes the article as it is: the extension's defaults for
 * the report language turn off the editor's save-time clean-ups (trailing
 * white space, final newlines) that would change the article and so its
 * fingerprint, even where a user has them on for every file.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, open, TempFolder } from './helpers';

describe('saving a report keeps the article byte for byte', function () {
  this.timeout(60_000);
  let temp: TempFolder;
  const settings = ['trimTrailingWhitespace', 'trimFinalNewlines', 'insertFinalNewline'] as const;

  before(async () => {
    await activate();
    temp = await TempFolder.create('save');
    // As a user who tidies every file on save would have it.
    const files = vscode.workspace.getConfiguration('files');
    for (const setting of settings) await files.update(setting, true, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    const files = vscode.workspace.getConfiguration('files');
    for (const setting of settings) await files.update(setting, undefined, vscode.ConfigurationTarget.Global);
    await temp.dispose();
  });

  it('leaves trailing spaces, blank last lines and a missing final newline as they are', async () => {
    const text = '---\narea: Darlington\n---\nA line that ends in two spaces  \nA tab\t\n\n\nNo newline at the end';
    const uri = await temp.write('tidy.report.md', text);
    const editor = await open(uri);
    assert.strictEqual(editor.document.languageId, 'inspection-report');
    for (const setting of settings) assert.strictEqual(vscode.workspace.getConfiguration('files', editor.document).get(setting), false, `files.${setting} for reports`);
    // An edit in the front matter only, then a save: the body must be written back unchanged.
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), 'status: draft\n'));
    assert.ok(await editor.document.save(), 'saved');
    const saved = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    assert.strictEqual(saved, text.replace('---\narea', '---\nstatus: draft\narea'));
  });
});
