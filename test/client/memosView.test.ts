import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { filterMemos, memoMatches, memoNeedle } from '../../client/memos/memoFilter';
import { memoDescription, memoLabel, memosByReport, memoTooltip } from '../../client/memos/memoTree';
import type { MemoEntry } from '../../protocol/memos';

const RANGE = { start: { line: 9, character: 4 }, end: { line: 9, character: 30 } };

function passage(path: string, passage: number, memo: string, codes: string[] = ['weakness'], themes: string[] = ['leadership'], excerpt = 'leaders did not act'): MemoEntry {
  return { uri: `file:///w/${path}`, path, kind: 'passage', passage, codes, themes, excerpt, memo, range: RANGE };
}

function report(path: string, memo: string): MemoEntry {
  return { uri: `file:///w/${path}`, path, kind: 'report', passage: null, codes: [], themes: [], excerpt: 'Darlington', memo, range: RANGE };
}

const memos: MemoEntry[] = [
  passage('a/darlington.report.md', 2, 'Check the date with the letter'),
  report('a/darlington.report.md', 'Second visit\nsee the 2019 letter'),
  passage('a/darlington.report.md', 7, 'Parents said WAITING lists grew', ['quote'], ['send_support'], 'the wait is too long'),
  passage('b/hartlepool.report.md', 0, 'A strength?', ['strength'], ['health']),
];

describe('client/memos: the Memos view\'s filter', () => {
  it('keeps memos whose memo, excerpt, codes, themes or path hold the text, case ignored', () => {
    const kept = (text: string) => filterMemos(memos, text).map((entry) => `${entry.path}#${entry.passage}`);
    assert.deepEqual(kept('waiting'), ['a/darlington.report.md#7']);
    assert.deepEqual(kept('TOO LONG'), ['a/darlington.report.md#7'], 'the excerpt');
    assert.deepEqual(kept('quote'), ['a/darlington.report.md#7'], 'a code');
    assert.deepEqual(kept('send_'), ['a/darlington.report.md#7'], 'a theme');
    assert.deepEqual(kept('hartlepool'), ['b/hartlepool.report.md#0'], 'the path');
    assert.deepEqual(kept('2019'), ['a/darlington.report.md#null'], 'a report memo\'s second line');
    assert.deepEqual(kept('nothing like it'), []);
  });

  it('an empty or blank text keeps every memo, in order', () => {
    for (const text of ['', '   ', '\t']) assert.deepEqual(filterMemos(memos, text), memos);
  });

  it('matches as the predicate does, memo by memo, on generated memos', () => {
    const word = fc.constantFrom('alpha', 'Beta', 'gamma delta', 'É', '');
    const entry = fc.record({ memo: word, excerpt: word, path: word, codes: fc.array(word, { maxLength: 2 }), themes: fc.array(word, { maxLength: 2 }) })
      .map((parts) => ({ ...passage(parts.path, 0, parts.memo, parts.codes, parts.themes, parts.excerpt), path: parts.path }));
    fc.assert(fc.property(fc.array(entry, { maxLength: 12 }), fc.constantFrom('alpha', 'BETA', ' delta ', 'é', 'zeta'), (list, text) => {
      const needle = memoNeedle(text);
      const expected = list.filter((e) => [e.memo, e.excerpt, e.path, ...e.codes, ...e.themes].some((value) => value.toLowerCase().includes(needle)));
      assert.deepEqual(filterMemos(list, text), expected);
      for (const e of list) assert.equal(memoMatches(e, needle), expected.includes(e));
    }));
  });
});

describe('client/memos: the Memos view\'s tree', () => {
  it('groups memos by report in the order given, the report memo first', () => {
    const grouped = memosByReport(memos);
    assert.deepEqual(grouped.map((group) => [group.path, group.memos.map((entry) => entry.passage)]), [
      ['a/darlington.report.md', [null, 2, 7]],
      ['b/hartlepool.report.md', [0]],
    ]);
  });

  it('labels a memo with its first line that is not blank, shortened', () => {
    assert.equal(memoLabel(report('r', '\n  \nSecond visit  \nmore')), 'Second visit');
    const long = memoLabel(passage('r', 0, 'x'.repeat(200)));
    assert.equal(long.length, 80);
    assert.ok(long.endsWith('…'));
    // An emoji is never cut in half.
    const emoji = memoLabel(passage('r', 0, `${'y'.repeat(78)}😀 and more`));
    assert.ok(!/[\uD800-\uDBFF]…$/.test(emoji), emoji);
    assert.equal(memoLabel(passage('r', 0, ' ')), '(empty memo)');
  });

  it('describes a passage memo by its codes and excerpt, a report memo as such', () => {
    assert.equal(memoDescription(memos[2]), 'quote · “the wait is too long”');
    assert.equal(memoDescription(memos[1]), 'report memo');
    assert.equal(memoDescription(passage('r', 0, 'm', [], [], 'a\n  b')), '“a b”');
  });

  it('gives the codes, themes, passage and whole memo in the tooltip, Markdown escaped', () => {
    const tooltip = memoTooltip(passage('r', 0, 'Line *one*\n- not a list\n1. nor this\n<b>raw</b>', ['weakness', 'quote'], ['leadership'], 'the [text]'));
    assert.match(tooltip, /^\*\*`\.weakness` `\.quote`\*\* · themes: leadership/);
    assert.match(tooltip, /\n> the \\\[text\\\]\n/);
    assert.match(tooltip, /Line \\\*one\\\* {2}\n\\- not a list {2}\n1\\\. nor this {2}\n\\<b\\>raw\\<\/b\\> {2}$/);
    assert.match(memoTooltip(memos[1]), /^\*\*Report memo\*\* · a\/darlington\.report\.md/);
  });
});
