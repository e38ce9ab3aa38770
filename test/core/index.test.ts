import { strict as assert } from 'node:assert';
import { BUILTIN_CODEBOOK, comparePaths, defaultCodebook, ReportIndex } from '../../core';
import { buildCodebook } from '../../core/codebook/loadCodebook';
import { buildReport } from '../helpers/report';

const GOOD = buildReport('[waits]{.weakness theme=health}\n');
const BAD = buildReport('[waits]{.weaknes theme=health}\n');
const BARRIER = buildReport('[no bus]{.barrier theme=health}\n');
const EXTENDED = buildCodebook(BUILTIN_CODEBOOK, { kind: 'workspace', path: 'codebook.yaml', text: 'codes:\n  barrier: { description: A barrier., attributes: { theme: { values: themes } } }\n' });

describe('core/workspace ReportIndex', () => {
  it('analyses a report on update', () => {
    const index = new ReportIndex(defaultCodebook());
    const report = index.update('a.report.md', BAD);
    assert.equal(report.path, 'a.report.md');
    assert.equal(report.text, BAD);
    assert.equal(report.document.spans.length, 1);
    assert.deepEqual(report.diagnostics.map((d) => d.rule), ['code-unknown']);
    assert.equal(index.get('a.report.md'), report);
    assert.equal(index.has('a.report.md'), true);
    assert.equal(index.size, 1);
    assert.equal(index.codebook, defaultCodebook());
  });

  it('returns the same object for unchanged text', () => {
    const index = new ReportIndex(defaultCodebook());
    const first = index.update('a.report.md', GOOD);
    const again = index.update('a.report.md', `${GOOD}`.slice(0));
    assert.equal(again, first);
    assert.equal(again.document, first.document);
  });

  it('re-analyses on changed text', () => {
    const index = new ReportIndex(defaultCodebook());
    const first = index.update('a.report.md', GOOD);
    const changed = index.update('a.report.md', BAD);
    assert.notEqual(changed, first);
    assert.deepEqual(first.diagnostics, []);
    assert.deepEqual(changed.diagnostics.map((d) => d.rule), ['code-unknown']);
    assert.equal(index.get('a.report.md'), changed);
    assert.equal(index.size, 1);
  });

  it('keeps reports with the same text under different paths apart', () => {
    const index = new ReportIndex(defaultCodebook());
    const a = index.update('a.report.md', GOOD);
    const b = index.update('b.report.md', GOOD);
    assert.notEqual(a, b);
    assert.equal(b.path, 'b.report.md');
    assert.equal(index.size, 2);
  });

  it('removes reports', () => {
    const index = new ReportIndex(defaultCodebook());
    index.update('a.report.md', GOOD);
    index.update('b.report.md', GOOD);
    assert.equal(index.all().length, 2);
    assert.equal(index.remove('a.report.md'), true);
    assert.equal(index.remove('a.report.md'), false);
    assert.equal(index.remove('never.report.md'), false);
    assert.equal(index.has('a.report.md'), false);
    assert.equal(index.get('a.report.md'), undefined);
    assert.deepEqual(index.all().map((r) => r.path), ['b.report.md']);
  });

  it('re-analyses everything when the codebook changes, and nothing when it is the same one', () => {
    const index = new ReportIndex(defaultCodebook());
    const before = index.update('a.report.md', BARRIER);
    assert.deepEqual(before.diagnostics.map((d) => d.rule), ['code-unknown']);
    index.setCodebook(defaultCodebook());
    assert.equal(index.get('a.report.md'), before, 'the same codebook keeps the cache');

    assert.deepEqual(EXTENDED.diagnostics, []);
    index.setCodebook(EXTENDED.codebook);
    assert.equal(index.codebook, EXTENDED.codebook);
    const after = index.get('a.report.md')!;
    assert.notEqual(after, before);
    assert.deepEqual(after.diagnostics, []);
    assert.equal(index.update('a.report.md', BARRIER), after, 'unchanged text is cached under the new codebook');
    assert.equal(index.all()[0], after, 'all() sees the re-analysed report');
  });

  it('lists all reports sorted by path (by UTF-16 code units, not locale)', () => {
    const index = new ReportIndex(defaultCodebook());
    for (const path of ['b/z.report.md', 'B.report.md', 'a.report.md', 'b/a.report.md', 'ä.report.md', 'a/b.report.md']) index.update(path, GOOD);
    const paths = index.all().map((r) => r.path);
    assert.deepEqual(paths, ['B.report.md', 'a.report.md', 'a/b.report.md', 'b/a.report.md', 'b/z.report.md', 'ä.report.md']);
    assert.equal(index.all(), index.all(), 'the sorted list is cached');
    index.update('0.report.md', GOOD);
    assert.equal(index.all()[0].path, '0.report.md', 'and refreshed after an update');
  });

  it('compares paths without locale', () => {
    assert.equal(comparePaths('a', 'b'), -1);
    assert.equal(comparePaths('b', 'a'), 1);
    assert.equal(comparePaths('a', 'a'), 0);
    assert.equal(comparePaths('Z', 'a'), -1);
  });
});
