import { strict as assert } from 'node:assert';
import { FindingsPages } from '../../client/webview/findingsPages';
import { listOffset, MAX_SCROLL_HEIGHT, offsetShowing, rowsInView, rowWindow, scrollHeight, scrollTopFor, type ListGeometry } from '../../client/webview/listGeometry';
import type { FindingsPageResult, SummaryFinding } from '../../protocol';

const SCOPE = { kind: 'workspace' } as const;

function finding(n: number): SummaryFinding {
  return { uri: `file:///r${n}.report.md`, path: `r${n}.report.md`, index: 0, codes: ['weakness'], themes: [], area: null, text: `finding ${n}`, memo: null, range: { start: { line: n, character: 0 }, end: { line: n, character: 5 } } };
}

function answer(generation: number, offset: number, count: number, matching = 1000): FindingsPageResult {
  return {
    scope: SCOPE, generation, total: 2000, matching, offset,
    findings: Array.from({ length: count }, (_, i) => finding(offset + i)),
    facets: { code: [{ value: 'weakness', count: matching }], theme: [], area: [] },
  };
}

describe('client/webview list geometry', () => {
  const small: ListGeometry = { count: 1000, rowHeight: 90, viewportHeight: 600 };
  // 300,000 findings: 27 million pixels at full height, past what a browser lays out.
  const huge: ListGeometry = { count: 300_000, rowHeight: 90, viewportHeight: 600 };

  it('scrolls a list that fits one to one, drawing the rows in view and an overscan', () => {
    assert.equal(scrollHeight(small), 90_000);
    assert.equal(listOffset(small, 9000), 9000);
    assert.equal(scrollTopFor(small, 9000), 9000);
    const window = rowWindow(small, 9000, 9000, 5, 100);
    assert.deepEqual(window, { first: 95, end: 100 + Math.ceil(600 / 90) + 1 + 5, top: 95 * 90 });
    // At the end: no row past the last.
    const end = rowWindow(small, 90_000 - 600, 90_000 - 600, 5, 100);
    assert.equal(end.end, 1000);
    assert.equal(end.top + (end.end - end.first) * 90, 90_000);
  });

  it('scales the scroll position of a list taller than the browser allows, reaching its last row', () => {
    assert.equal(scrollHeight(huge), MAX_SCROLL_HEIGHT);
    const bottom = MAX_SCROLL_HEIGHT - 600;
    assert.equal(listOffset(huge, bottom), 300_000 * 90 - 600);
    assert.equal(listOffset(huge, 0), 0);
    const last = rowWindow(huge, bottom, listOffset(huge, bottom), 5, 100);
    assert.equal(last.end, 300_000);
    // The last row ends at the bottom of the scrolled content.
    assert.equal(last.top + (last.end - last.first) * 90, MAX_SCROLL_HEIGHT);
    // Half way down is half way through the list, and the conversion goes both ways.
    const middle = listOffset(huge, bottom / 2);
    assert.ok(Math.abs(middle - (300_000 * 90 - 600) / 2) < 1);
    assert.ok(Math.abs(scrollTopFor(huge, middle) - bottom / 2) < 1e-6);
    // The row at the top is drawn where the view begins.
    const window = rowWindow(huge, bottom / 2, middle, 0, 100);
    assert.ok(window.top <= bottom / 2 && window.top > bottom / 2 - 90);
  });

  it('draws a bounded number of rows however tall the view', () => {
    const tall: ListGeometry = { count: 300_000, rowHeight: 20, viewportHeight: 5000 };
    const window = rowWindow(tall, 0, 0, 10, 100);
    assert.equal(window.end - window.first, 100);
    assert.deepEqual(rowWindow({ ...tall, count: 0 }, 0, 0, 10, 100), { first: 0, end: 0, top: 0 });
  });

  it('brings a row into view by moving as little as it can', () => {
    assert.equal(offsetShowing(small, 9000, 101), 9000, 'in view already');
    assert.equal(offsetShowing(small, 9000, 99), 99 * 90, 'above: it goes to the top');
    assert.equal(offsetShowing(small, 9000, 120), 121 * 90 - 600, 'below: it goes to the bottom');
    assert.equal(rowsInView(small), 6);
  });
});

describe('client/webview findings pages', () => {
  it('asks for each page the rows need once, and holds the answers of its query', () => {
    const pages = new FindingsPages(100, 20);
    pages.setQuery('q1', 5);
    assert.deepEqual(pages.missing(150, 260), [1, 2]);
    pages.requested(1, 1);
    pages.requested(2, 2);
    assert.deepEqual(pages.missing(150, 260), [], 'asked already');
    assert.ok(!pages.settled(150, 260));
    assert.equal(pages.accept(1, 'q1', answer(5, 100, 100), () => true), 'stored');
    assert.equal(pages.accept(2, 'q1', answer(5, 200, 100), () => true), 'stored');
    assert.ok(pages.settled(150, 260));
    assert.deepEqual(pages.content(150), { kind: 'finding', finding: answer(5, 100, 100).findings[50] });
    assert.equal(pages.counts?.matching, 1000);
    assert.equal(pages.accept(1, 'q1', answer(5, 100, 100), () => true), 'dropped', 'answered already');
  });

  it('drops the answers of another query or of an older generation', () => {
    const pages = new FindingsPages(100, 20);
    pages.setQuery('q1', 5);
    pages.requested(1, 0);
    pages.setQuery('q2', 5);
    assert.equal(pages.accept(1, 'q1', answer(5, 0, 100), () => true), 'dropped');
    assert.equal(pages.counts, null);
    pages.requested(2, 0);
    pages.setGeneration(6);
    assert.equal(pages.accept(2, 'q2', answer(5, 0, 100), () => true), 'dropped', 'asked before the generation moved');
    pages.requested(3, 0);
    assert.equal(pages.accept(3, 'q2', answer(4, 0, 100), () => true), 'dropped', 'an older generation');
    assert.deepEqual(pages.missing(0, 10), [0], 'asked again');
  });

  it('keeps the pages of an older generation as stand-ins until their fresh copies come', () => {
    const pages = new FindingsPages(100, 20);
    pages.setQuery('q', 1);
    pages.requested(1, 0);
    pages.accept(1, 'q', answer(1, 0, 100), () => true);
    pages.setGeneration(2);
    assert.equal(pages.content(3).kind, 'stale');
    assert.ok(!pages.settled(0, 10));
    assert.deepEqual(pages.missing(0, 10), [0]);
    pages.requested(2, 0);
    pages.accept(2, 'q', answer(2, 0, 100), () => true);
    assert.equal(pages.content(3).kind, 'finding');
  });

  it('takes an answer of a newer generation than it holds, turning the other pages into stand-ins', () => {
    const pages = new FindingsPages(100, 20);
    pages.setQuery('q', 1);
    pages.requested(1, 0);
    pages.requested(2, 1);
    pages.accept(1, 'q', answer(1, 0, 100), () => true);
    assert.equal(pages.accept(2, 'q', answer(2, 100, 100), () => true), 'newer generation');
    assert.equal(pages.generation, 2);
    assert.equal(pages.content(0).kind, 'stale');
    assert.equal(pages.content(100).kind, 'finding');
  });

  it('shows a failure in its rows, and asks again for a superseded page', () => {
    const pages = new FindingsPages(100, 20);
    pages.setQuery('q', 1);
    pages.requested(1, 0);
    pages.requested(2, 1);
    assert.ok(pages.dropped(1, null));
    assert.deepEqual(pages.missing(0, 150), [0]);
    assert.ok(pages.dropped(2, 'the server stopped'));
    assert.deepEqual(pages.content(120), { kind: 'failed', error: 'the server stopped' });
    assert.ok(!pages.dropped(2, null), 'not awaited any more');
    pages.retry();
    assert.deepEqual(pages.missing(100, 150), [1]);
  });

  it('keeps at most its bound of pages, never one in view', () => {
    const pages = new FindingsPages(10, 3);
    pages.setQuery('q', 1);
    for (let page = 0; page < 6; page++) {
      pages.requested(page + 1, page);
      pages.accept(page + 1, 'q', answer(1, page * 10, 10), (held) => held === 0);
    }
    assert.equal(pages.content(5).kind, 'finding', 'in view: kept');
    assert.equal(pages.content(15).kind, 'loading', 'the first taken out of view: dropped');
    assert.equal(pages.content(55).kind, 'finding');
    assert.equal([...pages.held()].length, 30);
  });

  it('counts an empty list as settled once its first answer came', () => {
    const pages = new FindingsPages(100, 20);
    pages.setQuery('q', 1);
    assert.deepEqual(pages.missing(0, 0), [0]);
    pages.requested(1, 0);
    assert.ok(!pages.settled(0, 0));
    pages.accept(1, 'q', answer(1, 0, 0, 0), () => true);
    assert.ok(pages.settled(0, 0));
  });
});
