import { strict as assert } from 'node:assert';
import { parseFromWebview, parseState } from '../../client/summary/messages';
import { RevealableFindings } from '../../client/summary/revealableFindings';
import { MAX_PAGE_FINDINGS } from '../../protocol';

const RANGE = { start: { line: 3, character: 1 }, end: { line: 3, character: 9 } };
const FILTERS = { code: 'weakness', theme: '', area: '', text: 'x' };

function facts(): Record<string, unknown> {
  return {
    scope: 'workspace', generation: 4, heading: 'Workspace', notice: '',
    totals: { reports: 5, findings: 146 }, byCode: { weakness: 52 }, byTheme: { outcomes: 22 }, codeBars: { weakness: 52 },
    tallies: { area: { Darlington: [1, 25] }, framework: {}, outcome: {}, status: {}, annotator: {} },
    findingsRows: 30, listItems: 30, findingsMatching: 146, findingsTotal: 146, renderedRange: [0, 29], virtualHeight: 14016, rowHeights: [96], overflowingRows: 0,
    focusedIndex: null, rowPositions: [1], setSize: 146, rowTexts: ['a'], rowWheres: ['darlington.report.md:3 · Darlington'], rowMemos: ['a memo'], rowMemoTitles: ['a memo'],
    filters: FILTERS, sort: 'report',
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
      { type: 'ready', state: { scope: 'document', filters: FILTERS, sort: 'code', documentUri: 'file:///a.report.md' } },
      { type: 'page', requestId: 7, filters: FILTERS, sort: 'area', offset: 300, limit: MAX_PAGE_FINDINGS },
      { type: 'page', requestId: 0, filters: FILTERS, sort: 'report', offset: 0, limit: 0 },
      { type: 'setScope', scope: 'workspace' },
      { type: 'refresh' },
      { type: 'export', filters: FILTERS },
      { type: 'reveal', uri: 'file:///a.report.md', range: RANGE },
      { type: 'rendered', seq: 1, scope: 'document', generation: null },
      { type: 'rendered', seq: 2, scope: 'workspace', generation: 12 },
      { type: 'inspected', id: 3, facts: null },
      { type: 'inspected', id: 3, facts: facts() },
      { type: 'inspected', id: 4, facts: { ...facts(), renderedRange: null, focusedIndex: 12, sort: 'area' } },
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

  it('rejects a page request out of bounds or of the wrong shape', () => {
    const page = { type: 'page', requestId: 1, filters: FILTERS, sort: 'report', offset: 0, limit: 100 };
    assert.match(rejected({ ...page, limit: MAX_PAGE_FINDINGS + 1 }), /limit/);
    assert.match(rejected({ ...page, limit: -1 }), /limit/);
    assert.match(rejected({ ...page, offset: 1.5 }), /offset/);
    assert.match(rejected({ ...page, offset: -100 }), /offset/);
    assert.match(rejected({ ...page, offset: '0' }), /offset/);
    assert.match(rejected({ ...page, requestId: 'a' }), /requestId/);
    assert.match(rejected({ ...page, requestId: 2 ** 60 }), /requestId/);
    assert.match(rejected({ ...page, sort: 'random' }), /sort/);
    assert.match(rejected({ ...page, sort: undefined }), /sort/);
    assert.match(rejected({ ...page, filters: { ...FILTERS, text: 'x'.repeat(1001) } }), /filters\.text/);
    assert.match(rejected({ ...page, filters: undefined }), /filters/);
    assert.match(rejected({ ...page, scope: { kind: 'workspace' } }), /unexpected/);
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
    assert.match(rejected({ type: 'inspected', id: 1, facts: { ...facts(), renderedRange: [5, 2] } }), /renderedRange/);
    assert.match(rejected({ type: 'inspected', id: 1, facts: { ...facts(), rowHeights: [96.5] } }), /rowHeights/);
    assert.match(rejected({ type: 'inspected', id: 1, facts: { ...facts(), sort: 'nope' } }), /sort/);
    const { listItems: _, ...withoutItems } = facts();
    assert.match(rejected({ type: 'inspected', id: 1, facts: withoutItems }), /listItems/);
  });

  it('drops a saved state that is not one, without rejecting the ready message; a state saved before the order was kept is in report order', () => {
    const parsed = parseFromWebview({ type: 'ready', state: { scope: 'everything', filters: FILTERS } });
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.message, { type: 'ready', state: null });
    assert.equal(parseState({ scope: 'workspace' }), null);
    assert.equal(parseState({ scope: 'workspace', filters: FILTERS, sort: 'date', documentUri: null }), null);
    assert.deepEqual(parseState({ scope: 'workspace', filters: FILTERS, documentUri: null }), { scope: 'workspace', filters: FILTERS, sort: 'report', documentUri: null });
    assert.deepEqual(parseState({ scope: 'workspace', filters: FILTERS, sort: 'area', documentUri: null }), { scope: 'workspace', filters: FILTERS, sort: 'area', documentUri: null });
    assert.equal(parseState(undefined), null);
  });
});

describe('client/summary revealable findings', () => {
  const finding = (line: number, uri = 'file:///a.report.md') => ({ uri, range: { start: { line, character: 1 }, end: { line, character: 9 } } });

  it('opens only findings sent in a page of the current generation', () => {
    const revealable = new RevealableFindings(100);
    revealable.add(3, [finding(1), finding(2)]);
    assert.ok(revealable.has(finding(1).uri, finding(1).range));
    assert.ok(!revealable.has(finding(3).uri, finding(3).range), 'never sent');
    assert.ok(!revealable.has('file:///b.report.md', finding(1).range), 'another report');
    assert.ok(!revealable.has(finding(1).uri, { ...finding(1).range, end: { line: 1, character: 10 } }), 'another range');
    // A page of an older generation adds nothing; a newer generation forgets the older pages.
    revealable.add(2, [finding(5)]);
    assert.ok(!revealable.has(finding(5).uri, finding(5).range));
    revealable.advance(4);
    assert.ok(!revealable.has(finding(1).uri, finding(1).range));
    revealable.add(4, [finding(6)]);
    assert.ok(revealable.has(finding(6).uri, finding(6).range));
    // A restarted server counts from the start again.
    revealable.reset();
    revealable.add(1, [finding(7)]);
    assert.ok(revealable.has(finding(7).uri, finding(7).range));
  });

  it('keeps at most its bound, forgetting the findings sent longest ago first', () => {
    const revealable = new RevealableFindings(3);
    revealable.add(1, [finding(1), finding(2), finding(3)]);
    // Sent again: among the newest.
    revealable.add(1, [finding(1), finding(4)]);
    assert.equal(revealable.size, 3);
    assert.ok(!revealable.has(finding(2).uri, finding(2).range));
    for (const line of [1, 3, 4]) assert.ok(revealable.has(finding(line).uri, finding(line).range), `line ${line}`);
  });
});
