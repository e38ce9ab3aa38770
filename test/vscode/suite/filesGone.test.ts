/**
 * A report deleted, renamed or moved on disk leaves nothing behind: its
 * problems leave the Problems panel within seconds (the server watches the
 * files and clears what it gave), they follow a renamed report to its new
 * name, and the summary panel's current report falls back to another.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, closeEditorsOf, findingsDiagnostics, open, sample, TempFolder, waitFor, waitForDiagnostics } from './helpers';
import type { FindingsApi } from '../../../client/extension';

/** "Within a few seconds": the client pulls the workspace every two. */
const GONE_WITHIN_MS = 8_000;

describe('reports that go from disk', function () {
  this.timeout(60_000);
  let api: FindingsApi;
  /** For reports the server reads from disk (it skips hidden folders). */
  let temp: TempFolder;
  /** For reports a test opens: the editor may keep them open after their tab closes, and a hidden folder is never in the samples' dataset. */
  let hidden: TempFolder;

  before(async () => {
    api = await activate();
    temp = await TempFolder.createVisible('gone');
    hidden = await TempFolder.create('gone');
  });

  after(async () => {
    api.summaryPanel.close();
    await temp.dispose();
    await hidden.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const hasProblems = (d: vscode.Diagnostic[]) => d.length > 0;
  const noProblems = (d: vscode.Diagnostic[]) => d.length === 0;

  it('a report deleted on disk leaves the Problems panel', async () => {
    const uri = await temp.copy('broken/spans.report.md', 'deleted.report.md');
    await waitForDiagnostics(uri, hasProblems, 'the problems of a report that is not open');
    fs.rmSync(uri.fsPath);
    await waitForDiagnostics(uri, noProblems, 'the deleted report to leave the Problems panel', GONE_WITHIN_MS);
  });

  it('a report renamed on disk takes its problems to its new name', async () => {
    const before = await temp.copy('broken/spans.report.md', 'before.report.md');
    const problems = await waitForDiagnostics(before, hasProblems, 'the problems before the rename');
    const after = vscode.Uri.joinPath(temp.uri, 'after.report.md');
    fs.renameSync(before.fsPath, after.fsPath);
    await waitForDiagnostics(before, noProblems, 'the old name to leave the Problems panel', GONE_WITHIN_MS);
    const moved = await waitForDiagnostics(after, (d) => d.length === problems.length, 'the problems under the new name', GONE_WITHIN_MS);
    assert.deepStrictEqual(moved.map((d) => d.message), problems.map((d) => d.message));
  });

  it('a report deleted while open leaves the Problems panel once its editor closes', async () => {
    const uri = await hidden.copy('broken/spans.report.md', 'open-then-deleted.report.md');
    await open(uri);
    await waitForDiagnostics(uri, hasProblems, 'the problems of the open report');
    fs.rmSync(uri.fsPath);
    await closeEditorsOf(uri);
    // The editor may keep the document open long after its tab closed: the problems must go all the same.
    await waitForDiagnostics(uri, noProblems, 'the deleted report to leave the Problems panel', GONE_WITHIN_MS).catch((error: Error) => {
      const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
      throw new Error(`${error.message} (the document is ${open ? 'still open' : 'closed'})`);
    });
    assert.deepStrictEqual(findingsDiagnostics(uri), []);
  });

  it("the summary's current report follows a report renamed in the editor", async () => {
    const before = await temp.copy('middlesbrough.report.md', 'summary-before.report.md');
    api.summaryPanel.show({ scope: 'document', uri: before });
    await waitFor(() => (api.summaryPanel.current?.posted?.totals.reports === 1 && api.summaryPanel.current.documentUri === before.toString() ? true : undefined), {
      events: [api.summaryPanel.onDidChange], what: 'the summary of the report', timeoutMs: 30_000,
    });
    const after = vscode.Uri.joinPath(temp.uri, 'summary-after.report.md');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(before, after);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const info = await waitFor(() => {
      const current = api.summaryPanel.current;
      return current?.documentUri === after.toString() && current.posted?.report?.uri === after.toString() ? current : undefined;
    }, { events: [api.summaryPanel.onDidChange], what: 'the summary of the renamed report', timeoutMs: GONE_WITHIN_MS * 2 });
    assert.strictEqual(info.error, null);
    await closeEditorsOf(after);
  });

  it("the summary's current report falls back to the active one when it is deleted", async () => {
    api.summaryPanel.close();
    const active = sample('darlington.report.md');
    await open(active);
    const doomed = await temp.copy('middlesbrough.report.md', 'doomed.report.md');
    api.summaryPanel.show({ scope: 'document', uri: doomed });
    await waitFor(() => (api.summaryPanel.current?.posted?.totals.reports === 1 && api.summaryPanel.current.documentUri === doomed.toString() ? true : undefined), {
      events: [api.summaryPanel.onDidChange], what: 'the summary of the doomed report', timeoutMs: 30_000,
    });
    fs.rmSync(doomed.fsPath);
    const info = await waitFor(() => {
      const current = api.summaryPanel.current;
      return current && current.documentUri === active.toString() && current.posted ? current : undefined;
    }, { events: [api.summaryPanel.onDidChange], what: 'the summary to fall back to the active report', timeoutMs: GONE_WITHIN_MS * 2 });
    assert.strictEqual(info.error, null);
    assert.strictEqual(path.basename(vscode.Uri.parse(info.posted!.report!.uri).path), 'darlington.report.md');
  });
});
