// The house fixture (case H1 of the agreement oracles): span F1, character
// units and alpha_U on one two-annotator article, through the pipeline.
import { strict as assert } from 'node:assert';
import { computeAgreement } from '../../../core/agreement/computeAgreement';
import { articleOf, assertNear, copyOf } from './syntheticCopies';

const EXACT = 1e-12;

describe('core/agreement: house fixture H1', () => {
  const article = articleOf(
    copyOf('A', 100, [
      { start: 10, end: 30, codes: ['weakness'] },
      { start: 40, end: 50, codes: ['weakness'] },
      { start: 60, end: 80, codes: ['strength'] },
    ]),
    copyOf('B', 100, [
      { start: 10, end: 30, codes: ['weakness'] },
      { start: 35, end: 45, codes: ['weakness'] },
      { start: 62, end: 80, codes: ['strength'] },
      { start: 85, end: 95, codes: ['quote'] },
    ]),
  );
  const figures = computeAgreement([article], { by: 'code', order: ['strength', 'weakness', 'quote'] });
  const pair = figures.articles[0].figures.pairs[0];
  const pairRow = (label: string | null) => pair.labels.find((row) => row.label === label)!;
  const groupRow = (label: string | null) => figures.articles[0].figures.labels.find((row) => row.label === label)!;

  it('compares the codes used, in the order given, with A as the first annotator', () => {
    assert.deepEqual(figures.labels, ['strength', 'weakness', 'quote']);
    assert.deepEqual([pair.first, pair.second, pair.length, pair.articles], ['A', 'B', 100, 1]);
  });

  it('span F1: exact TP 1, P 1/4, R 1/3, F1 2/7; overlap TP 3, P 3/4, R 1, F1 6/7', () => {
    const all = pairRow(null);
    assert.equal(all.exact.matches, 1);
    assertNear(all.exact.precision, 1 / 4, EXACT, 'exact P');
    assertNear(all.exact.recall, 1 / 3, EXACT, 'exact R');
    assertNear(all.exact.f1, 2 / 7, EXACT, 'exact F1');
    assert.equal(all.overlap.matches, 3);
    assertNear(all.overlap.precision, 3 / 4, EXACT, 'overlap P');
    assertNear(all.overlap.recall, 1, EXACT, 'overlap R');
    assertNear(all.overlap.f1, 6 / 7, EXACT, 'overlap F1');
    assert.deepEqual(all.counts, { exact: 1, boundary: 2, label: 0, onlyFirst: 0, onlySecond: 1 });
    assert.deepEqual(all.spans, [3, 4]);
  });

  it('character units, weakness: table [[65,5],[5,25]], kappa = pi = 16/21, alpha = 641/840', () => {
    const weakness = pairRow('weakness');
    assert.deepEqual(weakness.characters, { both: 25, onlyFirst: 5, onlySecond: 5, neither: 65 });
    assertNear(weakness.cohenKappa, 16 / 21, EXACT, 'kappa');
    assertNear(weakness.scottPi, 16 / 21, EXACT, 'pi');
    assertNear(weakness.krippendorffAlpha, 641 / 840, EXACT, 'alpha');
    assertNear(groupRow('weakness').fleissKappa, 16 / 21, EXACT, 'Fleiss (pi) of the group');
    assertNear(groupRow('weakness').krippendorffAlpha, 641 / 840, EXACT, 'alpha of the group');
  });

  it('character units, strength: kappa = 72/77, pi = 1439/1539, alpha = 2879/3078', () => {
    const strength = pairRow('strength');
    assertNear(strength.cohenKappa, 72 / 77, EXACT, 'kappa');
    assertNear(strength.scottPi, 1439 / 1539, EXACT, 'pi');
    assertNear(strength.krippendorffAlpha, 2879 / 3078, EXACT, 'alpha');
  });

  it('alpha_U: 0.8456760280031388 over the three codes; weakness 0.90718, strength 0.98934, quote -0.18892', () => {
    assertNear(groupRow(null).unitizingAlpha, 0.8456760280031388, 1e-15, 'all');
    assertNear(groupRow('weakness').unitizingAlpha, 0.9071756162812918, 1e-15, 'weakness');
    assertNear(groupRow('strength').unitizingAlpha, 0.9893372952048632, 1e-15, 'strength');
    assertNear(groupRow('quote').unitizingAlpha, -0.1889221556886, 5e-14, 'quote');
    assertNear(pairRow(null).unitizingAlpha, 0.8456760280031388, 1e-15, 'the pair');
  });

  it('a code one annotator used: defined figures, and recall n/a where the reference has none', () => {
    const quote = pairRow('quote');
    assert.equal(quote.cohenKappa, 0);
    assert.equal(quote.exact.recall, null);
    assert.equal(quote.exact.precision, 0);
    assert.equal(quote.exact.f1, 0);
    assert.deepEqual(quote.counts, { exact: 0, boundary: 0, onlyFirst: 0, onlySecond: 1 });
  });
});
