// The exact fractions the coefficients are computed in.
import { strict as assert } from 'node:assert';
import { Ratio } from '../../../core/agreement/ratio';

describe('core/agreement: exact ratios', () => {
  it('adds, subtracts, multiplies and divides exactly, and prints in lowest terms', () => {
    const third = Ratio.of(1, 3);
    assert.equal(third.plus(Ratio.of(1, 6)).toString(), '1/2');
    assert.equal(third.minus(Ratio.of(1, 3)).toString(), '0');
    assert.equal(third.times(Ratio.of(9, 2)).toString(), '3/2');
    assert.equal(third.dividedBy(Ratio.of(-2, 3)).toString(), '-1/2');
    assert.ok(Ratio.of(2, 4).equals(Ratio.of(-1, -2)));
    assert.throws(() => Ratio.of(1, 0), RangeError);
  });

  it('gives the nearest double of a small fraction, and of one whose terms pass 2^53', () => {
    assert.equal(Ratio.of(113, 152).toNumber(), 113 / 152);
    const big = 10n ** 40n;
    assert.equal(Ratio.of(113n * big + 0n, 152n * big).toNumber(), 113 / 152);
    assert.equal(Ratio.of(-(2n ** 80n), 3n).toNumber(), -(2 ** 80) / 3);
    assert.equal(Ratio.of(1n, 3n * 2n ** 70n).toNumber(), 1 / 3 / 2 ** 70);
  });

  it('reads a double exactly', () => {
    assert.equal(Ratio.fromNumber(0.1).toString(), '3602879701896397/36028797018963968');
    assert.equal(Ratio.fromNumber(-2.5).toString(), '-5/2');
    assert.equal(Ratio.fromNumber(7).toString(), '7');
  });
});
