/**
 * Smoke test for the real-VS-Code harness: the suite runs inside VS Code 1.100,
 * the workspace folder is open, and a `*.report.md` file opens with the
 * extension's `inspection-report` language (a static contribution from the
 * extension's package.json, so it needs the development extension loaded, not
 * activated).
 *
 * Uses the first `*.report.md` in the workspace; if there is none, it writes a
 * throwaway `.smoke-<time>.report.md` into the workspace folder and deletes it
 * afterwards.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';

const SAMPLE = `---
provider: Smoke Test Primary School
---
# Smoke test report

Pupils with SEND are well supported.
`;

describe('smoke: extension in a real VS Code', () => {
  it('runs inside VS Code 1.100', () => {
    assert.ok(vscode.version.startsWith('1.100'), `vscode.version is ${vscode.version}`);
  });

  it('has the workspace folder open', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.ok(folders.length > 0, 'no workspace folder is open');
    assert.strictEqual(folders[0].uri.scheme, 'file');
  });

  it('has loaded a (non built-in) extension contributing the inspection-report language', () => {
    const contributors = vscode.extensions.all.filter(ext => {
      const languages = (ext.packageJSON?.contributes?.languages ?? []) as Array<{ id?: string }>;
      return languages.some(l => l.id === 'inspection-report');
    });
    assert.strictEqual(contributors.length, 1, `contributors: ${contributors.map(e => e.id).join(', ') || 'none'}`);
    assert.ok(!contributors[0].packageJSON.isBuiltin, `${contributors[0].id} is a built-in extension`);
  });

  it('opens a *.report.md file as inspection-report', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');

    let uri: vscode.Uri;
    let created: vscode.Uri | undefined;
    const found = await vscode.workspace.findFiles(
      new vscode.RelativePattern(folder, '**/*.report.md'),
      '**/node_modules/**',
      1,
    );
    if (found.length > 0) {
      uri = found[0];
    } else {
      created = vscode.Uri.joinPath(folder.uri, `.smoke-${Date.now()}.report.md`);
      await vscode.workspace.fs.writeFile(created, Buffer.from(SAMPLE, 'utf8'));
      uri = created;
    }

    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: false });
      assert.strictEqual(doc.languageId, 'inspection-report', `${uri.fsPath} opened as ${doc.languageId}`);
    } finally {
      if (created) {
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await vscode.workspace.fs.delete(created, { useTrash: false });
      }
    }
  });
});
