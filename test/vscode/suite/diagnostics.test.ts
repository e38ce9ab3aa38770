/**
 * Diagnostics in VS Code are those of `findings check --format json`: the
 * same rule ids, severities, messages and ranges, for every broken sample;
 * none for the annotated samples; and they follow edits.
 */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  activate,
  cliCheck,
  describeDiagnostic,
  findingsDiagnostics,
  open,
  ruleOf,
  sample,
  TempFolder,
  waitForDiagnostics,
  workspaceFolder,
  type CliDiagnostic,
} from './helpers';
import type { FindingsApi } from '../../../client/extension';

const byPosition = (a: string, b: string): number => a.localeCompare(b);

function sameAsCli(actual: readonly vscode.Diagnostic[], expected: readonly CliDiagnostic[]): boolean {
  const a = actual.map(describeDiagnostic).sort(byPosition);
  const e = expected.map(describeDiagnostic).sort(byPosition);
  return a.length === e.length && a.every((line, i) => line === e[i]);
}

describe('diagnostics', function () {
  this.timeout(120_000);
  let api: FindingsApi;
  const brokenFolder = (): string => path.join(workspaceFolder().uri.fsPath, 'broken');
  const cli = new Map<string, CliDiagnostic[]>();

  before(async () => {
    api = await activate();
    for (const file of cliCheck(brokenFolder())) cli.set(file.path, file.diagnostics);
    assert.ok(cli.size >= 7, `findings check found ${cli.size} broken reports`);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('gives an annotated sample no problems (and the server agrees)', async () => {
    const uri = sample('darlington.report.md');
    await open(uri);
    const counts = await api.documentCounts(uri);
    assert.deepStrictEqual({ errors: counts?.errors, warnings: counts?.warnings }, { errors: 0, warnings: 0 });
    assert.deepStrictEqual(findingsDiagnostics(uri).map(describeDiagnostic), []);
  });

  for (const name of [
    'bad-yaml.report.md',
    'fields.report.md',
    'framework-mismatch.report.md',
    'no-front-matter.report.md',
    'spans.report.md',
    'unclosed-front-matter.report.md',
    'wsoa-without-findings.report.md',
  ]) {
    it(`gives broken/${name} exactly the problems of findings check`, async () => {
      const expected = cli.get(path.join(brokenFolder(), name));
      assert.ok(expected && expected.length > 0, `findings check reports nothing for ${name}`);
      const uri = sample(`broken/${name}`);
      await open(uri);
      let actual: vscode.Diagnostic[];
      try {
        actual = await waitForDiagnostics(uri, (d) => sameAsCli(d, expected), 'the diagnostics of findings check');
      } catch {
        actual = findingsDiagnostics(uri);
      }
      assert.deepStrictEqual(actual.map(describeDiagnostic).sort(byPosition), expected.map(describeDiagnostic).sort(byPosition));
      for (const d of actual) assert.strictEqual(d.source, 'findings');
    });
  }

  it('every rule of docs/format.md fires somewhere in samples/broken', () => {
    const rules = new Set([...cli.values()].flat().map((d) => d.rule));
    for (const rule of ['frontmatter-missing', 'yaml-syntax', 'field-missing', 'code-unknown', 'span-unclosed', 'outcome-unsupported']) {
      assert.ok(rules.has(rule), `${rule} does not fire`);
    }
  });

  describe('copies in a temporary folder', () => {
    // Copies the tests open go to a hidden folder (never part of the samples' dataset, even while the
    // editor keeps a closed copy open); those the server must read from disk, to a visible one.
    let temp: TempFolder;
    let onDisk: TempFolder;
    before(async () => {
      temp = await TempFolder.create('diagnostics');
      onDisk = await TempFolder.createVisible('diagnostics');
    });
    after(async () => {
      await temp.dispose();
      await onDisk.dispose();
    });

    it('reports the problems of a report that is not open (workspace diagnostics), as findings check does', async () => {
      const uri = await onDisk.copy('broken/framework-mismatch.report.md', 'closed.report.md');
      const expected = cliCheck(uri.fsPath)[0].diagnostics;
      assert.ok(expected.length > 0);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the copy is open');
      const actual = await waitForDiagnostics(uri, (d) => sameAsCli(d, expected), 'the problems of a file that is not open', 30_000);
      assert.strictEqual(actual.length, expected.length);
    });

    it('reports a problem typed into a clean report, and clears it on undo', async () => {
      const uri = await temp.copy('darlington.report.md');
      const editor = await open(uri);
      await waitForDiagnostics(uri, (d) => d.length === 0, 'no problems in the copy');
      const at = editor.document.getText().indexOf('{.weakness severity=significant');
      assert.ok(at > 0);
      // `.weakness` -> `.weaknes`: code-unknown with a "did you mean".
      const typo = new vscode.Range(editor.document.positionAt(at + 9), editor.document.positionAt(at + 10));
      assert.ok(await editor.edit((b) => b.delete(typo)));
      const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'code-unknown'), 'code-unknown after the edit');
      const problem = diagnostics.find((x) => ruleOf(x) === 'code-unknown')!;
      assert.strictEqual(editor.document.getText(problem.range), 'weaknes');
      assert.strictEqual(problem.severity, vscode.DiagnosticSeverity.Error);
      await vscode.commands.executeCommand('undo');
      await waitForDiagnostics(uri, (d) => d.length === 0, 'no problems after undo');
    });
  });
});
