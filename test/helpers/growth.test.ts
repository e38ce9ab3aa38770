import { strict as assert } from 'node:assert';
import { assertLinearGrowth } from './growth';

// The scaling tests rest on this check, so it must tell quadratic work from linear work.
describe('test helper: linear growth', () => {
  const sum = (values: Float64Array) => {
    let total = 0;
    for (const value of values) total += value;
    return total;
  };

  it('passes linear work', () => {
    assertLinearGrowth({ small: 200_000, factor: 16, unit: 'numbers', setUp: (n) => { const values = new Float64Array(n).fill(1); return () => assert.equal(sum(values), n); } });
  });

  it('fails quadratic work, three times over', () => {
    const pairs = (values: Float64Array) => {
      let count = 0;
      for (let i = 0; i < values.length; i++) for (let j = i + 1; j < values.length; j++) if (values[i] <= values[j]) count++;
      return count;
    };
    assert.throws(
      () => assertLinearGrowth({ small: 400, factor: 8, unit: 'numbers', runs: 2, setUp: (n) => { const values = new Float64Array(n).fill(1); return () => assert.equal(pairs(values), (n * (n - 1)) / 2); } }),
      (error: Error) => /grew faster than linearly/.test(error.message) && error.message.split('\n').length === 4,
    );
  });
});
