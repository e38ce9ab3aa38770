/**
 * The coded reader in a real webview beside its report. What it displays is
 * read back from its DOM through a message round-trip (`inspect`), and what
 * a user does in it (select text and press a shortcut or a code's button,
 * scroll, filter, click a passage) is done by the webview on its own DOM;
 * the results are checked against the server (`findings/reader`,
 * `findings/passages`) and the report's text in the editor.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { blockStarts } from '../../../core/reader/articleBlocks';
import { cleanOffsetOfLine, lineOfCleanOffset } from '../../../core/reader/lineMap';
import type { FindingsApi } from '../../../client/extension';
import type { ReaderFacts } from '../../../client/reader/readerMessages';
import type { ReaderPanelInfo } from '../../../client/reader/readerPanel';
import type { ReaderResult } from '../../../protocol';
import { activate, open, sample, TempFolder, waitFor } from './helpers';

/** A report long enough to scroll: darlington's article four times (its id and fingerprint left out, which would clash). */
async function longReport(folder: TempFolder, name: string): Promise<vscode.Uri> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(sample('darlington.report.md')));
  const close = text.indexOf('\n---\n', 4) + 5;
  const frontMatter = text.slice(0, close).replace(/^text_sha256:.*\n/m, '');
  const body = text.slice(close).replace(/#darlington-wsoa /g, '');
  return folder.write(name, frontMatter + [body, body, body, body].join('\n'));
}

function readerTabs(): number {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('findings.reader')).length;
}

describe('coded reader', function () {
  this.timeout(120_000);
  let api: FindingsApi;
  let temp: TempFolder;

  before(async () => {
    api = await activate();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    temp = await TempFolder.create('reader');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await temp.dispose();
  });

  /** Waits until the reader of `uri` has drawn the last model it was sent and `accept` holds. */
  function drawn(uri: vscode.Uri, accept: (info: ReaderPanelInfo) => boolean = () => true, what = 'the reader drawn'): Promise<ReaderPanelInfo> {
    return waitFor(() => {
      const info = api.reader.info(uri);
      return info?.posted && info.rendered?.seq === info.posted.seq && accept(info) ? info : undefined;
    }, { events: [api.reader.onDidChange], what, timeoutMs: 30_000 });
  }

  /** Opens the report in the first group and its reader beside it, as the title bar's button does. */
  async function openWithReader(uri: vscode.Uri): Promise<{ editor: vscode.TextEditor; info: ReaderPanelInfo }> {
    const editor = await open(uri);
    await vscode.commands.executeCommand('findings.openReader');
    const info = await drawn(uri);
    return { editor, info };
  }

  /** Polls the webview until its facts satisfy `accept`. */
  function facts(uri: vscode.Uri, accept: (facts: ReaderFacts) => boolean, what: string): Promise<ReaderFacts> {
    return waitFor(async () => {
      const shown = await api.reader.inspect(uri);
      return accept(shown) ? shown : undefined;
    }, { pollMs: 200, what, timeoutMs: 20_000 });
  }

  function assertSafe(shown: ReaderFacts): void {
    assert.strictEqual(shown.images, 0, 'an img (or other loading element) is in the reader');
    assert.strictEqual(shown.scripts, 0, 'a script element is in the rendered reader');
    assert.strictEqual(shown.handlers, 0, 'an element has an on* attribute');
  }

  it('opens beside the report, keeps the focus there, and shows the header, a highlight and the stripes of every passage the server counts', async () => {
    const uri = await temp.copy('darlington.report.md');
    const { editor, info } = await openWithReader(uri);
    assert.strictEqual(info.title, 'Reader: darlington.report.md');
    assert.strictEqual(info.viewColumn, vscode.ViewColumn.Two, 'the reader is not beside the report');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the report lost the focus');
    assert.strictEqual(editor.viewColumn, vscode.ViewColumn.One);

    const passages = await api.reader.passages(uri);
    const model = await api.reader.model(uri);
    assert.ok(passages && model && passages.passages.length > 10);
    const stripes = passages.passages.reduce((sum, passage) => sum + passage.codes.length, 0);
    const shown = await api.reader.inspect(uri);
    assert.strictEqual(shown.title, 'Darlington');
    assert.deepStrictEqual(shown.header, Object.fromEntries(model.header.fields.map((field) => [field.label, field.value])));
    assert.strictEqual(shown.header.Framework, '2016 framework');
    assert.strictEqual(shown.passages, passages.passages.length, 'highlighted passages');
    assert.strictEqual(shown.stripes, stripes, 'stripes (one per passage and code)');
    assert.deepStrictEqual({ passages: info.rendered?.passages, stripes: info.rendered?.stripes }, { passages: shown.passages, stripes: shown.stripes });
    assert.strictEqual(shown.text, model.cleanText, 'the reader\'s text is not the clean text');
    assert.deepStrictEqual(shown.codes, model.codes.map((code) => code.name));
    assertSafe(shown);

    // Once per report: the command brings the open reader forward.
    await vscode.commands.executeCommand('findings.openReader', uri);
    assert.strictEqual(readerTabs(), 1);
    assert.deepStrictEqual(info.rejected, []);
  });

  it('tags a selection made in the reader (the editor\'s shortcut): one span more in the source, the clean text unchanged, one undo removes it', async () => {
    const uri = await temp.copy('darlington.report.md', 'tagging.report.md');
    const { editor } = await openWithReader(uri);
    const document = editor.document;
    const original = document.getText();
    const before = (await api.reader.model(uri))!;
    const phrase = 'carried out over five days in January';
    const start = before.cleanText.indexOf(phrase);
    assert.ok(start > 0);

    const selected = await api.reader.select(uri, start, start + phrase.length);
    assert.strictEqual(selected.selection, phrase);
    await api.reader.pressKey(uri, { key: 'w', ctrl: true, alt: true });
    const tagged = await drawn(uri, (i) => i.lastTag !== null && i.posted!.passages === before.passages.length + 1, 'the reader with the new passage');
    assert.ok(tagged.lastTag?.ok, tagged.lastTag?.message);

    assert.ok(document.getText().includes(`[${phrase}]{.weakness`), 'the source has no span around the phrase');
    const after = (await api.reader.model(uri))!;
    assert.strictEqual(after.cleanText, before.cleanText, 'tagging changed the clean text');
    assert.strictEqual((await api.reader.passages(uri))!.passages.length, before.passages.length + 1);
    const added = after.passages.find((passage) => after.cleanText.slice(passage.start, passage.end) === phrase);
    assert.deepStrictEqual(added?.codes, ['weakness']);
    const shown = await facts(uri, (f) => f.passages === before.passages.length + 1, 'the new highlight');
    assert.match(shown.status, /Tagged as weakness/);

    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), original, 'one undo did not remove the tag');
    await drawn(uri, (i) => i.posted!.passages === before.passages.length, 'the reader without the passage');
  });

  it('refuses a selection that cuts through a span, with the server\'s reason, and changes nothing', async () => {
    const uri = await temp.copy('darlington.report.md', 'refused.report.md');
    const { editor } = await openWithReader(uri);
    const version = editor.document.version;
    const model = (await api.reader.model(uri))!;
    const passage = model.passages.find((p) => p.depth === 0 && p.start > 20 && p.end - p.start > 20 && !model.passages.some((q) => q !== p && q.end > p.start - 10 && q.end <= p.start));
    assert.ok(passage, 'no passage to cut through');
    await api.reader.select(uri, passage.start - 8, passage.start + 8);
    await api.reader.pressCode(uri, 'strength');
    const info = await waitFor(() => api.reader.info(uri)?.lastTag ?? undefined, { events: [api.reader.onDidChange], what: 'the refusal' });
    assert.strictEqual(info.ok, false);
    assert.match(info.message, /cannot be tagged/);
    assert.strictEqual(editor.document.version, version, 'the report was edited');
    const shown = await facts(uri, (f) => f.status !== '', 'the refusal in the status line');
    assert.ok(shown.status.includes(info.message.replace(/^This selection cannot be tagged\. /, '')), shown.status);
  });

  it('clicking a passage selects exactly its tagged text in the report', async () => {
    const uri = await temp.copy('darlington.report.md', 'click.report.md');
    const { editor } = await openWithReader(uri);
    const model = (await api.reader.model(uri))!;
    const passage = model.passages[3];
    const selected = waitFor(() => (editor.selection.isEmpty ? undefined : editor.selection), { events: [vscode.window.onDidChangeTextEditorSelection], what: 'the passage selected' });
    await api.reader.click(uri, 3);
    const selection = await selected;
    const text = passage.source.text;
    assert.ok(selection.isEqual(new vscode.Range(text.start.line, text.start.character, text.end.line, text.end.character)), 'not the passage\'s text');
    assert.strictEqual(editor.document.getText(selection), model.cleanText.slice(passage.start, passage.end));
  });

  it('scrolls with the report\'s editor both ways, and keeps its place as the report is edited', async () => {
    const uri = await longReport(temp, 'long.report.md');
    const { editor } = await openWithReader(uri);
    const model = (await api.reader.model(uri))!;
    const lines = model.lines;

    // The editor scrolls: the reader follows.
    const line = lines.firstLine + Math.floor(lines.offsets.length * 0.6);
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    const top = await waitFor(() => {
      const start = editor.visibleRanges[0]?.start.line ?? 0;
      return Math.abs(start - line) <= 2 ? start : undefined;
    }, { events: [vscode.window.onDidChangeTextEditorVisibleRanges], pollMs: 500, what: `the editor scrolled to line ${line} (${lines.offsets.length} lines; at ${editor.visibleRanges.map((r) => `${r.start.line}-${r.end.line}`).join(',')})` });
    const expected = cleanOffsetOfLine(lines, top);
    assert.ok(expected > model.cleanText.length / 3);
    await waitFor(() => (api.reader.info(uri)?.offset === expected ? true : undefined), { pollMs: 100, what: 'the reader told where the editor is' });
    let shown = await facts(uri, (f) => Math.abs(f.topOffset - expected) < 400, `the reader at offset ${expected}`);

    // The reader scrolls: the editor follows.
    const target = lines.offsets[Math.floor(lines.offsets.length * 0.25)];
    shown = await api.reader.scroll(uri, target);
    assert.ok(Math.abs(shown.topOffset - target) < 400, `the reader scrolled to ${shown.topOffset}, not near ${target}`);
    await waitFor(() => {
      const info = api.reader.info(uri);
      const editorTop = editor.visibleRanges[0]?.start.line;
      // The line is revealed at the top: under the sticky scroll's lines, which VS Code counts as visible.
      const line = lineOfCleanOffset(lines, info?.offset ?? 0);
      return info && Math.abs(info.offset - target) < 400 && editorTop !== undefined && editorTop <= line && editorTop >= line - 5 ? editorTop : undefined;
    }, { events: [vscode.window.onDidChangeTextEditorVisibleRanges], pollMs: 100, what: `the editor at the reader's top line (target ${target}, reader ${api.reader.info(uri)?.offset}, line ${lineOfCleanOffset(lines, api.reader.info(uri)?.offset ?? 0)}, editor ${editor.visibleRanges[0]?.start.line})` });
    const readerTop = shown.topOffset;

    // An edit above the view: the reader is drawn again where it was.
    const seq = api.reader.info(uri)!.posted!.seq;
    const word = rangeOfClean(editor.document, model, 'Ofsted and Care Quality Commission');
    assert.ok(await editor.edit((builder) => builder.insert(word, 'The ')));
    await drawn(uri, (i) => i.posted!.seq > seq, 'the reader after the edit');
    shown = await facts(uri, (f) => f.text.length === model.cleanText.length + 4, 'the edited text');
    assert.ok(Math.abs(shown.topOffset - (readerTop + 4)) < 400, `the reader jumped to ${shown.topOffset} from ${readerTop}`);
  });

  it('draws a paragraph an edit changed low in the view, though it draws only about a screen around the top at once', async () => {
    // Long paragraphs: the first one alone about fills what the reader draws at once; the second shows below it.
    const sentence = 'Inspectors found that leaders had not acted quickly enough on what parents told them about waiting times.';
    const paragraph = (i: number) => `[${sentence}]{.weakness theme=leadership} Paragraph ${i + 1}: ${Array.from({ length: 9 }, () => sentence).join(' ')}`;
    const uri = await temp.write('long-paragraphs.report.md', ['---', 'area: Testshire', '---', ...Array.from({ length: 5 }, (_, i) => [paragraph(i), '']).flat()].join('\n'));
    const { editor, info } = await openWithReader(uri);
    let shown = await api.reader.inspect(uri);
    assert.strictEqual(shown.undrawnInView, 0, 'blocks in view left undrawn after opening');
    // Only the second paragraph changes: the blocks the reader draws at once are kept, and no size it watches changes.
    const seq = info.posted!.seq;
    const second = [...Array(editor.document.lineCount).keys()].find((line) => editor.document.lineAt(line).text.includes('Paragraph 2:'))!;
    assert.ok(await editor.edit((builder) => builder.insert(new vscode.Position(second, 0), 'So ')));
    await drawn(uri, (i) => i.posted!.seq > seq, 'the reader after the edit');
    shown = await api.reader.inspect(uri);
    assert.strictEqual(shown.undrawnInView, 0, 'blocks in view left undrawn after the edit');
    assert.strictEqual(shown.passages, 5);
  });

  it('draws a report pasted as one paragraph in pieces that read as one, and tags a selection across two pieces', async () => {
    // Darlington's article four times with its blank lines taken out: one paragraph of about 20,000 characters.
    const long = new TextDecoder().decode(await vscode.workspace.fs.readFile(await longReport(temp, 'one-paragraph-source.report.md')));
    const close = long.indexOf('\n---\n', 4) + 5;
    const uri = await temp.write('one-paragraph.report.md', long.slice(0, close) + long.slice(close).replace(/\n[ \t]*(?:\n[ \t]*)+/g, '\n'));
    const { editor } = await openWithReader(uri);
    const model = (await api.reader.model(uri))!;
    const starts = blockStarts(model.cleanText);
    assert.ok(!/\n[ \t]*\n/.test(model.cleanText) && starts.length >= 8, `${starts.length} pieces`);
    const shown = await api.reader.inspect(uri);
    assert.strictEqual(shown.text, model.cleanText, 'the pieces do not spell the clean text');
    assert.strictEqual(shown.passages, model.passages.length);
    assert.strictEqual(shown.stripes, model.passages.reduce((sum, passage) => sum + passage.codes.length, 0));

    // A selection from the last words of one piece into the first of the next, through no passage's edge.
    const edges = model.passages.flatMap((passage) => [passage.start, passage.end]);
    const cut = starts.find((start) => edges.every((edge) => edge < start - 30 || edge > start + 30));
    assert.ok(cut !== undefined, 'no piece starts away from the passages');
    const selStart = model.cleanText.lastIndexOf(' ', cut - 12) + 1;
    const selEnd = model.cleanText.indexOf(' ', cut + 8);
    assert.ok(selStart > cut - 30 && selEnd < cut + 30);
    const phrase = model.cleanText.slice(selStart, selEnd);
    const original = editor.document.getText();
    const selected = await api.reader.select(uri, selStart, selEnd);
    assert.strictEqual(selected.selection, phrase);
    await api.reader.pressKey(uri, { key: 's', ctrl: true, alt: true });
    const tagged = await drawn(uri, (i) => i.lastTag !== null && i.posted!.passages === model.passages.length + 1, 'the reader with the new passage');
    assert.ok(tagged.lastTag?.ok, tagged.lastTag?.message);
    const after = (await api.reader.model(uri))!;
    assert.strictEqual(after.cleanText, model.cleanText, 'tagging changed the clean text');
    assert.ok(after.passages.some((passage) => passage.start === selStart && passage.end === selEnd && passage.codes.join() === 'strength'));
    assert.notStrictEqual(editor.document.getText(), original);
  });

  it('filters by code: the chosen code\'s passages stand out, the rest fade', async () => {
    const uri = await temp.copy('darlington.report.md', 'filters.report.md');
    await openWithReader(uri);
    const model = (await api.reader.model(uri))!;
    const weakness = model.passages.filter((passage) => passage.codes.includes('weakness')).length;
    assert.ok(weakness > 0 && weakness < model.passages.length);
    let shown = await api.reader.filter(uri, { codes: ['weakness'], themes: [] });
    assert.strictEqual(shown.highlighted, weakness);
    assert.strictEqual(shown.faded, model.passages.length - weakness);
    await waitFor(() => (api.reader.info(uri)?.filters.codes.join() === 'weakness' ? true : undefined), { events: [api.reader.onDidChange], what: 'the filters kept' });
    const outcomes = model.passages.filter((passage) => passage.codes.includes('weakness') && passage.themes.includes('outcomes')).length;
    shown = await api.reader.filter(uri, { codes: ['weakness'], themes: ['outcomes'] });
    assert.strictEqual(shown.highlighted, outcomes);
    shown = await api.reader.filter(uri, { codes: [], themes: [] });
    assert.strictEqual(shown.faded, 0);
    assert.strictEqual(shown.highlighted, model.passages.length);
  });

  it('shows the memos of passages and of the report', async () => {
    const memo = 'Ask the team: "widely" or "greatly"?';
    const uri = await temp.write('memos.report.md', [
      '---', 'area: Hartlepool', 'framework: "2016"', 'inspection_type: full', 'outcome: wsoa_required', 'annotator: jd', 'status: draft',
      'memo: |', '  Second reading planned.', '  Check the dates against the letter.', '---',
      `Inspectors found [the impact of leaders varies widely]{.weakness theme=leadership memo="${memo.replace(/"/g, '\\"')}"} and [parents are heard]{.strength theme=coproduction}.`, '',
    ].join('\n'));
    await openWithReader(uri);
    const model = (await api.reader.model(uri))!;
    assert.strictEqual(model.passages[0].memo, memo);
    const shown = await api.reader.inspect(uri);
    assert.deepStrictEqual(shown.passageMemos, [memo]);
    assert.strictEqual(shown.reportMemo, model.header.memo);
    assert.match(shown.reportMemo ?? '', /Second reading planned\./);
  });

  it('shows a memo written with "Add Memo to Passage…" as the report changes', async () => {
    const uri = await temp.copy('darlington.report.md', 'memo-command.report.md');
    await openWithReader(uri);
    const model = (await api.reader.model(uri))!;
    const index = model.passages.findIndex((passage) => passage.memo === null && passage.codes.includes('weakness'));
    const memo = 'Compare with the 2019 revisit: "significant" there too?';
    const edited = await vscode.commands.executeCommand<boolean>('findings.addMemo', uri.toString(), model.passages[index].index, memo);
    assert.strictEqual(edited, true, 'the memo command wrote nothing');
    const shown = await facts(uri, (f) => f.passageMemos.includes(memo), 'the memo in the reader');
    assert.deepStrictEqual(shown.passageMemos, [memo]);
    assert.strictEqual((await api.reader.model(uri))!.cleanText, model.cleanText, 'the memo changed the clean text');
  });

  it('saves the coded report as one HTML file that loads nothing from elsewhere', async () => {
    const uri = await temp.copy('darlington.report.md', 'saved.report.md');
    await openWithReader(uri);
    const model = (await api.reader.model(uri))!;
    const target = vscode.Uri.joinPath(temp.uri, 'saved.report.html');
    const written = await api.reader.saveHtml(uri, target);
    assert.strictEqual(written?.toString(), target.toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.ok(html.includes('Darlington'));
    assert.ok(html.includes(model.fingerprint), 'the article\'s fingerprint is not in the file');
    assert.doesNotMatch(html, /<(?:script|link|img)\b[^>]*\b(?:src|href)=/i, 'the file loads something');
  });

  it('rejects messages the webview has no business sending, and logs them', async () => {
    const uri = await temp.copy('darlington.report.md', 'rejects.report.md');
    const { editor } = await openWithReader(uri);
    const model = (await api.reader.model(uri))!;
    const version = editor.document.version;
    const bad: Array<[unknown, RegExp]> = [
      [{ type: 'open', passage: model.passages.length }, /passage/],
      [{ type: 'tag', start: 0, end: model.cleanText.length + 1, codes: ['weakness'], themes: [] }, /end/],
      [{ type: 'tag', start: 0, end: 5, codes: ['no-such-code'], themes: [] }, /no-such-code/],
      [{ type: 'scrolled', offset: -3 }, /offset/],
      [{ type: 'run', command: 'workbench.action.quit' }, /unknown message type/],
      [{ type: 'saveHtml', path: '/etc/passwd' }, /unexpected field/],
    ];
    for (const [message, reason] of bad) {
      const count = api.reader.info(uri)!.rejected.length;
      await api.reader.post(uri, message);
      const info = await waitFor(() => {
        const current = api.reader.info(uri);
        return current && current.rejected.length > count ? current : undefined;
      }, { events: [api.reader.onDidChange], what: `the rejection of ${JSON.stringify(message)}` });
      assert.match(info.rejected[info.rejected.length - 1], reason);
    }
    assert.strictEqual(editor.document.version, version);
  });

  it('is restored from the state its webview saved (the serializer VS Code calls after a reload), with its filters and place', async () => {
    const uri = await longReport(temp, 'restored.report.md');
    await open(uri);
    const model = (await api.reader.model(uri))!;
    const weakness = model.passages.filter((passage) => passage.codes.includes('weakness')).length;
    const offset = model.lines.offsets[Math.floor(model.lines.offsets.length / 2)];
    assert.ok(await api.reader.restore({ uri: uri.toString(), filters: { codes: ['weakness'], themes: [] }, offset }));
    const info = await drawn(uri, () => true, 'the restored reader');
    assert.strictEqual(info.title, 'Reader: restored.report.md');
    assert.deepStrictEqual(info.filters, { codes: ['weakness'], themes: [] });
    const shown = await facts(uri, (f) => f.faded > 0 && Math.abs(f.topOffset - offset) < 400, 'the restored filters and place');
    assert.strictEqual(shown.highlighted, weakness);

    // A state that is not one restores nothing (and a second reader of a report is not kept).
    assert.strictEqual(await api.reader.restore({ uri: 42, filters: {}, offset: -1 }), false);
    assert.strictEqual(await api.reader.restore(null), false);
    assert.strictEqual(await api.reader.restore({ uri: uri.toString(), filters: { codes: [], themes: [] }, offset: 0 }), false);
    assert.deepStrictEqual(api.reader.info(uri)?.filters, { codes: ['weakness'], themes: [] }, 'the second reader replaced the first');
  });

  it('follows its report when it is renamed, draws again after a server restart, and says so when the report is deleted', async () => {
    const visible = await TempFolder.createVisible('reader');
    try {
      const uri = await visible.copy('darlington.report.md', 'before.report.md');
      await openWithReader(uri);
      const renamed = vscode.Uri.joinPath(visible.uri, 'after.report.md');
      const rename = new vscode.WorkspaceEdit();
      rename.renameFile(uri, renamed);
      assert.ok(await vscode.workspace.applyEdit(rename));
      let info = await drawn(renamed, (i) => i.uri === renamed.toString(), 'the reader of the renamed report');
      assert.strictEqual(info.title, 'Reader: after.report.md');
      assert.strictEqual(api.reader.info(uri), undefined);

      const seq = info.posted!.seq;
      await vscode.commands.executeCommand('findings.restartServer');
      info = await drawn(renamed, (i) => i.posted!.seq > seq, 'the reader after the restart');

      await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === renamed.toString()));
      const remove = new vscode.WorkspaceEdit();
      remove.deleteFile(renamed);
      assert.ok(await vscode.workspace.applyEdit(remove));
      info = await waitFor(() => {
        const current = api.reader.info(renamed);
        return current?.notice ? current : undefined;
      }, { events: [api.reader.onDidChange], what: 'the notice that the report is gone' });
      assert.match(info.notice!, /after\.report\.md/);
    } finally {
      api.reader.close(vscode.Uri.joinPath(visible.uri, 'after.report.md'));
      await visible.dispose();
    }
  });
});

/** The source range just before the first occurrence of `needle` in the article (`needle` is untagged text). */
function rangeOfClean(document: vscode.TextDocument, model: ReaderResult, needle: string): vscode.Position {
  assert.ok(model.cleanText.includes(needle));
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0);
  return document.positionAt(at);
}
