import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { findingMatcher, hasFilters, NO_AREA, queryFindings, type FindingFilters, type QueryableFinding } from '../../core/summary/findingsQuery';

const ANY: FindingFilters = { code: '', theme: '', area: '', text: '' };
const finding = (codes: string[], themes: string[], area: string | null, text = 'x', path = 'a.report.md', memo: string | null = null): QueryableFinding => ({ codes, themes, area, text, path, memo });

describe('core/summary queryFindings (the findings list filters and their counts)', () => {
  const findings = [
    finding(['weakness'], ['leadership', 'outcomes'], 'Darlington', 'Leaders did not act'),
    finding(['weakness', 'quote'], ['leadership'], 'Hartlepool', 'poor oversight'),
    finding(['strength'], ['health'], 'Darlington', 'Health visitors'),
    finding(['strength'], [], null, 'No area here', 'loose.report.md'),
    finding(['quote'], ['health'], 'Hartlepool', 'said a parent', 'b.report.md', 'Ask the team: Is this about ÉTAT or health?'),
  ];

  it('counts each value under the other filters, so the counts add up with what matches', () => {
    const result = queryFindings(findings, { ...ANY, code: 'weakness' });
    assert.equal(result.matching.length, 2);
    // Themes follow the code filter: leadership is on both weaknesses, not 14 of everything.
    assert.deepEqual(Object.fromEntries(result.counts.theme), { leadership: 2, outcomes: 1 });
    assert.deepEqual(Object.fromEntries(result.counts.area), { Darlington: 1, Hartlepool: 1 });
    // A filter's own values ignore it: choosing another code shows what that would give.
    assert.deepEqual(Object.fromEntries(result.counts.code), { weakness: 2, quote: 2, strength: 2 });
  });

  it('filters by text in the passage or the path, ignoring case and surrounding spaces, and names a missing area', () => {
    assert.deepEqual(queryFindings(findings, { ...ANY, text: '  LEADERS ' }).matching, [findings[0]]);
    assert.deepEqual(queryFindings(findings, { ...ANY, text: 'loose' }).matching, [findings[3]]);
    assert.deepEqual(queryFindings(findings, { ...ANY, area: NO_AREA }).matching, [findings[3]]);
  });

  it('filters by text in the memo too, and never matches a missing memo', () => {
    assert.deepEqual(queryFindings(findings, { ...ANY, text: 'the TEAM' }).matching, [findings[4]]);
    assert.deepEqual(queryFindings(findings, { ...ANY, text: 'état' }).matching, [findings[4]]);
    assert.deepEqual(queryFindings(findings, { ...ANY, text: 'null' }).matching, []);
  });

  it('takes the searched text literally: characters a pattern would read as operators are text', () => {
    const priced = [
      finding(['weakness'], [], 'X', 'costs (in £) rose'),
      finding(['weakness'], [], 'X', 'a+b or a|b [sic] \\ end?'),
      finding(['weakness'], [], 'X', 'plain words'),
    ];
    const shown = (text: string) => queryFindings(priced, { ...ANY, text }).matching;
    assert.deepEqual(shown('(IN £)'), [priced[0]]);
    for (const text of ['a+b', 'a|b', '[sic]', '\\ end?']) assert.deepEqual(shown(text), [priced[1]], text);
    assert.deepEqual(shown('.*'), []);
    assert.deepEqual(shown('^plain'), []);
  });

  it('ignores case beyond ASCII, the same way for the list and the export', () => {
    const greek = [finding(['quote'], [], 'X', 'ΟΔΥΣΣΕΥΣ'), finding(['quote'], [], 'X', 'Ödön')];
    assert.deepEqual(queryFindings(greek, { ...ANY, text: 'οδυσσευς' }).matching, [greek[0]]);
    assert.deepEqual(queryFindings(greek, { ...ANY, text: 'οδυσσευσ' }).matching, [greek[0]]);
    assert.deepEqual(greek.filter(findingMatcher({ ...ANY, text: 'ÖDÖN' })), [greek[1]]);
  });

  it('a blank text sets no filter; any other value does', () => {
    assert.equal(hasFilters(ANY), false);
    assert.equal(hasFilters({ ...ANY, text: ' \t ' }), false);
    for (const key of ['code', 'theme', 'area', 'text'] as const) assert.equal(hasFilters({ ...ANY, [key]: 'x' }), true, key);
  });

  it('agrees with filtering by each value on generated findings', () => {
    const value = (values: string[]) => fc.constantFrom(...values);
    const generated = fc.array(fc.record({
      codes: fc.array(value(['a', 'b', 'c']), { maxLength: 3 }),
      themes: fc.array(value(['t', 'u']), { maxLength: 3 }),
      area: fc.option(value(['X', 'Y']), { nil: null }),
      text: value(['one', 'two', 'One two']),
      path: value(['p.report.md', 'q.report.md']),
      memo: fc.option(value(['a note', 'ONE more']), { nil: null }),
    }), { maxLength: 30 });
    const filters = fc.record({ code: value(['', 'a', 'b']), theme: value(['', 't']), area: value(['', 'X', NO_AREA]), text: value(['', 'one', 'q.', 'note']) });
    fc.assert(fc.property(generated, filters, (list, chosen) => {
      const result = queryFindings(list, chosen);
      // The list and an export of it keep the same findings: one predicate.
      assert.deepEqual(result.matching, list.filter(findingMatcher(chosen)));
      for (const [facet, counts] of Object.entries(result.counts) as Array<[keyof typeof result.counts, Map<string, number>]>) {
        for (const [key, count] of counts) assert.equal(count, queryFindings(list, { ...chosen, [facet]: key }).matching.length, `${facet}=${key}`);
      }
      if (chosen.code !== '') assert.equal(result.counts.code.get(chosen.code) ?? 0, result.matching.length);
    }), { numRuns: 300 });
  });
});
