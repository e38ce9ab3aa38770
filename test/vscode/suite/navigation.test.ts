/**
 * Outline (document symbols), hover and go to definition through VS Code's
 * provider commands, on committed samples (opened, never edited).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, hoverText, open, rangeOf, sample } from './helpers';
import type { FindingsApi } from '../../../client/extension';

const unescapeMarkdown = (text: string): string => text.replace(/\\(.)/g, '$1');

describe('outline, hover and definition', function () {
  this.timeout(60_000);
  let api: FindingsApi;
  let document: vscode.TextDocument;

  before(async () => {
    api = await activate();
    document = (await open(sample('darlington.report.md'))).document;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('outlines the front matter and each code with its span count', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.ok(symbols && symbols.length > 1, 'no symbols');
    assert.strictEqual(symbols[0].name, 'Front matter');
    const fields = symbols[0].children.map((c) => c.name);
    for (const field of ['area', 'framework', 'inspection_type', 'outcome', 'annotator', 'status']) assert.ok(fields.includes(field), `no ${field} in ${fields.join(', ')}`);

    // Each code group is "<code> (<n>)", n as findings/documentCounts counts it, with one child per span.
    const counts = await api.documentCounts(document.uri);
    assert.ok(counts);
    const groups = symbols.slice(1).map((s) => ({ name: s.name, children: s.children.length }));
    const expected = Object.entries(counts.byCode).filter(([, n]) => n > 0).map(([code, n]) => ({ name: `${code} (${n})`, children: n }));
    const sort = (list: Array<{ name: string }>) => [...list].sort((a, b) => a.name.localeCompare(b.name));
    assert.deepStrictEqual(sort(groups), sort(expected));
    for (const group of symbols.slice(1)) {
      for (const span of group.children) assert.ok(group.range.contains(span.range), `${span.name} lies outside ${group.name}`);
    }
  });

  it("shows a code's description from the codebook on hover", async () => {
    const codebook = await api.codebook(document.uri);
    const weakness = codebook.codes.find((c) => c.name === 'weakness');
    assert.ok(weakness);
    const at = rangeOf(document, '.weakness').start.translate(0, 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
    const text = unescapeMarkdown(hoverText(hovers ?? []));
    assert.ok(text.includes(weakness.description), `hover: ${text}`);
    assert.ok(text.includes(weakness.label), `hover: ${text}`);
  });

  it("shows a theme's definition on hover", async () => {
    const codebook = await api.codebook(document.uri);
    const theme = codebook.themes.find((t) => t.name === 'adulthood');
    assert.ok(theme);
    const at = rangeOf(document, 'theme=adulthood').start.translate(0, 'theme='.length + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
    const text = unescapeMarkdown(hoverText(hovers ?? []));
    assert.ok(text.includes(theme.definition), `hover: ${text}`);
  });

  it('goes from a code to its entry in the read-only built-in codebook', async () => {
    const at = rangeOf(document, '.weakness').start.translate(0, 3);
    const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', document.uri, at);
    assert.ok(locations && locations.length === 1, `definitions: ${JSON.stringify(locations)}`);
    const location = locations[0];
    const uri = 'targetUri' in location ? location.targetUri : location.uri;
    const range = 'targetUri' in location ? location.targetSelectionRange ?? location.targetRange : location.range;
    assert.strictEqual(uri.scheme, 'findings-codebook');
    // The client's content provider serves it: the range points at the code's entry.
    const codebook = await vscode.workspace.openTextDocument(uri);
    assert.match(codebook.getText(), /^name: send$/m);
    assert.match(codebook.lineAt(range.start.line).text, /weakness/);
  });
});
