/**
 * "Export Findings…" writes what `findings export` writes, byte for byte;
 * asks first when reports in scope have unsaved changes ("Save all and
 * export", "Export the saved files", Cancel), and either way writes what the
 * CLI writes from the files; warns before exporting reports with errors (the
 * broken samples); leaves no file behind when refused or cancelled. Also the summary and index events
 * the panel is built on, and the problems of `.findingsignore`d reports.
 * Exports go to a temporary folder outside the workspace.
 */
import * as assert from 'assert';
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { FindingsApi } from '../../../client/extension';
import { errorsMessage, unsavedMessage } from '../../../client/export/exportPrompts';
import type { ExportCheckResult, FindingsExportFormat } from '../../../protocol/export';
import { activate, cliCheck, findingsDiagnostics, open, repoRoot, sample, TempFolder, waitForDiagnostics, workspaceFolder } from './helpers';

const FORMATS: readonly FindingsExportFormat[] = ['jsonl', 'csv', 'json'];

/** `findings <args>` run by the repository's CLI at the workspace folder's root; its stdout. */
function cli(...args: string[]): string {
  const result = childProcess.spawnSync(process.execPath, [path.join(repoRoot(), 'bin', 'findings.js'), ...args], {
    cwd: workspaceFolder().uri.fsPath,
    encoding: 'utf8',
    // In an Electron extension host, process.execPath is Electron: make it act as Node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  assert.strictEqual(result.status, 0, `findings ${args.join(' ')} exited with ${result.status}: ${result.stderr || result.error}`);
  return result.stdout;
}

describe('export findings', function () {
  this.timeout(120_000);
  let api: FindingsApi;
  let out: string;
  const brokenScope = () => ({ kind: 'folder' as const, uri: sample('broken').toString() });

  before(async () => {
    api = await activate();
  });
  beforeEach(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'findings-export-'));
  });
  afterEach(() => {
    fs.rmSync(out, { recursive: true, force: true });
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const format of FORMATS) {
    it(`writes the workspace as ${format}, byte for byte \`findings export . --format ${format}\``, async () => {
      const target = path.join(out, `findings.${format}`);
      const result = await api.exportFindings({ scope: { kind: 'workspace' }, format, target });
      assert.strictEqual(result.outcome, 'written');
      if (result.outcome !== 'written') return;
      assert.strictEqual(result.uri.fsPath, target);
      const expected = cli('export', '.', '--format', format);
      assert.ok(fs.readFileSync(target).equals(Buffer.from(expected, 'utf8')), `${format}: the file differs from the CLI's output`);
      assert.strictEqual(result.documents, 5);
      assert.deepStrictEqual(result.check, { reports: 5, reportsWithErrors: 0, errors: 0, unsaved: [] });
      assert.deepStrictEqual(fs.readdirSync(out), [`findings.${format}`], 'no temporary file is left');
    });
  }

  it('runs as the command findings.exportFindings with the same options', async () => {
    const target = vscode.Uri.file(path.join(out, 'command.jsonl'));
    const result = await vscode.commands.executeCommand<{ outcome: string; findings: number }>('findings.exportFindings', { scope: { kind: 'workspace' }, format: 'jsonl', target });
    assert.strictEqual(result.outcome, 'written');
    const expected = cli('export', '.', '--format', 'jsonl');
    assert.strictEqual(fs.readFileSync(target.fsPath, 'utf8'), expected);
    assert.strictEqual(result.findings, expected.trim().split('\n').length);
  });

  it('exports one report as `findings export <file>`', async () => {
    const target = path.join(out, 'one.csv');
    const result = await api.exportFindings({ scope: { kind: 'document', uri: sample('darlington.report.md').toString() }, format: 'csv', target });
    assert.strictEqual(result.outcome, 'written');
    assert.strictEqual(fs.readFileSync(target, 'utf8'), cli('export', 'darlington.report.md', '--format', 'csv'));
  });

  describe('the broken samples', () => {
    let check: ExportCheckResult;

    before(async () => {
      check = await api.exportCheck(brokenScope());
      const files = cliCheck(path.join(workspaceFolder().uri.fsPath, 'broken'));
      const errors = files.map((file) => file.diagnostics.filter((d) => d.severity === 'error').length);
      assert.deepStrictEqual(check, { reports: files.length, reportsWithErrors: errors.filter((n) => n > 0).length, errors: errors.reduce((a, b) => a + b, 0) });
      assert.ok(check.reportsWithErrors >= 6, JSON.stringify(check));
    });

    it('asks before exporting reports with errors, naming how many; dismissing writes nothing', async () => {
      const target = path.join(out, 'refused.jsonl');
      const asked: ExportCheckResult[] = [];
      const result = await api.exportFindings({ scope: brokenScope(), format: 'jsonl', target, confirmErrors: (c) => void asked.push(c) });
      assert.deepStrictEqual(asked, [{ ...check, unsaved: [] }], 'the errors warning was shown once, with the counts');
      assert.strictEqual(result.outcome, 'refused');
      assert.ok(!fs.existsSync(target));
      assert.deepStrictEqual(fs.readdirSync(out), []);
      const message = errorsMessage(check);
      assert.ok(message.includes(`${check.reportsWithErrors} of ${check.reports} reports`) && message.includes(`${check.errors} errors`), message);
    });

    it('"Show Problems" opens the Problems view and writes nothing', async () => {
      const target = path.join(out, 'problems.jsonl');
      const result = await api.exportFindings({ scope: brokenScope(), format: 'jsonl', target, confirmErrors: () => 'Show Problems' });
      assert.deepStrictEqual(result.outcome === 'refused' && result.choice, 'Show Problems');
      assert.ok(!fs.existsSync(target));
      await vscode.commands.executeCommand('workbench.action.closePanel');
    });

    it('"Export anyway" writes what `findings export broken --allow-errors` writes', async () => {
      for (const format of FORMATS) {
        const target = path.join(out, `anyway.${format}`);
        const result = await api.exportFindings({ scope: brokenScope(), format, target, confirmErrors: () => 'Export anyway' });
        assert.strictEqual(result.outcome, 'written');
        assert.strictEqual(fs.readFileSync(target, 'utf8'), cli('export', 'broken', '--format', format, '--allow-errors'), format);
      }
    });

    it('allowErrors: false refuses without asking; true exports without asking', async () => {
      const never = () => {
        throw new Error('asked');
      };
      const refused = await api.exportFindings({ scope: brokenScope(), format: 'json', target: path.join(out, 'no.json'), allowErrors: false, confirmErrors: never });
      assert.strictEqual(refused.outcome, 'refused');
      const written = await api.exportFindings({ scope: brokenScope(), format: 'json', target: path.join(out, 'yes.json'), allowErrors: true, confirmErrors: never });
      assert.strictEqual(written.outcome, 'written');
      assert.deepStrictEqual(fs.readdirSync(out), ['yes.json']);
    });

    it('lists the problems of the ignored reports without their being opened (workspace diagnostics)', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const file of cliCheck(path.join(workspaceFolder().uri.fsPath, 'broken'))) {
        const uri = vscode.Uri.file(file.path);
        await waitForDiagnostics(uri, (d) => d.length === file.diagnostics.length, `the problems of ${path.basename(file.path)}`, 30_000);
      }
    });
  });

  describe('reports with unsaved changes', () => {
    let temp: TempFolder;
    let editor: vscode.TextEditor;
    let relative: string;
    let saved: string;
    const never = () => {
      throw new Error('asked');
    };
    // An unsaved edit: a finding and an error (a misspelt code) that the file does not have.
    const addEdit = () => {
      const body = editor.document.getText().indexOf('\n---\n') + 5;
      return editor.edit((edit) => edit.insert(editor.document.positionAt(body), '[Unsaved]{.weakness theme=health} [finding]{.weaknes theme=health} '));
    };
    const scope = () => ({ kind: 'document' as const, uri: editor.document.uri.toString() });

    beforeEach(async () => {
      temp = await TempFolder.create('export-unsaved');
      const uri = await temp.copy('darlington.report.md', 'unsaved.report.md');
      relative = path.relative(workspaceFolder().uri.fsPath, uri.fsPath).split(path.sep).join('/');
      saved = cli('export', relative, '--format', 'jsonl');
      editor = await open(uri);
      assert.ok(await addEdit());
      assert.ok(editor.document.isDirty);
    });
    afterEach(async () => {
      await temp.dispose();
    });

    it('"Export the saved files" writes what `findings export` writes from the file, and asks nothing about the errors only the editor has', async () => {
      const asked: string[][] = [];
      const target = path.join(out, 'saved.jsonl');
      const result = await api.exportFindings({ scope: scope(), format: 'jsonl', target, confirmUnsaved: (uris) => (asked.push(uris.map(String)), 'Export the saved files'), confirmErrors: never });
      assert.deepStrictEqual(asked, [[editor.document.uri.toString()]], 'asked once, naming the report');
      assert.strictEqual(result.outcome, 'written');
      assert.strictEqual(result.outcome === 'written' && result.unsaved, 'Export the saved files');
      assert.strictEqual(fs.readFileSync(target, 'utf8'), saved, 'the bytes of `findings export` on the saved file');
      assert.ok(!saved.includes('Unsaved'));
      assert.ok(editor.document.isDirty, 'the edits stay unsaved');
    });

    it('"Save all and export" saves the report, then checks and writes the saved file', async () => {
      const errorsAsked: ExportCheckResult[] = [];
      const target = path.join(out, 'all.jsonl');
      const result = await api.exportFindings({
        scope: scope(), format: 'jsonl', target,
        confirmUnsaved: () => 'Save all and export',
        confirmErrors: (check) => (errorsAsked.push(check), 'Export anyway'),
      });
      assert.strictEqual(result.outcome, 'written');
      assert.ok(!editor.document.isDirty, 'saved');
      assert.deepStrictEqual(errorsAsked.map((check) => check.reportsWithErrors), [1], 'the saved file has the error, and the warning says so');
      const expected = cli('export', relative, '--format', 'jsonl', '--allow-errors');
      assert.ok(expected.includes('Unsaved'));
      assert.strictEqual(fs.readFileSync(target, 'utf8'), expected);
      // Nothing unsaved now: nothing asked.
      const again = await api.exportFindings({ scope: scope(), format: 'jsonl', target, confirmUnsaved: never, allowErrors: true });
      assert.strictEqual(again.outcome === 'written' && again.unsaved, undefined);
    });

    it('Cancel (the modal closed) writes nothing and saves nothing', async () => {
      const target = path.join(out, 'cancelled.jsonl');
      const result = await api.exportFindings({ scope: scope(), format: 'jsonl', target, confirmUnsaved: () => undefined, confirmErrors: never });
      assert.strictEqual(result.outcome, 'cancelled');
      assert.ok(!fs.existsSync(target));
      assert.ok(editor.document.isDirty);
    });

    it('asks about the reports in scope only', async () => {
      const target = path.join(out, 'workspace.jsonl');
      // The edited report lies in a folder the dataset skips: exporting the workspace asks nothing.
      const result = await api.exportFindings({ scope: { kind: 'workspace' }, format: 'jsonl', target, confirmUnsaved: never });
      assert.strictEqual(result.outcome, 'written');
      assert.strictEqual(fs.readFileSync(target, 'utf8'), cli('export', '.', '--format', 'jsonl'));
    });

    it('names the unsaved files in the modal', () => {
      assert.match(unsavedMessage([editor.document.uri]), new RegExp(`A file in scope has unsaved changes \\(${relative.replace(/[.]/g, '\\.')}\\)`));
      const many = ['a', 'b', 'c', 'd', 'e'].map((name) => vscode.Uri.joinPath(workspaceFolder().uri, `${name}.report.md`));
      assert.strictEqual(unsavedMessage(many), '5 files in scope have unsaved changes (a.report.md, b.report.md, c.report.md and 2 more). Save them before exporting?');
    });
  });

  it('a cancelled export writes nothing and leaves no temporary file', async () => {
    const target = path.join(out, 'cancelled.json');
    const source = new vscode.CancellationTokenSource();
    const pending = api.exportFindings({ scope: { kind: 'workspace' }, format: 'json', target, token: source.token });
    source.cancel();
    const result = await pending;
    assert.strictEqual(result.outcome, 'cancelled');
    assert.deepStrictEqual(fs.readdirSync(out), []);
    source.dispose();
  });

  it('an export does not replace the file until it is written whole', async () => {
    const target = path.join(out, 'existing.jsonl');
    fs.writeFileSync(target, 'previous\n');
    const source = new vscode.CancellationTokenSource();
    source.cancel();
    assert.strictEqual((await api.exportFindings({ scope: { kind: 'workspace' }, format: 'jsonl', target, token: source.token })).outcome, 'cancelled');
    assert.strictEqual(fs.readFileSync(target, 'utf8'), 'previous\n', 'a cancelled export leaves the old file alone');
    assert.strictEqual((await api.exportFindings({ scope: { kind: 'workspace' }, format: 'jsonl', target })).outcome, 'written');
    assert.strictEqual(fs.readFileSync(target, 'utf8'), cli('export', '.', '--format', 'jsonl'));
    assert.deepStrictEqual(fs.readdirSync(out), ['existing.jsonl']);
  });
});

describe('summary and index events', function () {
  this.timeout(60_000);
  let api: FindingsApi;
  let temp: TempFolder;

  before(async () => {
    api = await activate();
    temp = await TempFolder.create('export');
  });
  after(async () => {
    await temp.dispose();
  });

  it('summarises the workspace as `findings stats .` counts it', async () => {
    const stats = JSON.parse(cli('stats', '.', '--format', 'json')) as { documents: number; spans: number; byCode: Record<string, number>; byCodeAndTheme: unknown };
    const summary = await api.summary({ kind: 'workspace' });
    assert.strictEqual(summary.totals.reports, stats.documents);
    assert.strictEqual(summary.totals.findings, stats.spans);
    assert.deepStrictEqual(summary.byCode, stats.byCode);
    assert.deepStrictEqual(summary.byCodeAndTheme, stats.byCodeAndTheme);
    const findings = await api.findingsPage({ scope: { kind: 'workspace' }, filters: { code: '', theme: '', area: '', text: '' }, offset: 0, limit: 200 });
    assert.strictEqual(findings.findings.length, stats.spans);
    assert.ok(findings.findings.every((finding) => !finding.path.startsWith('broken/')), 'the ignored reports are not in the dataset');
  });

  it('fires onDidChangeIndex after an edit, and the summary follows', async () => {
    const uri = await temp.copy('middlesbrough.report.md', 'edited.report.md');
    const editor = await open(uri);
    await waitForDiagnostics(uri, (d) => d.length === 0, 'the copy is checked');
    const before = await api.summary({ kind: 'document', uri: uri.toString() });
    const event = new Promise<{ generation: number; uris: readonly string[] }>((resolve) => {
      const subscription = api.onDidChangeIndex((params) => {
        // Not the notification of the opening, which may still be on its way.
        if (params.uris.includes(uri.toString()) && params.generation > before.generation) {
          subscription.dispose();
          resolve(params);
        }
      });
    });
    const body = editor.document.getText().indexOf('\n---\n') + 5;
    assert.ok(await editor.edit((edit) => edit.insert(editor.document.positionAt(body), '[Added]{.strength theme=health} ')));
    await event;
    const after = await api.summary({ kind: 'document', uri: uri.toString() });
    assert.strictEqual(after.totals.findings, before.totals.findings + 1);
    const first = await api.findingsPage({ scope: { kind: 'document', uri: uri.toString() }, filters: { code: '', theme: '', area: '', text: '' }, offset: 0, limit: 1 });
    assert.strictEqual(first.findings[0].text, 'Added');
    assert.strictEqual(findingsDiagnostics(uri).length, 0);
  });
});
