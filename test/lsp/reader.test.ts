/**
 * The coded reader's requests over stdio: `findings/reader` and
 * `findings/passages` describe a report as the server parsed it, and
 * `findings/tag` with `cleanSelections` tags what was selected in the reader.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { parseReport } from '../../core/document/parseReport';
import { PassagesRequest, ReaderRequest, TagRequest } from '../../protocol';
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
