// Krippendorff's alpha against the published worked examples (cases A1-A3
// of the agreement oracles): exact fractions, compared to 1e-12.
import { strict as assert } from 'node:assert';
import { alphaOfCoincidences, coincidences, krippendorffAlpha } from '../../../core/agreement/krippendorffAlpha';
import { Ratio } from '../../../core/agreement/ratio';
import { talliesOfRatings, talliesOfTable } from '../../../core/agreement/unitTallies';
import { assertNear } from './syntheticCopies';

const EXACT = 1e-12;
const _ = null;

/** Rows of a reliability matrix written as in the sources, `.` or `*` for a missing value. */
const rows = (...lines: string[]) => lines.map((line) => line.trim().split(/\s+/).map((cell) => (cell === '.' || cell === '*' ? _ : Number(cell))));

describe('core/agreement: Krippendorff\'s alpha (oracles A1-A3)', () => {
  describe('A1: Krippendorff (2011), 4 observers × 12 units with missing values', () => {
    const data = rows(
      '1 2 3 3 2 1 4 1 2 . . .',
      '1 2 3 3 2 2 4 1 2 5 . 3',
      '. 3 3 3 2 3 4 2 2 5 1 .',
      '1 2 3 3 2 4 4 1 2 5 1 .',
    );
    const { categories, units } = talliesOfRatings(data);

    it('has the coincidences of the paper (n = 40), exactly', () => {
      assert.deepEqual(categories, [1, 2, 3, 4, 5]);
      const matrix = coincidences(units, 5).map((row) => row.map((value) => value.toString()));
      assert.deepEqual(matrix, [
        ['7', '4/3', '1/3', '1/3', '0'],
        ['4/3', '10', '4/3', '1/3', '0'],
        ['1/3', '4/3', '8', '1/3', '0'],
        ['1/3', '1/3', '1/3', '4', '0'],
        ['0', '0', '0', '0', '3'],
      ]);
      const n = coincidences(units, 5).flat().reduce((sum, value) => sum.plus(value), Ratio.ZERO);
      assert.equal(n.toString(), '40');
    });

    it('nominal: 113/152 (printed .743)', () => assertNear(krippendorffAlpha(units, 5, 'nominal'), 113 / 152, EXACT, 'nominal'));
    it('interval: 951/1120 (printed .849)', () => assertNear(krippendorffAlpha(units, 5, 'interval', categories), 951 / 1120, EXACT, 'interval'));
    it('ordinal: 108577/133160 (printed .815)', () => assertNear(krippendorffAlpha(units, 5, 'ordinal'), 108577 / 133160, EXACT, 'ordinal'));
    it('ratio: 18222619/22852465 (printed .797)', () => assertNear(krippendorffAlpha(units, 5, 'ratio', categories), 18222619 / 22852465, EXACT, 'ratio'));
    it('gives the nominal value from the coincidence matrix too', () => assertNear(alphaOfCoincidences(coincidences(units, 5)), 113 / 152, EXACT));
  });

  describe('A2: Wikipedia, 3 coders × 15 units with missing values', () => {
    const data = rows(
      '* * * * * 3 4 1 2 1 1 3 3 * 3',
      '1 * 2 1 3 3 4 3 * * * * * * *',
      '* * 2 1 3 4 4 * 2 1 1 3 3 * 4',
    );
    const { categories, units } = talliesOfRatings(data);
    it('nominal: 56/81', () => assertNear(krippendorffAlpha(units, categories.length), 56 / 81, EXACT));
    it('interval: 643/793', () => assertNear(krippendorffAlpha(units, categories.length, 'interval', categories), 643 / 793, EXACT));
  });

  describe('A3: Content Analysis (2004), two coders', () => {
    it('p. 224, 10 binary units: agreement .600, alpha = 2/21', () => {
      const pairs = [[1, 0], [1, 1], [0, 1], [0, 0], [0, 0], [0, 1], [0, 0], [0, 1], [0, 0], [0, 0]];
      const { units } = talliesOfRatings([pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])]);
      assert.equal(pairs.filter(([a, b]) => a === b).length / pairs.length, 0.6);
      assertNear(krippendorffAlpha(units, 2), 2 / 21, EXACT);
    });

    it('p. 227, 12 units in three categories: agreement .833, alpha = 127/173', () => {
      const pairs = ['aa', 'ab', 'bb', 'bb', 'bb', 'bb', 'bc', 'cc', 'cc', 'cc', 'cc', 'cc'];
      const { units } = talliesOfRatings([pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])]);
      assertNear(pairs.filter((pair) => pair[0] === pair[1]).length / pairs.length, 0.833, 5e-4);
      assertNear(krippendorffAlpha(units, 3), 127 / 173, EXACT);
    });
  });

  describe('undefined values', () => {
    it('is n/a (null), not 1, when every value is the same', () => {
      assert.equal(krippendorffAlpha(talliesOfTable([[0, 0], [0, 50]]), 2), null);
    });

    it('is n/a when no unit has two values', () => {
      assert.equal(krippendorffAlpha(talliesOfRatings([[1, _, 2], [_, 3, _]]).units, 3), null);
    });
  });
});
