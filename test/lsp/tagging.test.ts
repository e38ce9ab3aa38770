/**
 * `findings/tag` over stdio: the server computes the edit that tags the
 * selections (markup, quoting, snippet placeholders, refusals), for the
 * version the client saw, from the codebook in force.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import type { Position } from 'vscode-languageserver-protocol';
import { parseReport } from '../../core/document/parseReport';
import { TagRequest, type TagParams } from '../../protocol';
import { TempDir } from '../helpers/tempDir';
import { applyTagResult } from './applyTagResult';
import { LspClient, repoPath, uriOf } from './lspClient';

const CONTENT_MODIFIED = -32801;
const INVALID_PARAMS = -32602;

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function rangeOf(text: string, needle: string) {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `no ${needle}`);
  return { start: positionAt(text, start), end: positionAt(text, start + needle.length) };
}

async function failure(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: number; message: string };
  }
  assert.fail('the request should have failed');
}

describe('lsp: findings/tag', function () {
  this.timeout(60_000);
  let dir: TempDir;
  let client: LspClient;
  const text = fs.readFileSync(repoPath('samples', 'darlington.report.md'), 'utf8');
  let uri: string;

  before(async () => {
    dir = new TempDir('findings-tag-');
    uri = uriOf(dir.write('darlington.report.md', text));
    client = await LspClient.start({ folders: [dir.path] });
    await client.open(uri, text, 3);
  });
  after(async () => {
    await client.stop();
    dir.remove();
  });

  const params = (overrides: Partial<TagParams>): TagParams => ({ textDocument: { uri, version: 3 }, selections: [], code: 'weakness', ...overrides });

  it('wraps each selection with the code and its themes, keeping the article text', async () => {
    const passage = 'The joint inspection, carried out over five days in January';
    const result = await client.request(TagRequest, params({ selections: [rangeOf(text, passage)], themes: ['health', 'co-production'] }));
    assert.deepEqual(result.refused, []);
    assert.equal(result.edits.length, 2);
    assert.ok(result.edits.every((edit) => edit.snippet === undefined));
    const tagged = applyTagResult(text, result);
    assert.ok(tagged.includes(`[${passage}]{.weakness theme="health co-production"}`));
    assert.equal(parseReport(tagged).cleanText, parseReport(text).cleanText);
  });

  it('gives a snippet with a placeholder for a required attribute without a value', async () => {
    const passage = 'The joint inspection';
    const result = await client.request(TagRequest, params({ code: 'quote', selections: [rangeOf(text, passage)] }));
    const closing = result.edits.find((edit) => edit.newText !== '[')!;
    assert.equal(closing.newText, ']{.quote speaker=""}');
    assert.equal(closing.snippet, ']{.quote speaker="${1}"\\}$0');
  });

  it('says which selections it refused and why', async () => {
    const frontMatter = { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } };
    const blank = { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } };
    const result = await client.request(TagRequest, params({ selections: [frontMatter, blank, rangeOf(text, 'The joint inspection')], themes: ['health'] }));
    assert.deepEqual(result.refused.map((refusal) => refusal.reason), ['outsideBody', 'empty']);
    assert.match(result.refused[0].message, /front matter/);
    assert.deepEqual(result.tagged, [rangeOf(text, 'The joint inspection')]);
  });

  it('answers ContentModified for another version, InvalidParams for an unknown code or report', async () => {
    assert.equal((await failure(client.request(TagRequest, params({ textDocument: { uri, version: 2 } })))).code, CONTENT_MODIFIED);
    const unknown = await failure(client.request(TagRequest, params({ code: 'no-such-code' })));
    assert.equal(unknown.code, INVALID_PARAMS);
    assert.match(unknown.message, /defines no code `no-such-code`/);
    assert.equal((await failure(client.request(TagRequest, params({ textDocument: { uri: 'file:///nowhere.txt', version: 1 } })))).code, INVALID_PARAMS);
  });
});
