/**
 * Completion over stdio with the workspace's knowledge: `annotator` is
 * offered the annotators of the folder's other reports (those of its
 * dataset), `partners` those of the reports of the same area; never words of
 * the article.
 */
import { strict as assert } from 'node:assert';
import type { CompletionList, Position } from 'vscode-languageserver-protocol';
import { ExportCheckRequest } from '../../protocol/export';
import { TempDir } from '../helpers/tempDir';
import { LspClient, uriOf } from './lspClient';

function report(fields: string, body = 'Inspectors visited the area in March.'): string {
  return `---\nframework: "2016"\ninspection_type: full\noutcome: no_wsoa\nstatus: draft\n${fields}\n---\n${body}\n`;
}

/** The position just after `needle` in a text. */
function positionAfter(text: string, needle: string): Position {
  const end = text.indexOf(needle) + needle.length;
  const lines = text.slice(0, end).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

describe('lsp: completion from the workspace', function () {
  this.timeout(60_000);
  let dir: TempDir;
  let client: LspClient;
  const editing = report('area: Darlington\nannotator: \npartners: []', 'Leaders were slow to act, parents said, and the council agreed.');
  let uri: string;

  before(async () => {
    dir = new TempDir('findings-completion-');
    dir.write('a.report.md', report('area: Darlington\nannotator: jd\npartners: [Darlington Borough Council, NHS Tees Valley CCG]'));
    dir.write('b.report.md', report('area: Hartlepool\nannotator: jd\npartners: [Hartlepool Borough Council]'));
    dir.write('c.report.md', report('area: Stoke-on-Trent\nannotator: mk\npartners: [Stoke-on-Trent City Council]'));
    // A report the dataset leaves out lends nothing.
    dir.write('aside/d.report.md', report('area: Darlington\nannotator: zz\npartners: [Set Aside Council]'));
    dir.write('.findingsignore', 'aside/\n');
    uri = uriOf(dir.write('editing.report.md', editing));
    client = await LspClient.start({ folders: [dir.path] });
    // Answered once the folder has been scanned.
    await client.request(ExportCheckRequest, { scope: { kind: 'workspace' } });
    await client.open(uri, editing);
  });
  after(async () => {
    await client.stop();
    dir.remove();
  });

  /** Completion invoked at a position, or triggered by the space typed before it. */
  const labels = async (position: Position, afterSpace = false) => {
    const context = afterSpace ? { triggerKind: 2, triggerCharacter: ' ' } : { triggerKind: 1 };
    const list = (await client.request('textDocument/completion', { textDocument: { uri }, position, context })) as CompletionList;
    return [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((item) => item.label);
  };

  it('offers the annotators of the other reports of the dataset, the most frequent first', async () => {
    assert.deepEqual(await labels(positionAfter(editing, 'annotator: '), true), ['jd', 'mk']);
  });

  it("offers the partners of the same area's reports, and no word of the article", async () => {
    const offered = await labels(positionAfter(editing, 'partners: ['));
    assert.deepEqual(offered, ['Darlington Borough Council', 'NHS Tees Valley CCG']);
    const words = new Set(editing.split(/[^A-Za-z]+/));
    assert.deepEqual(offered.filter((label) => words.has(label)), []);
  });

  it('offers the next partner after a comma and a space typed in a flow list', async () => {
    const list = report('area: Darlington\npartners: [Darlington Borough Council, ]', 'Body.');
    const second = uriOf(dir.write('second.report.md', list));
    await client.open(second, list);
    const position = positionAfter(list, 'Council, ');
    const completion = (await client.request('textDocument/completion', { textDocument: { uri: second }, position, context: { triggerKind: 2, triggerCharacter: ' ' } })) as CompletionList;
    assert.deepEqual(completion.items.map((item) => item.label), ['NHS Tees Valley CCG']);
    await client.close(second);
  });

  it('follows an edit of another open report', async () => {
    const other = uriOf(`${dir.path}/c.report.md`);
    const text = report('area: Darlington\nannotator: pq\npartners: [Darlington Borough Council]');
    await client.open(other, text);
    assert.deepEqual(await labels(positionAfter(editing, 'annotator: ')), ['jd', 'pq']);
    await client.close(other);
  });
});
