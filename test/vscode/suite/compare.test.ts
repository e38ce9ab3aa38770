/**
 * "Compare Annotations" and the summary panel's agreement section in a real
 * workbench. What the comparison displays is read back from its DOM (the
 * columns' text, the passages' statuses, the tables' cells) and compared
 * with `findings/compare` and with `findings agree --format json` run on the
 * same copies; scrolling, clicks and keys are done by the webview on its DOM
 * as a user would. Screenshots: compare-light.png (and dark, high contrast),
 * summary-agreement.png.
 */
import * as assert from 'assert';
import * as childProcess from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import type { FindingsApi } from '../../../client/extension';
import type { CompareFacts } from '../../../client/compare/compareMessages';
import type { ComparePanelInfo } from '../../../client/compare/comparePanel';
import type { AgreementDocument, CompareCopy } from '../../../protocol';
import { activate, open, repoRoot, sample, takeScreenshot, TempFolder, waitFor, workspaceFolder } from './helpers';

const ARTICLE = ['hartlepool-2017.report.md', ...['jd', 'mk', 'rs'].map((annotator) => `agreement/hartlepool-2017.${annotator}.report.md`)];
const STATUS_WORDS = ['agreed', 'boundary difference', 'code difference', 'one-sided'];
const THEMES = [
  { name: 'light', setting: 'Default Light Modern', kind: 'vscode-light' },
  { name: 'dark', setting: 'Default Dark Modern', kind: 'vscode-dark' },
  { name: 'high-contrast', setting: 'Default High Contrast', kind: 'vscode-high-contrast' },
] as const;

/** `findings agree … --format json`, run with the repository's CLI at the workspace folder's root. */
function cliAgree(...paths: string[]): AgreementDocument {
  const result = childProcess.spawnSync(process.execPath, [path.join(repoRoot(), 'bin', 'findings.js'), 'agree', ...paths, '--format', 'json'], {
    cwd: workspaceFolder().uri.fsPath,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    timeout: 60_000,
  });
  assert.strictEqual(result.status, 0, `findings agree exited with ${result.status}: ${result.stderr || result.error}`);
  return JSON.parse(result.stdout) as AgreementDocument;
}

const figure = (value: number | null | undefined) => (value === null || value === undefined ? 'n/a' : value.toFixed(4));

describe('compare annotations', function () {
  this.timeout(120_000);
  let api: FindingsApi;
  const mk = () => sample('agreement/hartlepool-2017.mk.report.md');

  before(async () => {
    api = await activate();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
  });

  after(async () => {
    api.compare.close();
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Waits until the webview has drawn the last comparison sent and `accept` holds. */
  function drawn(accept: (info: ComparePanelInfo) => boolean, what: string): Promise<ComparePanelInfo> {
    return waitFor(() => {
      const info = api.compare.info;
      return info?.posted && info.rendered?.seq === info.posted.seq && accept(info) ? info : undefined;
    }, { events: [api.compare.onDidChange], pollMs: 250, what, timeoutMs: 30_000 });
  }

  function assertSafe(facts: CompareFacts): void {
    assert.strictEqual(facts.images, 0, 'an img (or other loading element) is in the comparison');
    assert.strictEqual(facts.scripts, 0, 'a script element is in the comparison');
    assert.strictEqual(facts.handlers, 0, 'an element has an on* attribute');
  }

  it('counts the other copies in the status bar; Compare Annotations shows the copies with their statuses and the figures of `findings agree`', async () => {
    await open(mk());
    const copies = await waitFor(async () => {
      const state = await api.compare.copies.refresh();
      // The server may still be reading the workspace: the count grows to the three others.
      return state.visible && state.uri === mk().toString() && /3 other copies/.test(state.text) ? state : undefined;
    }, { events: [api.compare.copies.onDidUpdate], pollMs: 500, what: 'the status bar saying 3 other copies' });
    assert.deepStrictEqual(copies.copies?.others.map((copy) => copy.annotator).sort(), ['findings-team', 'jd', 'rs']);

    await api.compare.open(mk());
    const result = await api.compare.result(mk());
    assert.ok(result, 'findings/compare answered nothing');
    assert.deepStrictEqual(result.copies.map((copy) => copy.annotator), ['findings-team', 'jd', 'mk', 'rs']);
    // Four copies: the report's own and the first two others are shown side by side.
    await drawn((info) => info.shown.length === 3, 'the comparison drawn');
    let facts: CompareFacts = await api.compare.inspect();
    assert.deepStrictEqual(facts.toggles, { 'findings-team': true, jd: true, mk: true, rs: false });
    await api.compare.toggle('findings-team');
    facts = await api.compare.toggle('rs');
    assert.deepStrictEqual(facts.columns.map((column) => column.annotator), ['jd', 'mk', 'rs']);
    assert.deepStrictEqual(api.compare.info?.shown, ['jd', 'mk', 'rs']);
    assertSafe(facts);

    for (const column of facts.columns) {
      const copy: CompareCopy = result.copies.find((c) => c.annotator === column.annotator)!;
      assert.strictEqual(column.text, result.cleanText, `${column.annotator}'s column does not spell the article`);
      assert.strictEqual(column.passages, copy.passages.length);
      assert.deepStrictEqual(column.statuses, Object.fromEntries(Object.entries(copy.counts).filter(([, n]) => n > 0)));
      // Each passage says its status in words (never colour alone).
      for (const label of column.labels) assert.ok(STATUS_WORDS.some((words) => label.includes(words)), label);
    }
    for (const words of STATUS_WORDS) assert.ok(facts.legend.some((entry) => entry.includes(`${words}:`)), `the legend lacks ${words}`);
    assert.match(facts.statement, /4 annotators \(findings-team, jd, mk, rs\), 2,682 code points/);
    assert.match(facts.statement, /Unicode code points of the clean text/);

    // The tables hold `findings agree`'s figures for these four copies.
    const printed = cliAgree(...ARTICLE).articles[0].figures;
    for (const row of printed.labels) {
      const shown = facts.byCode[row.label ?? '(all codes)'];
      assert.ok(shown, `no row for ${row.label}`);
      assert.strictEqual(shown['Fleiss κ'], figure(row.fleissKappa), `Fleiss' kappa of ${row.label}`);
      assert.strictEqual(shown['α'], figure(row.krippendorffAlpha), `alpha of ${row.label}`);
      assert.strictEqual(shown['α_U'], figure(row.unitizingAlpha), `alpha_U of ${row.label}`);
    }
    for (const pair of printed.pairs) {
      const all = pair.labels.find((row) => row.label === null)!;
      const shown = facts.byPair[`${pair.first} / ${pair.second}`];
      assert.strictEqual(shown['Cohen κ'], figure(all.cohenKappa));
      assert.strictEqual(shown['F1 exact'], figure(all.exact.f1));
      assert.strictEqual(shown['F1 overlap'], figure(all.overlap.f1));
    }
  });

  it('scrolls the copies together; a click or Enter on a passage opens that copy at it; a forged message is refused', async () => {
    await api.compare.open(mk());
    await drawn(() => true, 'the comparison drawn');
    const result = (await api.compare.result(mk()))!;
    const index = (annotator: string) => result.copies.findIndex((copy) => copy.annotator === annotator);
    // A paragraph half way down, in jd's column: the others follow to the same line (they wrap a little differently).
    const middle = result.cleanText.indexOf('\n\n', Math.floor(result.cleanText.length / 2)) + 2;
    const facts = await api.compare.scroll(index('jd'), middle);
    const tops = facts.columns.map((column) => column.topOffset);
    assert.ok(tops[0] > 0, 'jd\'s column did not scroll');
    for (const top of tops) assert.ok(Math.abs(top - tops[0]) < 120, `the columns are apart: ${tops.join(', ')}`);

    const rs = index('rs');
    const passage = result.copies[rs].passages.findIndex((p) => p.status === 'code');
    await api.compare.click(rs, passage);
    const opened = await drawn((info) => info.opened?.uri === result.copies[rs].uri, 'rs\'s copy opened at the passage');
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), result.copies[rs].uri);
    assert.strictEqual(editor.selection.start.line, result.copies[rs].passages[passage].source.text.start.line);
    assert.strictEqual(opened.opened?.line, editor.selection.start.line);

    const jd = index('jd');
    const pressed = await api.compare.press(jd, 0, 'Enter');
    assert.ok(STATUS_WORDS.some((words) => pressed.focused.includes(words)), `the focused passage is not named with its status: ${pressed.focused}`);
    await drawn((info) => info.opened?.uri === result.copies[jd].uri, 'jd\'s copy opened from the keyboard');

    const rejected = api.compare.info?.rejected.length ?? 0;
    await api.compare.post({ type: 'open', copy: 99, passage: 0 });
    await api.compare.post({ type: 'columns', shown: ['nobody'] });
    await drawn((info) => info.rejected.length === rejected + 2, 'the forged messages refused');
    assert.match(api.compare.info!.rejected.join('\n'), /copy is not a whole number from 0 to 3[\s\S]*"nobody" is not an annotator of the article/);
  });

  for (const theme of THEMES) {
    it(`screenshot in the ${theme.name} theme`, async () => {
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme.setting, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await api.compare.open(mk());
      const facts = await waitFor(async () => {
        const info = api.compare.info;
        if (!info?.posted || info.rendered?.seq !== info.posted.seq) return undefined;
        const shown = await api.compare.inspect();
        return shown.themeKind === theme.kind && shown.columns.length === 3 ? shown : undefined;
      }, { events: [api.compare.onDidChange, vscode.window.onDidChangeActiveColorTheme], pollMs: 250, what: `the comparison in the ${theme.name} theme`, timeoutMs: 30_000 });
      assertSafe(facts);
      // jd, mk and rs side by side, at the passages where they differ most.
      if (facts.toggles['findings-team']) await api.compare.toggle('findings-team');
      if (!facts.toggles.rs) await api.compare.toggle('rs');
      const result = (await api.compare.result(mk()))!;
      const jd = result.copies.findIndex((copy) => copy.annotator === 'jd');
      const difference = result.copies[jd].passages.find((passage) => passage.status === 'one-sided')!;
      const at = result.cleanText.lastIndexOf('\n', difference.start) + 1;
      await api.compare.scroll(jd, at);
      const file = await takeScreenshot(`compare-${theme.name}`);
      if (file) console.log(`[compare screenshots] ${file}`);
    });
  }

  it('comes back after a reload with the copies it showed; a state that is not one is dropped', async () => {
    api.compare.close();
    assert.strictEqual(await api.compare.restore({ uri: mk().toString(), shown: ['jd', 'rs'] }), true);
    await drawn((info) => info.uri === mk().toString(), 'the restored comparison');
    const facts = await waitFor(async () => {
      const shown = await api.compare.inspect();
      return shown.columns.length === 2 ? shown : undefined;
    }, { events: [api.compare.onDidChange], pollMs: 250, what: 'the restored columns' });
    assert.deepStrictEqual(facts.columns.map((column) => column.annotator), ['jd', 'rs']);
    api.compare.close();
    assert.strictEqual(await api.compare.restore({ uri: 42 }), false);
  });

  it('says so for a report without other copies', async () => {
    // An article of its own (other tests leave copies of the samples about while they run).
    const folder = await TempFolder.create('single');
    const text = (await vscode.workspace.fs.readFile(sample('darlington.report.md'))).toString().replace(/\ntext_sha256: .*\n/, '\n') + `\nA line of this test's own, ${Date.now()}.\n`;
    const single = await folder.write('single.report.md', text);
    await open(single);
    await api.compare.open(single);
    const facts = await waitFor(async () => {
      const info = api.compare.info;
      if (!info?.notice || info.rendered === null) return undefined;
      const shown = await api.compare.inspect();
      return shown.notice !== '' ? shown : undefined;
    }, { events: [api.compare.onDidChange], pollMs: 250, what: 'the notice' });
    assert.match(facts.notice, /no other annotator's copy/);
    const state = await api.compare.copies.refresh();
    assert.strictEqual(state.visible, false);
    api.compare.close();
    await folder.dispose();
  });
});

describe('summary panel: agreement section', function () {
  this.timeout(120_000);
  let api: FindingsApi;
  let temp: TempFolder | undefined;

  before(async () => {
    api = await activate();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    api.summaryPanel.close();
    await temp?.dispose();
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function workspaceFacts(accept: (facts: Awaited<ReturnType<FindingsApi['summaryPanel']['inspect']>>) => boolean, what: string) {
    return waitFor(async () => {
      const info = api.summaryPanel.current;
      if (!info || info.scope !== 'workspace' || info.agreementPending || info.rendered?.seq !== info.postedSeq || info.postedSeq === 0) return undefined;
      const facts = await api.summaryPanel.inspect();
      return accept(facts) ? facts : undefined;
    }, { events: [api.summaryPanel.onDidChange], pollMs: 500, what, timeoutMs: 60_000 });
  }

  it('is absent while no article of the dataset has two copies', async () => {
    api.summaryPanel.show({ scope: 'workspace' });
    const facts = await workspaceFacts(() => true, 'the workspace summary');
    assert.strictEqual(facts.agreement, null);
  });

  it('shows per code and by pair the pooled figures `findings agree` prints for the workspace', async () => {
    // Two more annotators' copies of two sample articles, in the dataset (no ignore file).
    temp = await TempFolder.createVisible('agreement');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(temp.uri, '.findingsignore'));
    for (const name of ['hartlepool-2017', 'middlesbrough']) for (const annotator of ['mk', 'rs']) await temp.copy(`agreement/${name}.${annotator}.report.md`);
    api.summaryPanel.show({ scope: 'workspace' });
    const facts = await workspaceFacts((shown) => shown.agreement?.statement.includes('3 annotators') === true, 'the agreement section');
    const agreement = facts.agreement!;
    const printed = cliAgree('.');
    const corpus = printed.corpus!;
    assert.deepStrictEqual(corpus.annotators, ['findings-team', 'mk', 'rs']);
    assert.match(agreement.statement, /2 articles with two copies or more, 3 annotators \(findings-team, mk, rs\)/);
    assert.match(agreement.statement, /Unicode code points of the clean text/);
    assert.deepStrictEqual(Object.keys(agreement.byCode), [...printed.labels, '(all codes)']);
    for (const row of corpus.labels) {
      const shown = agreement.byCode[row.label ?? '(all codes)'];
      assert.strictEqual(shown['Fleiss κ'], figure(row.fleissKappa), `Fleiss' kappa of ${row.label}`);
      assert.strictEqual(shown['α'], figure(row.krippendorffAlpha), `alpha of ${row.label}`);
      assert.strictEqual(shown['α_U'], figure(row.unitizingAlpha), `alpha_U of ${row.label}`);
      for (const pair of corpus.pairs) {
        const f1 = pair.labels.find((r) => r.label === row.label)!.overlap.f1;
        assert.strictEqual(shown[`F1 overlap ${pair.first} / ${pair.second}`], figure(f1), `F1 of ${pair.first} / ${pair.second}, ${row.label}`);
      }
    }
    for (const pair of corpus.pairs) {
      const f1 = figure(pair.labels.find((row) => row.label === null)!.overlap.f1);
      assert.strictEqual(agreement.matrix[pair.first][pair.second], f1);
      assert.strictEqual(agreement.matrix[pair.second][pair.first], f1);
    }
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Light Modern', vscode.ConfigurationTarget.Global);
    await workspaceFacts((shown) => shown.agreement !== null, 'the section in the light theme');
    const file = await takeScreenshot('summary-agreement');
    if (file) console.log(`[compare screenshots] ${file}`);
  });
});
