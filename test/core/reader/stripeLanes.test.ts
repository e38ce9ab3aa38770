import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { stripeLanes, type LaneInterval } from '../../../core/reader/stripeLanes';

const RUNS = Number(process.env.FINDINGS_FC_RUNS) || 300;

const INTERVALS = fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 12 })).map(([start, length]) => ({ start, end: start + length })), { maxLength: 40 });

/** Whether two intervals share a point (an empty interval is its point). */
function overlap(a: LaneInterval, b: LaneInterval): boolean {
  const pointIn = (p: number, x: LaneInterval) => (x.start === x.end ? p === x.start : x.start <= p && p < x.end);
  if (a.start === a.end) return pointIn(a.start, b);
  if (b.start === b.end) return pointIn(b.start, a);
  return a.start < b.end && b.start < a.end;
}

/** The most intervals sharing one point. */
function maxOverlap(intervals: readonly LaneInterval[]): number {
  let most = 0;
  const points = intervals.flatMap((x) => [x.start, x.end - 0.5]);
  for (const p of points) {
    const n = intervals.filter((x) => (x.start === x.end ? p === x.start : x.start <= p && p < x.end)).length;
    most = Math.max(most, n);
  }
  return most;
}

describe('core/reader stripe lanes', () => {
  it('never put overlapping intervals in one lane, and use as many lanes as intervals overlap at most', () => {
    fc.assert(fc.property(INTERVALS, (intervals) => {
      const { lanes, count } = stripeLanes(intervals);
      assert.equal(lanes.length, intervals.length);
      for (let i = 0; i < intervals.length; i++) {
        assert.ok(lanes[i] >= 0 && lanes[i] < count);
        for (let j = i + 1; j < intervals.length; j++) {
          if (overlap(intervals[i], intervals[j])) assert.notEqual(lanes[i], lanes[j], `${JSON.stringify(intervals[i])} and ${JSON.stringify(intervals[j])}`);
        }
      }
      assert.equal(count, maxOverlap(intervals));
    }), { numRuns: RUNS });
  });

  it('puts an enclosing passage in a lower lane than those inside it, and reuses lanes that freed', () => {
    const { lanes, count } = stripeLanes([{ start: 5, end: 9 }, { start: 0, end: 10 }, { start: 0, end: 3 }, { start: 12, end: 14 }, { start: 2.5, end: 7.25 }]);
    assert.deepEqual(lanes, [1, 0, 1, 0, 2]);
    assert.equal(count, 3);
  });

  it('takes pixels as well as offsets, and 20,000 intervals quickly', () => {
    const intervals = Array.from({ length: 20_000 }, (_, i) => ({ start: i * 3.5, end: i * 3.5 + 10.25 }));
    const started = process.hrtime.bigint();
    const { count } = stripeLanes(intervals);
    assert.equal(count, 3);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 1000);
  });
});
