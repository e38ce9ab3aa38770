/**
 * The coded reader's requests over stdio: `findings/reader` and
 * `findings/passages` describe a report as the server parsed it,
 * `findings/readerUpdate` answers a client that names the model it holds
 * with what changed since, and `findings/tag` with `cleanSelections` tags
 * what was selected in the reader.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { parseReport } from '../../core/document/parseReport';
import { applyReaderDelta } from '../../core/reader/readerDelta';
import { PassagesRequest, ReaderRequest, ReaderUpdateRequest, TagRequest, type ReaderDeltaResult, type ReaderResult } from '../../protocol';
import { TempDir } from '../helpers/tempDir';
import { applyTagResult } from './applyTagResult';
import { LspClient, repoPath, uriOf } from './lspClient';

const INVALID_PARAMS = -32602;

describe('lsp: the coded reader', function () {
  this.timeout(60_000);
  let dir: TempDir;
  let client: LspClient;
  const text = fs.readFileSync(repoPath('samples', 'darlington.report.md'), 'utf8');
  let uri: string;

  before(async () => {
    dir = new TempDir('findings-reader-');
    uri = uriOf(dir.write('darlington.report.md', text));
    client = await LspClient.start({ folders: [dir.path] });
    await client.open(uri, text, 7);
  });
  after(async () => {
    await client.stop();
    dir.remove();
  });

  it('findings/reader gives the clean text, the header and one passage per span, for the open version', async () => {
    const document = parseReport(text);
    const model = await client.request(ReaderRequest, { uri });
    assert.ok(model);
    assert.equal(model.version, 7);
    assert.equal(model.name, 'darlington.report.md');
    assert.equal(model.cleanText, document.cleanText);
    assert.equal(model.header.title, 'Darlington');
    assert.equal(model.passages.length, document.spans.length);
    assert.equal(model.fingerprint, '411f9c32790eb451c7a4bb353887ccb4fd06ca49f102d65bafddabdc9065f7ba');
    const passages = await client.request(PassagesRequest, { uri });
    assert.ok(passages);
    assert.deepEqual(passages.passages, model.passages);
    assert.deepEqual(passages.codes, model.codes);
    assert.equal(await client.request(ReaderRequest, { uri: `${uri}.missing` }), null);
  });

  it('findings/readerUpdate answers with what changed since the model named, which applied gives the whole model', async () => {
    const other = uriOf(dir.write('update.report.md', text));
    await client.open(other, text, 1);
    const first = await client.request(ReaderUpdateRequest, { uri: other });
    assert.ok(first && !('base' in first), 'without `since`, the whole model');
    assert.deepEqual(first, await client.request(ReaderRequest, { uri: other }));
    const same = await client.request(ReaderUpdateRequest, { uri: other, since: first.revision });
    assert.ok(same && 'base' in same);
    assert.equal(same.revision, first.revision, 'an unchanged report keeps its revision');
    assert.deepEqual(same.passages.items, []);

    // Two edits: one in the article, one that tags nothing but breaks a line before the spans.
    const at = text.indexOf('The joint inspection');
    const position = { line: text.slice(0, at).split('\n').length - 1, character: at - text.lastIndexOf('\n', at - 1) - 1 };
    await client.change(other, 2, [{ range: { start: position, end: position }, text: 'x' }]);
    const second = await client.request(ReaderUpdateRequest, { uri: other, since: first.revision });
    assert.ok(second && 'base' in second && second.base === first.revision && second.version === 2);
    const whole2 = (await client.request(ReaderRequest, { uri: other }))!;
    assert.deepEqual(applied(first, second), whole2);
    assert.ok(second.passages.items.length <= 1 && second.text.text === 'x');
    await client.change(other, 3, [{ range: { start: position, end: position }, text: 'y\n' }]);
    const whole3 = (await client.request(ReaderRequest, { uri: other }))!;
    const third = await client.request(ReaderUpdateRequest, { uri: other, since: whole2.revision });
    assert.ok(third && 'base' in third);
    assert.deepEqual(applied(whole2, third), whole3);
    // From the older model too, and the whole model for a revision the server does not know.
    const both = await client.request(ReaderUpdateRequest, { uri: other, since: first.revision });
    assert.ok(both && 'base' in both);
    assert.deepEqual(applied(first, both), whole3);
    assert.deepEqual(await client.request(ReaderUpdateRequest, { uri: other, since: 'unknown' }), whole3);
    assert.equal(await client.request(ReaderUpdateRequest, { uri: `${other}.missing`, since: first.revision }), null);
    await assert.rejects(client.request(ReaderUpdateRequest, { uri: other, since: 3 } as never), (error: { code: number }) => error.code === INVALID_PARAMS);
    await client.close(other);
  });

  it('findings/tag tags a clean-text selection, taking in a span it covers whole', async () => {
    const model = (await client.request(ReaderRequest, { uri }))!;
    const passage = model.passages.find((p) => p.codes.includes('wsoa'))!;
    const result = await client.request(TagRequest, { textDocument: { uri, version: 7 }, cleanSelections: [{ start: passage.start, end: passage.end }], code: 'recommendation' });
    assert.deepEqual(result.refused, []);
    const tagged = applyTagResult(text, result);
    assert.ok(tagged.includes('[[They called on leaders'), 'the new span goes around the existing one');
    assert.equal(parseReport(tagged).cleanText, model.cleanText);
    assert.equal(parseReport(tagged).spans.length, model.passages.length + 1);
  });

  it('refuses parameters that give both kinds of selection, or neither, a backwards range, or more than 1,000 selections', async () => {
    const base = { textDocument: { uri, version: 7 }, code: 'strength' };
    for (const params of [
      { ...base, selections: [], cleanSelections: [] },
      { ...base },
      { ...base, cleanSelections: [{ start: 5, end: 2 }] },
      { ...base, cleanSelections: [{ start: -1, end: 2 }] },
      { ...base, cleanSelections: Array.from({ length: 1001 }, () => ({ start: 0, end: 1 })) },
    ]) {
      await assert.rejects(client.request(TagRequest, params as never), (error: { code: number }) => error.code === INVALID_PARAMS);
    }
  });
});

/** A delta applied as the extension applies it. */
function applied(model: ReaderResult, delta: ReaderDeltaResult): ReaderResult {
  const next = applyReaderDelta(model, delta);
  assert.ok(next, 'the delta fits the model');
  return { ...next, version: delta.version, revision: delta.revision };
}
