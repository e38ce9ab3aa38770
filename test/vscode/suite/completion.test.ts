/**
 * Completions through VS Code's provider API: codes after `{.`, themes after
 * `theme=`, front-matter keys on an empty line, areas after `area:` (those
 * the article names first); annotators and partners from the workspace's
 * reports, and never words of the article.
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

  describe('respecting the article', () => {
    const ARTICLE_REPORT = `---
area: Darlington
framework: "2016"
inspection_type: full
outcome: wsoa_required
annotator: 
partners: []
status: draft
---
Inspectors visited Middlesbrough and then Hartlepool, and Hartlepool again; leaders said [parents]{.quote speaker="one parent" } felt unheard.
`;
    let article: vscode.TextDocument;
    const words = new Set(ARTICLE_REPORT.slice(ARTICLE_REPORT.lastIndexOf('---')).split(/[^A-Za-z-]+/).filter(Boolean));
    /** The items of the language server (VS Code adds its snippets and, where a provider has nothing, words of open documents). */
    const serverItems = (items: vscode.CompletionItem[]) => items.filter((item) => item.kind !== vscode.CompletionItemKind.Snippet);
    const bySortText = (items: vscode.CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b))).map(labelOf);

    before(async () => {
      article = (await open(await temp.write('article.report.md', ARTICLE_REPORT))).document;
    });

    it('offers the annotators of the workspace for `annotator`, and no word of the article', async () => {
      const items = await completionsAt(article.uri, positionAfter(article, 'annotator: '), ' ');
      // The annotators the workspace's reports name (the samples: findings-team on every one of them).
      const annotators = new Set<string>();
      for (const uri of await vscode.workspace.findFiles('**/*.report.md', '**/broken/**')) {
        const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
        for (const match of text.matchAll(/^annotator: *(\S.*)$/gm)) annotators.add(match[1].trim());
      }
      assert.strictEqual(bySortText(items)[0], 'findings-team', 'the most frequent first');
      assert.deepStrictEqual(items.filter((item) => !annotators.has(labelOf(item))).map(labelOf), [], 'only annotators of the workspace');
      assert.ok(!items.some((item) => item.kind === vscode.CompletionItemKind.Text), 'words of the documents offered');
    });

    it('offers the partners of the reports of the same area for `partners`', async () => {
      const items = await completionsAt(article.uri, positionAfter(article, 'partners: ['));
      assert.deepStrictEqual(bySortText(serverItems(items)), ['Darlington Borough Council', 'Tees Valley Clinical Commissioning Group']);
      assert.ok(!items.some((item) => words.has(labelOf(item))), items.map(labelOf).join(', '));
    });

    it('lists the areas the article names first, the most named first', async () => {
      const items = await completionsAt(article.uri, positionAfter(article, 'area: Darlington'));
      assert.ok(items.length > 150, `${items.length} areas`);
      assert.deepStrictEqual(bySortText(serverItems(items)).slice(0, 2), ['Hartlepool', 'Middlesbrough']);
    });

    it('offers in an attribute block only codes, ids, attributes and values', async () => {
      for (const [needle, trigger] of [['speaker="one parent" ', ' '], ['{.quote ', undefined], ['speaker="', '"']] as const) {
        const items = serverItems(await completionsAt(article.uri, positionAfter(article, needle), trigger));
        const kinds = new Set([vscode.CompletionItemKind.Class, vscode.CompletionItemKind.Field, vscode.CompletionItemKind.Reference, vscode.CompletionItemKind.EnumMember]);
        const stray = items.filter((item) => !kinds.has(item.kind!) || ['area', 'framework', 'annotator', 'partners', 'status'].includes(labelOf(item)));
        assert.deepStrictEqual(stray.map((item) => `${labelOf(item)} (${item.kind})`), [], `after ${needle}`);
      }
    });
  });
});
