/**
 * Screenshots of the coded reader beside its report in the light, dark and
 * high-contrast themes, saved as test artefacts by the code-server harness
 * (reader-light.png, reader-dark.png, reader-high-contrast.png, and
 * reader-readme.png for the README). Each is taken once the reader has drawn
 * the report in that theme.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { FindingsApi } from '../../../client/extension';
import { activate, open, sample, takeScreenshot, waitFor } from './helpers';

const THEMES = [
  { name: 'light', setting: 'Default Light Modern', kind: 'vscode-light' },
  { name: 'dark', setting: 'Default Dark Modern', kind: 'vscode-dark' },
  { name: 'high-contrast', setting: 'Default High Contrast', kind: 'vscode-high-contrast' },
] as const;

describe('coded reader screenshots', function () {
  this.timeout(120_000);
  let api: FindingsApi;
  const uri = () => sample('darlington.report.md');

  before(async () => {
    api = await activate();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The report and its reader fill the window.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
  });

  after(async () => {
    api.reader.close(uri());
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const theme of THEMES) {
    it(`the reader beside its report in the ${theme.name} theme`, async () => {
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme.setting, vscode.ConfigurationTarget.Global);
      // The committed sample, only opened: the report in the first group, the reader beside it.
      const editor = await open(uri());
      editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
      await vscode.commands.executeCommand('findings.openReader', uri());
      const expected = (await api.reader.passages(uri()))!.passages.length;
      const shown = await waitFor(async () => {
        const info = api.reader.info(uri());
        if (!info?.posted || info.rendered?.seq !== info.posted.seq) return undefined;
        const facts = await api.reader.inspect(uri());
        return facts.themeKind === theme.kind && facts.passages === expected ? facts : undefined;
      }, { events: [api.reader.onDidChange, vscode.window.onDidChangeActiveColorTheme], pollMs: 250, what: `the reader drawn in the ${theme.name} theme`, timeoutMs: 30_000 });
      assert.strictEqual(shown.title, 'Darlington');
      await api.reader.scroll(uri(), 0);
      const file = await takeScreenshot(`reader-${theme.name}`);
      if (file) console.log(`[reader screenshots] ${file}`);
      if (theme.name !== 'light') return;
      // The README's picture: the same without the status bar (whose problem counts are the deliberately broken samples').
      const workbench = vscode.workspace.getConfiguration('workbench');
      await workbench.update('statusBar.visible', false, vscode.ConfigurationTarget.Global);
      try {
        await takeScreenshot('reader-readme');
      } finally {
        await workbench.update('statusBar.visible', undefined, vscode.ConfigurationTarget.Global);
      }
    });
  }
});
