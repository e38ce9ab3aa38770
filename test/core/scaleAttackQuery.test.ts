// The findings list's text filter given a text longer than any pattern V8
// compiles (2^15 units and more): it is still the literal text, case ignored
// unit by unit exactly as the shorter texts' /i pattern ignores it.
import { strict as assert } from 'node:assert';
import { findingMatcher, queryFindings, type FindingFilters } from '../../core/summary/findingsQuery';

const ANY: FindingFilters = { code: '', theme: '', area: '', text: '' };
const LONG = 32_001;

/** Characters whose case /i treats in every way it can (plain, unchanged, to two units, never to ASCII, halves of pairs), with the ones it might take them for. */
const GROUPS: readonly string[][] = [
  ['a', 'A', 'Z'], ['s', 'S', 'ſ'], ['k', 'K', '\u212A'], ['i', 'I', 'İ', 'ı'], ['σ', 'ς', 'Σ'], ['ß', 'ẞ'], ['é', 'É', 'e'],
  ['ω', 'Ω', '\u2126'], ['ǅ', 'ǆ', 'Ǆ'], ['ﬁ', 'f'], ['\uD83D', '\uDE00', '\uD83E'], ['.', '*', '\u0000'],
];

const finding = (text: string) => ({ codes: [], themes: [], text, path: 'a.report.md', memo: null });

describe('core/summary the text filter with a text longer than a pattern', () => {
  it('finds a long text in a passage that holds it, whatever the case, and not in one that does not', () => {
    const passage = `Intro. ${'Parents Waited '.repeat(2500)}End.`;
    const text = 'parents waited '.repeat(2200).trim();
    assert.ok(text.length > LONG);
    assert.equal(findingMatcher({ ...ANY, text })(finding(passage)), true);
    assert.equal(findingMatcher({ ...ANY, text: `${text}!` })(finding(passage)), false);
    assert.equal(findingMatcher({ ...ANY, text })(finding('short')), false);
    assert.equal(queryFindings([finding(passage), finding(passage.toUpperCase()), finding('no')], { ...ANY, text }).matching.length, 2);
  });

  it('ignores case unit by unit as the /i pattern of a short text does', () => {
    const prefix = 'x'.repeat(LONG);
    for (const group of GROUPS) {
      for (const wanted of group) {
        const pattern = new RegExp(`^${wanted.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}$`, 'i');
        for (const found of group) {
          const actual = findingMatcher({ ...ANY, text: `${prefix}${wanted}` })(finding(`${prefix.toUpperCase()}${found}`));
          assert.equal(actual, pattern.test(found), `${JSON.stringify(wanted)} in ${JSON.stringify(found)}`);
        }
      }
    }
  });
});
