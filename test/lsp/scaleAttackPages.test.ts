// `findings/findingsPage` with what a hostile or careless client sends: a text
// filter of regular-expression characters, one far longer than any passage
// or as long as the longest, unicode case, offsets past the end or not
// numbers at all, an unknown order, missing members. Every answer is a page
// (the literal text searched) or InvalidParams, never an internal error; and
// "Export findings" with the same filters writes the rows the pages list.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { FindingsPageRequest, MAX_PAGE_FINDINGS, type FindingFilters, type FindingsPageResult } from '../../protocol';
import { ExportRequest } from '../../protocol/export';
import { buildReport } from '../helpers/report';
import { TempDir } from '../helpers/tempDir';
import { findingKey, listFindings, NO_FILTERS } from './findingsPages';
import { LspClient, uriOf } from './lspClient';

const INVALID_PARAMS = -32602;
const WORKSPACE = { kind: 'workspace' } as const;
/** A passage longer than any regular expression V8 compiles from a literal (2^15 units). */
const LONG_PASSAGE = `${'long passage '.repeat(3000)}end`;

const PASSAGES = [
  'Costs rose by 50% (a.b*c) in [brackets] and {braces}',
  'A path C:\\Users\\x and a $dollar ^caret |pipe ?mark +plus /slash',
  'Straße, STRASSE and İstanbul; σίσυφος and ΣΊΣΥΦΟΣ',
  'Emoji 😀 and a Kelvin K sign',
  LONG_PASSAGE,
];

describe('lsp: findings/findingsPage under hostile parameters', function () {
  this.timeout(60_000);
  let dir: TempDir;
  let client: LspClient;

  before(async () => {
    dir = new TempDir('findings-hostile-pages-');
    const body = PASSAGES.map((passage, i) => `[${passage}]{.weakness theme=health memo="memo ${i}"}`).join('\n');
    dir.write('a.report.md', buildReport(`${body}\n`));
    dir.write('b.report.md', buildReport('Just [one]{.strength theme=leadership} here.\n', { fields: { area: undefined } }));
    client = await LspClient.start({ folders: [dir.path] });
  });
  after(async () => {
    await client.stop();
    dir.remove();
  });

  const page = (filters: Partial<FindingFilters>, offset = 0, limit = MAX_PAGE_FINDINGS): Promise<FindingsPageResult> =>
    client.request(FindingsPageRequest, { scope: WORKSPACE, filters: { ...NO_FILTERS, ...filters }, offset, limit });

  /** The keys of the findings an export with these filters writes. */
  async function exported(filters: FindingFilters): Promise<string[]> {
    const out = new TempDir('findings-hostile-export-');
    try {
      const target = path.join(out.path, 'out.jsonl');
      await client.request(ExportRequest, { scope: WORKSPACE, format: 'jsonl', target: uriOf(target), filters });
      return out.read('out.jsonl').split('\n').filter(Boolean).map((line) => findingKey(JSON.parse(line) as { path: string; index: number }));
    } finally {
      out.remove();
    }
  }

  it('searches regular-expression characters as the literal text, and the export keeps what the list shows', async () => {
    for (const text of ['(a.b*c)', '[brackets]', '{braces}', 'c:\\users', '$dollar ^caret |pipe ?mark +plus /slash', '50%', '.*', '\\', '(', ']', '^', '$', '|']) {
      const wanted = PASSAGES.map((passage, index) => ({ passage, index })).filter(({ passage }) => passage.toLowerCase().includes(text.toLowerCase())).map(({ index }) => `a.report.md#${index}`);
      const listed = (await listFindings(client, WORKSPACE, { text })).findings.map(findingKey);
      assert.deepEqual(listed, wanted, JSON.stringify(text));
      assert.deepEqual(await exported({ ...NO_FILTERS, text }), listed, `${JSON.stringify(text)}: the export`);
    }
  });

  it('a text filter of a thousand characters, or of more than a regular expression holds, is searched, not an error', async () => {
    assert.equal((await page({ text: 'x'.repeat(1000) })).matching, 0);
    assert.equal((await page({ text: `${'é'.repeat(40_000)}` })).matching, 0, 'nothing holds it');
    const whole = await page({ text: LONG_PASSAGE.toUpperCase() });
    assert.deepEqual(whole.findings.map(findingKey), ['a.report.md#4'], 'the longest passage holds itself');
    assert.equal(whole.findings[0].cut, true, 'its text cut in the page');
    assert.deepEqual(await exported({ ...NO_FILTERS, text: LONG_PASSAGE }), ['a.report.md#4']);
  });

  it('ignores case as the list says (the same in the list and the export), and a text of blanks filters nothing', async () => {
    for (const text of ['STRASSE', 'straße', 'σίσυφος', 'İSTANBUL', 'k', '😀', '\u00a0\u3000 ']) {
      const listed = (await listFindings(client, WORKSPACE, { text })).findings.map(findingKey);
      assert.deepEqual(await exported({ ...NO_FILTERS, text }), listed, JSON.stringify(text));
    }
    assert.equal((await page({ text: '\u00a0\u3000\t ' })).matching, 6);
  });

  it('answers an offset past the end with an empty page and the counts', async () => {
    for (const offset of [6, 7, 1000, Number.MAX_SAFE_INTEGER, 1e300]) {
      const result = await page({}, offset, 5);
      assert.deepEqual([result.findings.length, result.matching, result.total, result.offset], [0, 6, 6, offset], String(offset));
      const sorted = await client.request(FindingsPageRequest, { scope: WORKSPACE, filters: { ...NO_FILTERS, code: 'weakness' }, sort: 'code', offset, limit: 5 });
      assert.deepEqual([sorted.findings.length, sorted.matching], [0, 5], `${offset} by code`);
    }
    assert.equal((await page({}, 5, 200)).findings.length, 1, 'the last finding alone');
    assert.deepEqual((await page({}, 0, 0)).findings, [], 'the counts alone');
  });

  it('refuses negative, fractional, huge or missing bounds, an unknown order and missing filters with InvalidParams', async () => {
    const base = { scope: WORKSPACE, filters: NO_FILTERS, offset: 0, limit: 10 };
    const bad: Array<[string, unknown]> = [
      ['offset', { ...base, offset: -1 }],
      ['offset', { ...base, offset: 1.5 }],
      ['offset', { ...base, offset: '0' }],
      ['offset', { ...base, offset: undefined }],
      ['limit', { ...base, limit: MAX_PAGE_FINDINGS + 1 }],
      ['limit', { ...base, limit: 1e300 }],
      ['limit', { ...base, limit: -5 }],
      ['limit', { ...base, limit: 0.5 }],
      ['sort', { ...base, sort: 'random' }],
      ['sort', { ...base, sort: 42 }],
      ['filters', { ...base, filters: undefined }],
      ['filters', { ...base, filters: null }],
      ['filters.text', { ...base, filters: { code: '', theme: '', area: '' } }],
      ['filters.code', { ...base, filters: { ...NO_FILTERS, code: 7 } }],
      ['scope', { ...base, scope: { kind: 'galaxy' } }],
    ];
    for (const [member, params] of bad) {
      await assert.rejects(client.request(FindingsPageRequest.method, params), (error: { code?: number; message?: string }) => {
        assert.equal(error.code, INVALID_PARAMS, `${JSON.stringify(params)}: ${error.message}`);
        assert.ok(error.message?.includes(member), `${error.message} names ${member}`);
        return true;
      });
    }
    // A null order is no order: by report.
    const plain = await client.request(FindingsPageRequest.method, { ...base, sort: null }) as FindingsPageResult;
    assert.deepEqual(plain.findings.map(findingKey), (await page({}, 0, 10)).findings.map(findingKey));
  });
});
