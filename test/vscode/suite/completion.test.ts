/**
 * Completions through VS Code's provider API: codes after `{.`, themes after
 * `theme=`, front-matter keys on an empty line, areas after `area:`.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, labelOf, open, positionAfter, TempFolder } from './helpers';

const REPORT = `---
area: Darl
framework: "2016"
inspection_type: full
outcome: wsoa_required
annotator: suite
status: draft

---
Inspectors found [delays in assessments]{.} in the area.
They said [leaders were slow]{.weakness theme=} to act, and [parents]{.quote } spoke.
`;

async function completionsAt(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, trigger);
  assert.ok(list, 'no completion list');
  return list.items;
}

describe('completion', function () {
  this.timeout(60_000);
  let temp: TempFolder;
  let document: vscode.TextDocument;

  before(async () => {
    await activate();
    temp = await TempFolder.create('completion');
    document = (await open(await temp.write('completion.report.md', REPORT))).document;
  });

  after(async () => {
    await temp.dispose();
  });

  it('offers the codebook codes after `{.`, with their descriptions', async () => {
    const items = await completionsAt(document.uri, positionAfter(document, '{.'), '.');
    const labels = items.map(labelOf);
    for (const code of ['strength', 'weakness', 'wsoa', 'quote', 'response']) assert.ok(labels.includes(code), `no ${code} in ${labels.join(', ')}`);
    const weakness = items.find((i) => labelOf(i) === 'weakness')!;
    const docs = typeof weakness.documentation === 'string' ? weakness.documentation : weakness.documentation?.value ?? '';
    assert.match(`${weakness.detail ?? ''} ${docs}`, /weakness/i);
  });

  it('offers the themes after `theme=`', async () => {
    const items = await completionsAt(document.uri, positionAfter(document, 'theme='), '=');
    const labels = items.map(labelOf);
    for (const theme of ['leadership', 'identification', 'ehc-plans', 'outcomes']) assert.ok(labels.includes(theme), `no ${theme} in ${labels.join(', ')}`);
    assert.ok(!labels.includes('strength'), 'codes offered as themes');
  });

  it('offers the attributes of the code after a space in the block', async () => {
    const items = await completionsAt(document.uri, positionAfter(document, '{.quote '), ' ');
    const labels = items.map(labelOf);
    assert.ok(labels.some((l) => l.startsWith('speaker')), `no speaker in ${labels.join(', ')}`);
  });

  it('offers the missing front-matter fields on an empty line of the front matter', async () => {
    const emptyLine = document.lineAt(7);
    assert.strictEqual(emptyLine.text, '');
    const items = await completionsAt(document.uri, emptyLine.range.start);
    const labels = items.map(labelOf);
    for (const key of ['inspectorates', 'published', 'partners', 'source']) assert.ok(labels.includes(key), `no ${key} in ${labels.join(', ')}`);
    for (const key of ['area', 'framework', 'outcome']) assert.ok(!labels.includes(key), `${key} is already set but offered`);
  });

  it('offers local areas after `area:`, the one typed first', async () => {
    const items = await completionsAt(document.uri, positionAfter(document, 'area: Darl'));
    const labels = items.map(labelOf);
    assert.ok(labels.includes('Darlington'), 'no Darlington');
    assert.ok(labels.includes('Hartlepool'), 'not every area is offered');
    assert.ok(items.length > 150, `${items.length} areas`);
  });

  it('offers the allowed values of an enum field', async () => {
    const items = await completionsAt(document.uri, positionAfter(document, 'status: '));
    assert.deepStrictEqual(items.map(labelOf).filter((l) => l === 'draft' || l === 'reviewed').sort(), ['draft', 'reviewed']);
  });
});
