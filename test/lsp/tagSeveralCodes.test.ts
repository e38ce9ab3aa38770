/**
 * `findings/tag` with `codes`: one span carrying several codes,
 * `{.weakness .quote …}`, the article text kept; `code` and `codes` are
 * exclusive, and an unknown code is named.
 */
import { strict as assert } from 'node:assert';
import { parseReport } from '../../core/document/parseReport';
import { TagRequest, type TagParams, type TagResult } from '../../protocol';
import { TempDir } from '../helpers/tempDir';
import { LspClient, uriOf } from './lspClient';

const INVALID_PARAMS = -32602;
const TEXT = '---\narea: Darlington\nframework: "2016"\ninspection_type: full\noutcome: no_wsoa\nannotator: jd\nstatus: draft\n---\nParents said "nobody listens to us" at the forum.\n';

describe('lsp: findings/tag with several codes', function () {
  this.timeout(60_000);
  let dir: TempDir;
  let client: LspClient;
  let uri: string;
  const passage = { start: { line: 8, character: 13 }, end: { line: 8, character: 35 } };

  before(async () => {
    dir = new TempDir('findings-tag-codes-');
    uri = uriOf(dir.write('forum.report.md', TEXT));
    client = await LspClient.start({ folders: [dir.path] });
    await client.open(uri, TEXT, 1);
  });
  after(async () => {
    await client.stop();
    dir.remove();
  });

  const tag = (params: Partial<TagParams>) => client.request(TagRequest, { textDocument: { uri, version: 1 }, selections: [passage], ...params } as TagParams);

  it('puts the codes on one span, in the order given, with the themes and attributes', async () => {
    const result = (await tag({ codes: ['weakness', '.quote', 'weakness'], themes: ['co-production'], attributes: { speaker: 'parents' } })) as TagResult;
    assert.deepEqual(result.edits.map((edit) => [edit.range.start, edit.newText]), [
      [passage.start, '['],
      [passage.end, ']{.weakness .quote theme=co-production speaker=parents}'],
    ]);
    const lines = TEXT.split('\n');
    lines[8] = `${lines[8].slice(0, 13)}[${lines[8].slice(13, 35)}]{.weakness .quote theme=co-production speaker=parents}${lines[8].slice(35)}`;
    assert.equal(parseReport(lines.join('\n')).cleanText, parseReport(TEXT).cleanText);
  });

  it('takes `code` or `codes`, not both nor neither, and names the codes the codebook lacks', async () => {
    const failure = async (params: Partial<TagParams>) => {
      try {
        await tag(params);
      } catch (error) {
        return error as { code: number; message: string };
      }
      return assert.fail('the request should have failed');
    };
    assert.equal((await failure({ code: 'weakness', codes: ['quote'] })).code, INVALID_PARAMS);
    assert.equal((await failure({})).code, INVALID_PARAMS);
    assert.equal((await failure({ codes: [] })).code, INVALID_PARAMS);
    const unknown = await failure({ codes: ['weakness', 'nope', 'nada'] });
    assert.equal(unknown.code, INVALID_PARAMS);
    assert.match(unknown.message, /defines no code `nope`, `nada`/);
  });
});
