// Character units, one binary variable per code, through the whole
// pipeline (copies → article → figures): case C1 of the agreement oracles,
// and what is n/a.
import { strict as assert } from 'node:assert';
import { computeAgreement } from '../../../core/agreement/computeAgreement';
import { articleOf, assertNear, copyOf, runsOf } from './syntheticCopies';

const EXACT = 1e-12;

describe('core/agreement: character units (oracle C1)', () => {
  it('C1: Krippendorff (1995), pair A, 24 positions: kappa 5/13, pi 11/35, alpha 23/70', () => {
    const article = articleOf(
      copyOf('coder1', 24, runsOf('001111111100001111110000', 'c')),
      copyOf('coder2', 24, runsOf('000011110000000110000000', 'c')),
    );
    const figures = computeAgreement([article], { by: 'code' });
    const pair = figures.articles[0].figures.pairs[0];
    const c = pair.labels.find((row) => row.label === 'c')!;
    assert.deepEqual(c.characters, { both: 6, onlyFirst: 8, onlySecond: 0, neither: 10 });
    assertNear(c.cohenKappa, 5 / 13, EXACT, 'kappa');
    assertNear(c.scottPi, 11 / 35, EXACT, 'pi');
    assertNear(c.krippendorffAlpha, 23 / 70, EXACT, 'alpha');
    // The group of two: Fleiss' kappa is Scott's pi.
    const group = figures.articles[0].figures.labels.find((row) => row.label === 'c')!;
    assertNear(group.fleissKappa, 11 / 35, EXACT, 'Fleiss');
    assertNear(group.krippendorffAlpha, 23 / 70, EXACT, 'group alpha');
  });

  it('keeps nested codes as separate variables', () => {
    const article = articleOf(
      copyOf('a', 20, [{ start: 0, end: 10, codes: ['weakness'] }, { start: 2, end: 6, codes: ['quote'] }]),
      copyOf('b', 20, [{ start: 0, end: 10, codes: ['weakness'] }, { start: 12, end: 16, codes: ['quote'] }]),
    );
    const pair = computeAgreement([article], { by: 'code' }).articles[0].figures.pairs[0];
    assert.deepEqual(pair.labels.map((row) => [row.label, row.characters]), [
      ['quote', { both: 0, onlyFirst: 4, onlySecond: 4, neither: 12 }],
      ['weakness', { both: 10, onlyFirst: 0, onlySecond: 0, neither: 10 }],
      [null, { both: 10, onlyFirst: 4, onlySecond: 4, neither: 22 }],
    ]);
    assertNear(pair.labels[1].cohenKappa, 1, EXACT, 'weakness');
  });

  it('counts a passage tagged twice with one code (nested) once, and touching passages as one covered stretch', () => {
    const article = articleOf(
      copyOf('a', 10, [{ start: 0, end: 8, codes: ['c'] }, { start: 2, end: 4, codes: ['c'] }]),
      copyOf('b', 10, [{ start: 0, end: 4, codes: ['c'] }, { start: 4, end: 8, codes: ['c'] }]),
    );
    const c = computeAgreement([article], { by: 'code' }).articles[0].figures.pairs[0].labels[0];
    assert.deepEqual(c.characters, { both: 8, onlyFirst: 0, onlySecond: 0, neither: 2 });
    assertNear(c.cohenKappa, 1, EXACT);
  });

  it('gives n/a, never 1 or 0, for a code nobody used in an article', () => {
    const first = articleOf(copyOf('a', 30, [{ start: 0, end: 5, codes: ['strength'] }]), copyOf('b', 30, [{ start: 0, end: 6, codes: ['strength'] }]));
    const second = articleOf(copyOf('a', 31, [{ start: 3, end: 9, codes: ['weakness'] }]), copyOf('b', 31, []));
    const figures = computeAgreement([first, second], { by: 'code' });
    const strengthInSecond = figures.articles[1].figures.labels.find((row) => row.label === 'strength')!;
    assert.deepEqual([strengthInSecond.fleissKappa, strengthInSecond.krippendorffAlpha, strengthInSecond.unitizingAlpha], [null, null, null]);
    const pair = figures.articles[1].figures.pairs[0].labels.find((row) => row.label === 'strength')!;
    assert.deepEqual([pair.cohenKappa, pair.scottPi, pair.krippendorffAlpha, pair.unitizingAlpha], [null, null, null, null]);
    assert.deepEqual([pair.exact.precision, pair.exact.recall, pair.exact.f1], [null, null, null]);
    // Pooled over both articles, strength is defined again.
    const pooled = figures.corpus!.labels.find((row) => row.label === 'strength')!;
    assert.notEqual(pooled.krippendorffAlpha, null);
  });

  it('with three annotators, gives Fleiss\' kappa for the group and a pairwise matrix', () => {
    const article = articleOf(
      copyOf('a', 24, runsOf('001111111100001111110000', 'c')),
      copyOf('b', 24, runsOf('000011110000000110000000', 'c')),
      copyOf('c', 24, runsOf('001111111100001111110000', 'c')),
    );
    const figures = computeAgreement([article], { by: 'code' }).articles[0].figures;
    assert.deepEqual(figures.pairs.map((pair) => [pair.first, pair.second]), [['a', 'b'], ['a', 'c'], ['b', 'c']]);
    assertNear(figures.pairs[1].labels[0].cohenKappa, 1, EXACT, 'a and c agree');
    assertNear(figures.pairs[0].labels[0].cohenKappa, 5 / 13, EXACT, 'a and b');
    // By hand: 6 positions all three cover, 8 only a and c, 10 none; P_i = 1, 1/3, 1.
    // P̄ = (6 + 8/3 + 10) / 24 = 7/9; covered share (18 + 16) / 72 = 17/36; P_e = (17/36)² + (19/36)² = 650/1296.
    const expected = (7 / 9 - 650 / 1296) / (1 - 650 / 1296);
    assertNear(figures.labels[0].fleissKappa, expected, EXACT, 'Fleiss');
  });
});
