/**
 * The binary search the reader's lookups share finds what a scan from the
 * end finds: the last position whose value is at or before the target.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { lastAtOrBefore } from '../../core/text/lastAtOrBefore';

const RUNS = Number(process.env.FINDINGS_FC_RUNS) || 200;

function byScan(values: readonly number[], target: number): number {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] <= target) return i;
  return 0;
}

describe('lastAtOrBefore', () => {
  it('finds the last position at or before the target, as a scan does (repeated values, targets outside the range, an empty list)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 40 }), fc.integer({ min: -60, max: 60 }), (unsorted, target) => {
      const values = [...unsorted].sort((a, b) => a - b);
      assert.strictEqual(lastAtOrBefore(values.length, (i) => values[i], target), byScan(values, target));
    }), { numRuns: RUNS });
  });

  it('reads a list of objects by a field', () => {
    const blocks = [{ start: 0 }, { start: 10 }, { start: 25 }];
    assert.deepStrictEqual([0, 9, 10, 24, 25, 99].map((offset) => lastAtOrBefore(blocks.length, (i) => blocks[i].start, offset)), [0, 0, 1, 1, 2, 2]);
  });
});
