/**
 * The tagging commands on a report in a temporary folder: every selection is
 * wrapped; arguments `{ code, codes, themes, attributes }` answer the
 * pickers; several codes make one span `{.a .b}`, in one undo step, the
 * article text kept; the required attributes left open become snippet
 * placeholders; no selection or a selection the server would not tag
 * changes nothing.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parseReport } from '../../../core/document/parseReport';
import { activate, open, rangeOf, TempFolder, waitForDiagnostics } from './helpers';

const REPORT = `---
area: Darlington
framework: "2016"
inspection_type: full
outcome: no_wsoa
annotator: suite
status: draft
---
Inspectors said that leaders know the area well.

Waiting times for therapies are too long, and parents are frustrated.

Parents said "nobody listens to us" at the forum.

The council said it accepted the findings.
`;

describe('tagging commands', function () {
  this.timeout(60_000);
  let temp: TempFolder;
  let editor: vscode.TextEditor;

  before(async () => {
    await activate();
    temp = await TempFolder.create('tag');
  });

  beforeEach(async () => {
    editor = await open(await temp.write(`tag-${Date.now()}.report.md`, REPORT));
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('leaveSnippet');
  });

  after(async () => {
    await temp.dispose();
  });

  it('findings.tagAsWeakness wraps every selection, with the themes given', async () => {
    const document = editor.document;
    editor.selections = [
      new vscode.Selection(rangeOf(document, 'Waiting times for therapies are too long').start, rangeOf(document, 'Waiting times for therapies are too long').end),
      new vscode.Selection(rangeOf(document, 'parents are frustrated').start, rangeOf(document, 'parents are frustrated').end),
    ];
    const edited = await vscode.commands.executeCommand<boolean>('findings.tagAsWeakness', { themes: ['health', 'co-production'] });
    assert.strictEqual(edited, true);
    assert.ok(document.getText().includes(
      '[Waiting times for therapies are too long]{.weakness theme="health co-production"}, and [parents are frustrated]{.weakness theme="health co-production"}.',
    ), document.getText());
    // The result is valid: the server finds no problem in it.
    await waitForDiagnostics(document.uri, (d) => d.length === 0, 'no problems after tagging');
  });

  it('findings.tagSelection takes the code and a single theme as arguments, unquoted, and trims the selection', async () => {
    const document = editor.document;
    const target = rangeOf(document, 'leaders know the area well');
    // A selection with spaces around: the span covers the words only.
    editor.selection = new vscode.Selection(target.start.translate(0, -1), target.end.translate(0, 0));
    const edited = await vscode.commands.executeCommand<boolean>('findings.tagSelection', { code: 'strength', themes: ['leadership'] });
    assert.strictEqual(edited, true);
    assert.ok(document.getText().includes('Inspectors said that [leaders know the area well]{.strength theme=leadership}.'), document.getText());
  });

  it('findings.tagAsQuote leaves a placeholder for the required speaker, with the cursor in it', async () => {
    const document = editor.document;
    const target = rangeOf(document, '"nobody listens to us"');
    editor.selection = new vscode.Selection(target.start, target.end);
    const edited = await vscode.commands.executeCommand<boolean>('findings.tagAsQuote', { themes: [] });
    assert.strictEqual(edited, true);
    const expected = '["nobody listens to us"]{.quote speaker=""}';
    assert.ok(document.getText().includes(expected), document.getText());
    // The snippet put the cursor between the quotes of speaker="".
    const inside = rangeOf(document, 'speaker=""').start.translate(0, 'speaker="'.length);
    assert.ok(editor.selection.active.isEqual(inside), `cursor at ${editor.selection.active.line}:${editor.selection.active.character}`);
    assert.ok(await editor.edit((b) => b.insert(editor.selection.active, 'parents')));
    assert.ok(document.getText().includes('["nobody listens to us"]{.quote speaker="parents"}'), document.getText());
  });

  it('writes attribute values given as arguments, quoted when they need it', async () => {
    const document = editor.document;
    const target = rangeOf(document, 'The council said it accepted the findings.');
    editor.selection = new vscode.Selection(target.start, target.end);
    const edited = await vscode.commands.executeCommand<boolean>('findings.tagSelection', { code: 'response', attributes: { speaker: 'the council', stance: 'accepts' } });
    assert.strictEqual(edited, true);
    assert.ok(document.getText().includes('[The council said it accepted the findings.]{.response speaker="the council" stance=accepts}'), document.getText());
  });

  it('tags with several codes on one span, the article text kept, in one undo step', async () => {
    const document = editor.document;
    const before = document.getText();
    const target = rangeOf(document, '"nobody listens to us"');
    editor.selection = new vscode.Selection(target.start, target.end);
    const edited = await vscode.commands.executeCommand<boolean>('findings.tagSelection', { codes: ['weakness', 'quote'], themes: ['co-production'], attributes: { speaker: 'parents', role: 'parent' } });
    assert.strictEqual(edited, true);
    assert.ok(document.getText().includes('Parents said ["nobody listens to us"]{.weakness .quote theme=co-production speaker=parents role=parent} at the forum.'), document.getText());
    assert.strictEqual(parseReport(document.getText()).cleanText, parseReport(before).cleanText);
    await waitForDiagnostics(document.uri, (d) => d.length === 0, 'no problems after tagging');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), before, 'one undo takes the whole tag away');
  });

  it('with several codes, leaves placeholders for the required attributes of each, and undoes in one step', async () => {
    const document = editor.document;
    const before = document.getText();
    const target = rangeOf(document, 'The council said it accepted the findings.');
    editor.selection = new vscode.Selection(target.start, target.end);
    const edited = await vscode.commands.executeCommand<boolean>('findings.tagSelection', { codes: ['response', 'strength'], themes: ['leadership'] });
    assert.strictEqual(edited, true);
    assert.ok(document.getText().includes('[The council said it accepted the findings.]{.response .strength speaker="" theme=leadership}'), document.getText());
    assert.strictEqual(parseReport(document.getText()).cleanText, parseReport(before).cleanText);
    await vscode.commands.executeCommand('leaveSnippet');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), before, 'one undo takes the markup and its placeholders away');
  });

  it('rejects several codes when one is not in the codebook: nothing is tagged', async () => {
    const document = editor.document;
    const target = rangeOf(document, 'Inspectors said');
    editor.selection = new vscode.Selection(target.start, target.end);
    const before = document.getText();
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('findings.tagSelection', { codes: ['strength', 'no-such-code'], themes: [] }), false);
    assert.strictEqual(document.getText(), before);
  });

  it('changes nothing when there is no selection', async () => {
    const document = editor.document;
    editor.selection = new vscode.Selection(10, 3, 10, 3);
    const before = document.getText();
    const edited = await vscode.commands.executeCommand<boolean>('findings.tagAsStrength', { themes: ['outcomes'] });
    assert.strictEqual(edited, false);
    assert.strictEqual(document.getText(), before);
  });

  it('changes nothing for a selection in the front matter', async () => {
    const document = editor.document;
    editor.selection = new vscode.Selection(1, 0, 1, 16);
    const before = document.getText();
    const edited = await vscode.commands.executeCommand<boolean>('findings.tagAsStrength', { themes: ['outcomes'] });
    assert.strictEqual(edited, false);
    assert.strictEqual(document.getText(), before);
  });

  it('rejects a code the codebook does not define', async () => {
    const document = editor.document;
    const target = rangeOf(document, 'Inspectors said');
    editor.selection = new vscode.Selection(target.start, target.end);
    const before = document.getText();
    const edited = await vscode.commands.executeCommand<boolean>('findings.tagSelection', { code: 'no-such-code' });
    assert.strictEqual(edited, false);
    assert.strictEqual(document.getText(), before);
  });
});
