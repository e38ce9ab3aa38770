// Cohen's kappa, Scott's pi and Fleiss' kappa against the published worked
// examples (cases K1-K3 and F1 of the agreement oracles).
import { strict as assert } from 'node:assert';
import { cohenKappa, scottPi } from '../../../core/agreement/cohenKappa';
import { fleissKappa } from '../../../core/agreement/fleissKappa';
import { krippendorffAlpha } from '../../../core/agreement/krippendorffAlpha';
import { talliesOfTable, type UnitTally } from '../../../core/agreement/unitTallies';
import { assertNear } from './syntheticCopies';

const EXACT = 1e-12;

describe('core/agreement: kappa and pi (oracles K1-K3, F1)', () => {
  it('K1: Cohen (1960), 200 items in 3 categories: kappa = 29/59 (printed .492)', () => {
    assertNear(cohenKappa([[88, 14, 18], [10, 40, 10], [2, 6, 12]]), 29 / 59, EXACT);
  });

  describe('K2: Content Analysis (2004), p. 246: one observed agreement, two kappas', () => {
    const first = [[12, 9, 9], [9, 14, 9], [9, 9, 20]];
    const second = [[12, 18, 18], [0, 14, 18], [0, 0, 20]];
    it('pi = 154/829 for both tables', () => {
      assertNear(scottPi(first), 154 / 829, EXACT, 'table 1');
      assertNear(scottPi(second), 154 / 829, EXACT, 'table 2');
    });
    it('kappa = 154/829 for table 1 and 47/182 for table 2', () => {
      assertNear(cohenKappa(first), 154 / 829, EXACT, 'table 1');
      assertNear(cohenKappa(second), 47 / 182, EXACT, 'table 2');
    });
  });

  describe('K3: Artstein and Poesio (2008)', () => {
    it('p. 558: pi = 31/91, kappa = 8/23, alpha = 0.34395604', () => {
      // Rows: the first coder's STAT, IReq; columns the second's.
      const table = [[20, 10], [20, 50]];
      assertNear(scottPi(table), 31 / 91, EXACT, 'pi');
      assertNear(cohenKappa(table), 8 / 23, EXACT, 'kappa');
      assertNear(krippendorffAlpha(talliesOfTable(table), 2), 0.34395604, 5e-9, 'alpha');
    });

    it('p. 568: kappa = 121/151, pi = 2393/2993, alpha = 0.8005345807', () => {
      // STAT, IReq, Chck.
      const table = [[46, 0, 0], [6, 32, 6], [0, 0, 10]];
      assertNear(cohenKappa(table), 121 / 151, EXACT, 'kappa');
      assertNear(scottPi(table), 2393 / 2993, EXACT, 'pi');
      assertNear(krippendorffAlpha(talliesOfTable(table), 3), 0.8005345807, 5e-11, 'alpha');
    });
  });

  describe('F1: Fleiss (1971), 30 subjects × 6 raters, 5 categories', () => {
    const ratings = `444444 222555 233335 555555 222444 113333 333355 113334 114444 555555
      144444 124444 222333 144444 224445 333335 111455 111112 224444 133555
      555555 244444 224555 114444 144445 222224 111155 224444 133333 555555`.trim().split(/\s+/);
    const units: UnitTally[] = ratings.map((subject) => {
      const counts = [0, 0, 0, 0, 0];
      for (const digit of subject) counts[Number(digit) - 1]++;
      return { counts, weight: 1 };
    });

    it('kappa = 5437/12637 (printed .430)', () => {
      assert.equal(units.length, 30);
      assertNear(fleissKappa(units, 5).overall, 5437 / 12637, EXACT);
    });

    it('per category: 0.2448, 0.2448, 0.5200, 0.4711, 0.5661', () => {
      const expected = [0.2448, 0.2448, 0.52, 0.4711, 0.5661];
      fleissKappa(units, 5).perCategory.forEach((value, j) => assertNear(value, expected[j], 5e-5, `category ${j + 1}`));
    });

    it('equals Scott\'s pi with two raters', () => {
      const table = [[20, 10], [20, 50]];
      assertNear(fleissKappa(talliesOfTable(table), 2).overall, scottPi(table)!, EXACT);
    });
  });

  describe('undefined values', () => {
    it('kappa and pi are n/a when both coders give every unit one category', () => {
      assert.equal(cohenKappa([[0, 0], [0, 40]]), null);
      assert.equal(scottPi([[40, 0], [0, 0]]), null);
      assert.equal(cohenKappa([[0, 0], [0, 0]]), null);
    });

    it('Fleiss is n/a with one category only, and for units rated once', () => {
      assert.equal(fleissKappa([{ counts: [3, 0], weight: 10 }], 2).overall, null);
      assert.equal(fleissKappa([{ counts: [1, 0], weight: 10 }], 2).overall, null);
    });
  });
});
