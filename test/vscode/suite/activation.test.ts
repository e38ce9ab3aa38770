/**
 * The extension in a real VS Code: the host, the workspace, activation on a
 * report, and the manifest's contributions matching what the code registers.
 * (Folds in the harness's former smoke test.)
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, extension, LANGUAGE_ID, open, removeStaleTempFolders, sample, workspaceFolder } from './helpers';

interface Manifest {
  activationEvents?: string[];
  contributes: {
    languages: Array<{ id: string }>;
    commands: Array<{ command: string; title: string; category?: string }>;
    keybindings: Array<{ command: string; key: string; mac?: string; when?: string }>;
    menus: Record<string, Array<{ command?: string; submenu?: string; when?: string }>>;
    configuration: { title: string; properties: Record<string, { default?: unknown }> };
    yamlValidation: Array<{ fileMatch: string | string[]; url: string }>;
  };
}

describe('extension: activation and contributions', () => {
  before(async () => {
    await removeStaleTempFolders();
  });

  it('runs inside VS Code 1.100', () => {
    assert.ok(vscode.version.startsWith('1.100'), `vscode.version is ${vscode.version}`);
  });

  it('has the samples folder open as the workspace', () => {
    const folder = workspaceFolder();
    assert.strictEqual(folder.uri.scheme, 'file');
    assert.match(folder.uri.path, /\/samples$/);
  });

  it('is the only extension contributing the inspection-report language, and not a built-in one', () => {
    const contributors = vscode.extensions.all.filter((ext) => {
      const languages = (ext.packageJSON?.contributes?.languages ?? []) as Array<{ id?: string }>;
      return languages.some((l) => l.id === LANGUAGE_ID);
    });
    assert.deepStrictEqual(contributors.map((e) => e.id), [extension().id]);
    assert.ok(!contributors[0].packageJSON.isBuiltin);
  });

  it('opens a *.report.md file as inspection-report and activates, starting the language server', async () => {
    const editor = await open(sample('darlington.report.md'));
    assert.strictEqual(editor.document.languageId, LANGUAGE_ID);
    const api = await activate();
    assert.ok(extension().isActive, 'the extension is not active');
    const counts = await api.documentCounts(editor.document.uri);
    assert.ok(counts && counts.spans > 0, `documentCounts: ${JSON.stringify(counts)}`);
  });

  it('registers every command the manifest contributes, and nothing the manifest lacks', async () => {
    const manifest = extension().packageJSON as Manifest;
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = manifest.contributes.commands.map((c) => c.command);
    for (const command of contributed) assert.ok(registered.has(command), `${command} is contributed but not registered`);
    // VS Code adds commands of its own for each view (`findings.memos.focus`…).
    const views = extension().packageJSON.contributes.views.explorer.map((view: { id: string }) => `${view.id}.`);
    const ours = [...registered].filter((c) => c.startsWith('findings.') && !views.some((prefix: string) => c.startsWith(prefix)));
    assert.deepStrictEqual(ours.filter((c) => !contributed.includes(c)).sort(), [], 'registered but not contributed');
    for (const command of manifest.contributes.commands) assert.strictEqual(command.category, 'Findings', `${command.command} has no category`);
  });

  it('binds keys only to contributed commands, only in reports, the tagging keys only with a selection', () => {
    const manifest = extension().packageJSON as Manifest;
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
    assert.ok(manifest.contributes.keybindings.length >= 6);
    for (const binding of manifest.contributes.keybindings) {
      assert.ok(contributed.has(binding.command), `${binding.command} is bound but not contributed`);
      assert.match(binding.when ?? '', /editorLangId == inspection-report/);
      if (binding.command.startsWith('findings.tagAs')) assert.match(binding.when ?? '', /editorHasSelection/);
    }
    const keys = manifest.contributes.keybindings.map((b) => b.key);
    assert.strictEqual(new Set(keys).size, keys.length, `duplicate keys: ${keys.join(', ')}`);
  });

  it('declares its settings with the documented defaults', () => {
    const config = vscode.workspace.getConfiguration('findings');
    assert.strictEqual(config.get('codebook.path'), 'codebook.yaml');
    assert.strictEqual(config.get('validate.run'), 'onType');
    assert.strictEqual(config.get('validate.debounceMs'), 300);
    assert.strictEqual(config.get('maxProblems'), 1000);
    assert.strictEqual(config.get('trace.server'), 'off');
    const manifest = extension().packageJSON as Manifest;
    assert.strictEqual(manifest.contributes.configuration.title, 'Inspection Findings');
    assert.strictEqual(config.get('editor.codeTint'), 0.18);
    assert.strictEqual(config.get('editor.markup'), 'show');
    // The summary panel's, the reader's and the comparison's serializers need their own events to restore the panels after a reload.
    assert.deepStrictEqual(manifest.activationEvents, ['onLanguage:inspection-report', 'workspaceContains:**/*.report.md', 'onWebviewPanel:findings.summary', 'onWebviewPanel:findings.reader', 'onWebviewPanel:findings.compare']);
    assert.ok(manifest.contributes.yamlValidation.some((v) => v.url === './schemas/codebook.schema.json'));
  });

  it('applies its editor defaults to reports (word wrap, no Unicode highlighting, suggestions in text)', () => {
    const config = vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID });
    assert.strictEqual(config.get('wordWrap'), 'on');
    assert.strictEqual(config.get('unicodeHighlight.nonBasicASCII'), false);
    assert.strictEqual(config.get('unicodeHighlight.invisibleCharacters'), false);
    assert.deepStrictEqual(config.get('quickSuggestions'), { other: 'on', comments: 'off', strings: 'on' });
  });
});
