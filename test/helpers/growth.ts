import * as assert from 'node:assert/strict';

/**
 * Checks that a function's time grows about linearly with its input, not
 * quadratically: the question a scaling test asks, without a time limit that
 * a busy machine breaks. Time is the process's CPU time, which another
 * process taking the core does not add to. Both sizes are timed in turn (best of several runs
 * each, after a warm-up), and the growth is judged as an exponent:
 * log(time ratio) / log(size ratio) is 1 for linear work and 2 for quadratic.
 * Garbage collection and caches push a linear function above 1 at large
 * sizes (1.4 to 1.6 for 16 times the input here), so the bound sits between the
 * two. Noise only ever makes a run slower, so a growth above the bound is
 * measured again, and fails only if it stays above it three times.
 */
export interface GrowthCheck {
  /** Builds the input of a size (a count of items), outside the timing, and returns the work to time on it. */
  readonly setUp: (size: number) => () => void;
  readonly small: number;
  /** The larger size is `small * factor`. */
  readonly factor: number;
  /** What the sizes count, for the message ("passages"). */
  readonly unit: string;
  /** Runs per size and attempt (best of). */
  readonly runs?: number;
}

/** The exponent above which growth counts as worse than linear: 16x the input may take at most 128x the time (quadratic: 256x). */
export const LINEAR_GROWTH_BOUND = 1.75;
const ATTEMPTS = 3;

export function assertLinearGrowth(check: GrowthCheck): void {
  const runs = check.runs ?? 5;
  const large = check.small * check.factor;
  const work = new Map([check.small, large].map((size) => [size, check.setUp(size)]));
  const timeOnce = (size: number) => {
    const started = process.cpuUsage();
    work.get(size)!();
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000;
  };
  timeOnce(check.small);
  timeOnce(large);
  const seen: string[] = [];
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    let small = Infinity;
    let big = Infinity;
    // In turn, so a busy spell of the machine touches both sizes alike.
    for (let k = 0; k < runs; k++) {
      small = Math.min(small, timeOnce(check.small));
      big = Math.min(big, timeOnce(large));
    }
    // A floor of 0.05 ms keeps a run too quick to time from making the ratio meaningless.
    const exponent = Math.log(big / Math.max(small, 0.05)) / Math.log(check.factor);
    if (exponent <= LINEAR_GROWTH_BOUND) return;
    seen.push(`${check.small} ${check.unit}: ${small.toFixed(1)} ms, ${large} ${check.unit}: ${big.toFixed(1)} ms (growth exponent ${exponent.toFixed(2)})`);
  }
  assert.fail(`time grew faster than linearly (bound ${LINEAR_GROWTH_BOUND}; 1 is linear, 2 quadratic) in ${ATTEMPTS} attempts:\n${seen.join('\n')}`);
}
