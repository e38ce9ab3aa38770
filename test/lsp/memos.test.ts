/**
 * Memos over stdio: `findings/memoAt` and `findings/memoEdit` on an open
 * report (its version checked), `findings/memos` over the workspace, and the
 * hover anywhere in a coded passage, as any LSP client gets it.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { parseReport } from '../../core/document/parseReport';
import { MemoAtRequest, MemoEditRequest, MemosRequest, type MemoEditResult } from '../../protocol';
import { TempDir } from '../helpers/tempDir';
import { LspClient, repoPath, uriOf } from './lspClient';

const INVALID_PARAMS = -32602;
const CONTENT_MODIFIED = -32801;

/** The text after the edits, applied as a client does (positions in the text before). */
function apply(text: string, result: MemoEditResult): string {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  const offsetOf = (p: Position) => starts[p.line] + p.character;
  let out = text;
  for (const edit of [...result.edits].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start))) {
    out = out.slice(0, offsetOf(edit.range.start)) + edit.newText + out.slice(offsetOf(edit.range.end));
  }
  return out;
}

/** The position of the first `needle` in a text, plus `delta` characters. */
function positionOf(text: string, needle: string, delta = 0): Position {
  const at = text.indexOf(needle) + delta;
  assert.ok(at >= delta, `${needle} not found`);
  const before = text.slice(0, at);
  return { line: before.split('\n').length - 1, character: at - before.lastIndexOf('\n') - 1 };
}

const NOTES = '---\narea: Hartlepool\nframework: "2016"\ninspection_type: full\noutcome: no_wsoa\nannotator: jd\nstatus: draft\nmemo: |\n  Ask Sam about the dates.\n---\nLeaders [said [things]{.quote speaker=x role=parent memo="inner \\"note\\""} well]{.strength theme=leadership}.\n';

describe('lsp: memos', function () {
  this.timeout(60_000);
  let dir: TempDir;
  let client: LspClient;
  const text = fs.readFileSync(repoPath('samples', 'darlington.report.md'), 'utf8');
  let uri: string;
  let notesUri: string;

  before(async () => {
    dir = new TempDir('findings-memos-');
    uri = uriOf(dir.write('darlington.report.md', text));
    notesUri = uriOf(dir.write('a/notes.report.md', NOTES));
    client = await LspClient.start({ folders: [dir.path] });
    await client.open(uri, text, 3);
  });
  after(async () => {
    await client.stop();
    dir.remove();
  });

  it('findings/memoAt gives the innermost passage at a position, its codes, excerpt and memo; null outside every passage', async () => {
    const at = await client.request(MemoAtRequest, { uri, position: positionOf(text, 'significant concerns') });
    assert.deepEqual(at, { passage: 2, memo: '', codes: ['quote'], excerpt: '"significant concerns"' });
    const outer = await client.request(MemoAtRequest, { uri, position: positionOf(text, 'watchdogs') });
    assert.equal(outer?.passage, 1);
    assert.equal(await client.request(MemoAtRequest, { uri, position: positionOf(text, 'The joint inspection') }), null);
    assert.equal(await client.request(MemoAtRequest, { uri, position: { line: 2, character: 0 } }), null, 'in the front matter');
    const read = await client.request(MemoAtRequest, { uri: notesUri, position: positionOf(NOTES, 'things') });
    assert.equal(read?.memo, 'inner "note"', 'a report read from disk, escapes resolved');
  });

  it('findings/memoEdit writes the memo quoted and escaped by position or by passage, and the clean text stays', async () => {
    const memo = 'Why "significant"? See {the letter} \\ [p. 2] 😀';
    const byPosition = await client.request(MemoEditRequest, { textDocument: { uri, version: 3 }, position: positionOf(text, 'significant concerns'), memo });
    assert.ok(byPosition);
    assert.equal(byPosition.passage, 2);
    const edited = apply(text, byPosition);
    const after = parseReport(edited);
    assert.equal(after.cleanText, parseReport(text).cleanText);
    assert.equal(after.spans[2].attributes.find((a) => a.key === 'memo')?.value, memo);
    assert.ok(edited.includes('role=inspector memo="Why \\"significant\\"? See {the letter} \\\\ [p. 2] 😀"}'));
    const byPassage = await client.request(MemoEditRequest, { textDocument: { uri, version: 3 }, passage: 2, memo });
    assert.deepEqual(byPassage, byPosition);
  });

  it('findings/memoEdit removes a memo with an empty one, and gives null where there is no passage', async () => {
    const removed = await client.request(MemoEditRequest, { textDocument: { uri: notesUri, version: 0 }, passage: 1, memo: '' });
    assert.equal(apply(NOTES, removed!).includes('{.quote speaker=x role=parent}'), true);
    assert.equal(await client.request(MemoEditRequest, { textDocument: { uri, version: 3 }, position: positionOf(text, 'The joint'), memo: 'x' }), null);
    assert.equal(await client.request(MemoEditRequest, { textDocument: { uri, version: 3 }, passage: 9999, memo: 'x' }), null);
  });

  it('answers ContentModified for another version of the open report, InvalidParams for malformed parameters', async () => {
    const refused = async (params: unknown) => client.request(MemoEditRequest, params as never).then(() => undefined, (error: { code: number }) => error.code);
    assert.equal(await refused({ textDocument: { uri, version: 2 }, passage: 0, memo: 'x' }), CONTENT_MODIFIED);
    for (const params of [
      { textDocument: { uri, version: 3 }, memo: 'x' },
      { textDocument: { uri, version: 3 }, passage: 0, position: { line: 17, character: 1 }, memo: 'x' },
      { textDocument: { uri, version: 3 }, passage: -1, memo: 'x' },
      { textDocument: { uri, version: 3 }, passage: 0, memo: 5 },
      { textDocument: { uri: 'file:///nowhere.report.md', version: 1 }, passage: 0, memo: 'x' },
    ]) {
      assert.equal(await refused(params), INVALID_PARAMS, JSON.stringify(params));
    }
    assert.equal(await client.request(MemoAtRequest, { uri, position: { line: -1, character: 0 } } as never).then(() => 0, (error: { code: number }) => error.code), INVALID_PARAMS);
  });

  it('findings/memos lists every memo of the workspace, by path then in document order, with ranges to go to', async () => {
    const { memos } = await client.request(MemosRequest, {});
    assert.deepEqual(memos.map((m) => [m.path, m.kind, m.passage, m.memo]), [['a/notes.report.md', 'report', null, 'Ask Sam about the dates.\n'], ['a/notes.report.md', 'passage', 1, 'inner "note"']]);
    assert.equal(memos[0].excerpt, 'Hartlepool');
    assert.deepEqual([memos[1].codes, memos[1].excerpt, memos[1].uri], [['quote'], 'things', notesUri]);
    assert.deepEqual(memos[1].range, { start: positionOf(NOTES, 'things'), end: positionOf(NOTES, 'things', 6) });
    const { memos: folder } = await client.request(MemosRequest, { scope: { kind: 'document', uri } });
    assert.deepEqual(folder, []);
  });

  it('follows edits of the open report: a memo written appears in the list', async () => {
    const result = await client.request(MemoEditRequest, { textDocument: { uri, version: 3 }, passage: 0, memo: 'Check the council reply.' });
    const edited = apply(text, result!);
    await client.open(uri, edited, 4);
    const { memos } = await client.request(MemosRequest, { scope: { kind: 'workspace' } });
    assert.deepEqual(memos.map((m) => [m.path, m.passage, m.memo]).filter(([path]) => path === 'darlington.report.md'), [['darlington.report.md', 0, 'Check the council reply.']]);
    await client.open(uri, text, 5);
  });

  it('hovers anywhere in a coded passage with its codes, themes, attributes and memo, innermost first', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: notesUri }, position: positionOf(NOTES, 'things', 3) });
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /^\*\*Quotation\*\*/);
    assert.match(value, /Memo:\n\n> inner "note"/);
    assert.match(value, /---\n\nWithin \*\*Strength\*\*/);
    assert.deepEqual(hover?.range, { start: positionOf(NOTES, '[things'), end: positionOf(NOTES, 'things', 6) });
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: notesUri }, position: positionOf(NOTES, 'Leaders') }), null);
    const field = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: notesUri }, position: positionOf(NOTES, 'memo: |') });
    assert.match((field?.contents as MarkupContent).value, /the report's memo[\s\S]*> Ask Sam about the dates\.$/);
  });
});
