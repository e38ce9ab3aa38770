/**
 * Rename of a code and of a theme through VS Code's rename provider: one
 * WorkspaceEdit across the reports that use them and the workspace codebook.
 *
 * Needs a workspace codebook: the suite writes samples/codebook.yaml (marked
 * as its own, removed afterwards, also when a later run finds it left over)
 * defining a code and a theme, and two reports in a temporary folder that use
 * them. It is skipped if the workspace has a codebook.yaml of its own.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, closeEditorsOf, findingsDiagnostics, open, positionAfter, sample, TempFolder, waitFor, waitForDiagnostics } from './helpers';
import type { FindingsApi } from '../../../client/extension';

const MARKER = '# Written by the VS Code test suite (test/vscode/suite/rename.test.ts); safe to delete.';
const CODEBOOK = `${MARKER}
extends: send
name: suite
version: "1"
codes:
  good-practice:
    label: Good practice
    description: A practice the inspectors single out as worth copying.
    color: "#00796b"
    attributes:
      theme: { required: true, values: themes, multiple: true }
themes:
  transport:
    label: Home-to-school transport
    definition: Transport to school or college for children with SEND.
`;

const report = (sentence: string): string => `---
area: Darlington
framework: "2016"
inspection_type: full
outcome: no_wsoa
annotator: suite
status: draft
---
${sentence}
`;

function editedFiles(edit: vscode.WorkspaceEdit): Map<string, vscode.TextEdit[]> {
  return new Map(edit.entries().map(([uri, edits]) => [uri.toString(), edits]));
}

describe('rename', function () {
  this.timeout(90_000);
  let api: FindingsApi;
  let temp: TempFolder | undefined;
  const codebookUri = (): vscode.Uri => sample('codebook.yaml');

  async function codebookFile(): Promise<string | undefined> {
    try {
      return Buffer.from(await vscode.workspace.fs.readFile(codebookUri())).toString('utf8');
    } catch {
      return undefined;
    }
  }

  before(async function () {
    api = await activate();
    const existing = await codebookFile();
    if (existing !== undefined && !existing.startsWith(MARKER)) this.skip();
    if (existing !== undefined) await vscode.workspace.fs.delete(codebookUri());
  });

  after(async () => {
    await closeEditorsOf(codebookUri());
    await temp?.dispose();
    if ((await codebookFile())?.startsWith(MARKER)) {
      await vscode.workspace.fs.delete(codebookUri(), { useTrash: false });
      // Later tests see the built-in codebook again.
      await waitFor(async () => ((await api.codebook(sample('darlington.report.md'))).name === 'send' ? true : undefined), {
        pollMs: 200,
        what: 'the server to drop the workspace codebook',
      });
    }
  });

  it('refuses to rename a built-in code while the workspace has no codebook.yaml, saying why', async () => {
    const document = (await open(sample('darlington.report.md'))).document;
    const at = positionAfter(document, '{.weak');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, at, 'concern')),
      (error: Error) => /built-in codebook/.test(error.message) && /codebook\.yaml/.test(error.message),
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  describe('with a workspace codebook', () => {
    let first: vscode.TextDocument;
    let second: vscode.TextDocument;

    before(async () => {
      temp = await TempFolder.create('rename');
      await vscode.workspace.fs.writeFile(codebookUri(), Buffer.from(CODEBOOK, 'utf8'));
      const a = await temp.write('first.report.md', report('Inspectors praised [the travel training scheme]{.good-practice theme=transport}.'));
      const b = await temp.write('second.report.md', report('They also noted [a new bus route]{.good-practice theme="transport education"} and [the inclusion hub]{.good-practice theme=education}.'));
      second = (await open(b)).document;
      first = (await open(a)).document;
      await waitFor(async () => ((await api.codebook(a)).codes.some((c) => c.name === 'good-practice') ? true : undefined), {
        pollMs: 200,
        what: 'the server to load samples/codebook.yaml',
      });
      await waitForDiagnostics(a, (d) => d.length === 0, 'no problems once the codebook defines good-practice');
    });

    it('renames a code in every report that uses it and in codebook.yaml', async () => {
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', first.uri, positionAfter(first, '{.good'), 'exemplary');
      const files = editedFiles(edit);
      assert.deepStrictEqual([...files.keys()].sort(), [codebookUri().toString(), first.uri.toString(), second.uri.toString()].sort());
      assert.strictEqual(files.get(first.uri.toString())!.length, 1);
      assert.strictEqual(files.get(second.uri.toString())!.length, 2);
      for (const edits of files.values()) for (const e of edits) assert.strictEqual(e.newText, 'exemplary');
      for (const e of files.get(second.uri.toString())!) assert.strictEqual(second.getText(e.range), 'good-practice');

      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(first.getText().includes('{.exemplary theme=transport}'), first.getText());
      assert.ok(second.getText().includes('{.exemplary theme=education}'), second.getText());
      const codebook = vscode.workspace.textDocuments.find((d) => d.uri.toString() === codebookUri().toString());
      assert.ok(codebook?.getText().includes('  exemplary:'), codebook?.getText());
      await codebook?.save();
      // The renamed code is defined: still no problems.
      await waitForDiagnostics(first.uri, (d) => d.length === 0, 'no problems after the rename');
    });

    it('renames a theme, also inside a quoted list of themes', async () => {
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', second.uri, positionAfter(second, 'theme="tra'), 'school-travel');
      const files = editedFiles(edit);
      assert.deepStrictEqual([...files.keys()].sort(), [codebookUri().toString(), first.uri.toString(), second.uri.toString()].sort());
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(second.getText().includes('theme="school-travel education"'), second.getText());
      assert.ok(first.getText().includes('theme=school-travel}'), first.getText());
      const codebook = vscode.workspace.textDocuments.find((d) => d.uri.toString() === codebookUri().toString());
      assert.ok(codebook?.getText().includes('  school-travel:'), codebook?.getText());
      await codebook?.save();
      await waitForDiagnostics(second.uri, (d) => d.length === 0, 'no problems after the theme rename');
      assert.deepStrictEqual(findingsDiagnostics(first.uri), []);
    });
  });
});
