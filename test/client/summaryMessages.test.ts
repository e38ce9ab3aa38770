import { strict as assert } from 'node:assert';
import { parseFromWebview, parseState, sameRange } from '../../client/summary/messages';

const RANGE = { start: { line: 3, character: 1 }, end: { line: 3, character: 9 } };
const FILTERS = { code: 'weakness', theme: '', area: '', text: 'x' };

function facts(): Record<string, unknown> {
  return {
    scope: 'workspace', generation: 4, heading: 'Workspace', notice: '',
    totals: { reports: 5, findings: 146 }, byCode: { weakness: 52 }, byTheme: { outcomes: 22 }, codeBars: { weakness: 52 },
    tallies: { area: { Darlington: [1, 25] }, framework: {}, outcome: {}, status: {}, annotator: {} },
    findingsRows: 146, findingsMatching: 146, findingsTotal: 146, rowTexts: ['a'], rowMemos: ['a memo'], rowMemoTitles: ['a memo'], filters: FILTERS,
    filterCounts: { code: { weakness: 52 }, theme: { outcomes: 22 }, area: { Darlington: 25 } },
    images: 0, scripts: 1, handlers: 0, xss: 'undefined',
  };
}

function rejected(raw: unknown): string {
  const parsed = parseFromWebview(raw);
  assert.equal(parsed.ok, false, `accepted ${JSON.stringify(raw)}`);
  return parsed.ok ? '' : parsed.reason;
}

describe('client/summary messages from the webview', () => {
  it('accepts each well-formed message and returns a copy', () => {
    const messages: unknown[] = [
      { type: 'ready', state: null },
      { type: 'ready', state: { scope: 'document', filters: FILTERS, documentUri: 'file:///a.report.md' } },
      { type: 'setScope', scope: 'workspace' },
      { type: 'refresh' },
      { type: 'export', filters: FILTERS },
      { type: 'reveal', uri: 'file:///a.report.md', range: RANGE },
      { type: 'rendered', seq: 1, scope: 'document', generation: null },
      { type: 'rendered', seq: 2, scope: 'workspace', generation: 12 },
      { type: 'inspected', id: 3, facts: null },
      { type: 'inspected', id: 3, facts: facts() },
    ];
    for (const raw of messages) {
      const parsed = parseFromWebview(raw);
      assert.ok(parsed.ok, `rejected ${JSON.stringify(raw)}: ${parsed.ok ? '' : parsed.reason}`);
      assert.deepEqual(parsed.message, raw);
      assert.notEqual(parsed.message, raw);
    }
  });

  it('rejects what is not a message of ours', () => {
    for (const raw of [null, undefined, 1, 'reveal', [], { type: 'nope' }, { type: 7 }, { type: 'refresh', extra: 1 }, Object.create({ type: 'refresh' })]) rejected(raw);
  });

  it('rejects an export without the list\'s filters or with filters of the wrong shape', () => {
    assert.match(rejected({ type: 'export' }), /filters/);
    assert.match(rejected({ type: 'export', filters: { ...FILTERS, code: 3 } }), /filters\.code/);
    assert.match(rejected({ type: 'export', filters: { ...FILTERS, scope: 'workspace' } }), /unexpected/);
    assert.match(rejected({ type: 'export', filters: FILTERS, format: 'csv' }), /unexpected/);
  });

  it('rejects a bad scope, URI or range', () => {
    assert.match(rejected({ type: 'setScope', scope: 'folder' }), /scope/);
    assert.match(rejected({ type: 'setScope' }), /scope/);
    assert.match(rejected({ type: 'reveal', uri: 42, range: RANGE }), /uri/);
    assert.match(rejected({ type: 'reveal', uri: 'x'.repeat(5000), range: RANGE }), /too long/);
    assert.match(rejected({ type: 'reveal', uri: 'file:///a', range: { start: { line: -1, character: 0 }, end: RANGE.end } }), /line/);
    assert.match(rejected({ type: 'reveal', uri: 'file:///a', range: { start: { line: 1.5, character: 0 }, end: RANGE.end } }), /line/);
    assert.match(rejected({ type: 'reveal', uri: 'file:///a', range: { start: RANGE.end, end: RANGE.start } }), /before/);
    assert.match(rejected({ type: 'reveal', uri: 'file:///a', range: { ...RANGE, extra: true } }), /unexpected/);
    assert.match(rejected({ type: 'reveal', uri: 'file:///a' }), /range/);
  });

  it('rejects facts of the wrong shape', () => {
    assert.match(rejected({ type: 'inspected', id: 1, facts: { ...facts(), images: -1 } }), /images/);
    assert.match(rejected({ type: 'inspected', id: 1, facts: { ...facts(), rowMemos: [null] } }), /rowMemos/);
    assert.match(rejected({ type: 'inspected', id: 1, facts: { ...facts(), totals: { reports: '5' } } }), /totals/);
    assert.match(rejected({ type: 'inspected', id: 1, facts: { ...facts(), tallies: { area: { a: [1] } } } }), /pair/);
    assert.match(rejected({ type: 'inspected', id: 1, facts: { ...facts(), filterCounts: { code: {}, theme: {} } } }), /filterCounts/);
    assert.match(rejected({ type: 'inspected', id: -1, facts: null }), /id/);
  });

  it('drops a saved state that is not one, without rejecting the ready message', () => {
    const parsed = parseFromWebview({ type: 'ready', state: { scope: 'everything', filters: FILTERS } });
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.message, { type: 'ready', state: null });
    assert.equal(parseState({ scope: 'workspace' }), null);
    assert.deepEqual(parseState({ scope: 'workspace', filters: FILTERS, documentUri: null }), { scope: 'workspace', filters: FILTERS, documentUri: null });
    assert.equal(parseState(undefined), null);
  });

  it('compares ranges by value', () => {
    assert.ok(sameRange(RANGE, JSON.parse(JSON.stringify(RANGE))));
    assert.ok(!sameRange(RANGE, { ...RANGE, end: { line: 3, character: 10 } }));
  });
});
