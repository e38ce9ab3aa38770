/**
 * "Open Codebook" and "Restart Language Server".
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, open, sample, waitFor, waitForDiagnostics } from './helpers';
import type { FindingsApi } from '../../../client/extension';

describe('commands', function () {
  this.timeout(60_000);
  let api: FindingsApi;

  before(async () => {
    api = await activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('findings.openCodebook opens the built-in codebook (a read-only virtual document) when the workspace has none', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('findings.openCodebook');
    assert.strictEqual(uri.scheme, 'findings-codebook');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === uri.toString(), 'the codebook is not the active editor');
    assert.strictEqual(editor.document.languageId, 'yaml');
    assert.match(editor.document.getText(), /^codes:$/m);
    // The same codebook the server uses.
    const codebook = await api.codebook();
    for (const code of codebook.codes) assert.ok(editor.document.getText().includes(`  ${code.name}:`), `${code.name} is not in the text`);
  });

  it('findings.restartServer restarts the server, which serves again', async () => {
    const uri = sample('broken/no-front-matter.report.md');
    await open(uri);
    await waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics before the restart');
    const restarted = await vscode.commands.executeCommand<boolean>('findings.restartServer');
    assert.strictEqual(restarted, true);
    // The new server learns of the open report as it starts: ask until it knows it.
    const counts = await waitFor(async () => (await api.documentCounts(uri)) ?? undefined, { pollMs: 100, what: 'the counts from the restarted server' });
    assert.ok(counts.errors > 0, JSON.stringify(counts));
    await waitForDiagnostics(uri, (d) => d.some((x) => String(x.code) === 'frontmatter-missing'), 'diagnostics after the restart');
  });
});
