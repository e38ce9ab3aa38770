import { oneMinus, type Coefficient } from './coefficient';
import { Ratio, sumOf } from './ratio';
import type { Interval } from './intervals';

/**
 * Krippendorff's unitizing alpha, alpha_U (Krippendorff 2004, "Measuring the
 * reliability of qualitative text analysis data", Quality & Quantity 38):
 * for one category, each annotator divides the continuum into units of the
 * category and gaps; disagreement is the squared distance between the ends
 * of overlapping units, or a unit's squared length where another annotator
 * has a gap around it.
 *
 * What one continuum (an article, or two annotators' view of it) adds to
 * the coefficient of one category. Samples of several articles with the
 * same number of annotators pool as one continuum made of them all, gaps
 * never running from one article into the next.
 */
export interface UnitizingSample {
  /** L: the continuum's length, in code points. */
  readonly length: number;
  /** m: the annotators. */
  readonly annotators: number;
  /** Σ over unordered pairs of annotators of Σ d² between their sections. */
  readonly distance: bigint;
  /** The lengths of every annotator's units, and of their gaps. */
  readonly unitLengths: readonly number[];
  readonly gapLengths: readonly number[];
}

/**
 * A continuum's sample: each annotator's units, sorted and not overlapping
 * (see mergeOverlapping), within [0, length). `pairDistances`, the
 * distances of each pair already computed (for the pairwise figures), is
 * summed instead of computed again.
 */
export function unitizingSample(length: number, unitsByAnnotator: ReadonlyArray<readonly Interval[]>, pairDistances?: readonly bigint[]): UnitizingSample {
  let distance = 0n;
  if (pairDistances) for (const pair of pairDistances) distance += pair;
  else for (let i = 0; i < unitsByAnnotator.length; i++) for (let j = i + 1; j < unitsByAnnotator.length; j++) distance += pairDistance(unitsByAnnotator[i], unitsByAnnotator[j]);
  const unitLengths: number[] = [];
  const gapLengths: number[] = [];
  for (const units of unitsByAnnotator) {
    let at = 0;
    for (const unit of units) {
      if (unit.start > at) gapLengths.push(unit.start - at);
      unitLengths.push(unit.end - unit.start);
      at = unit.end;
    }
    if (length > at) gapLengths.push(length - at);
  }
  return { length, annotators: unitsByAnnotator.length, distance, unitLengths, gapLengths };
}

/**
 * Σ d² between two annotators' sections (in either order, the same):
 * (Δbegin)² + (Δend)² for each pair of overlapping units, and l² for each
 * unit that overlaps no unit of the other (it lies inside one of their
 * gaps). Both lists sorted and not overlapping, so the overlapping pairs
 * are found in one pass and are at most as many as the units.
 */
export function pairDistance(a: readonly Interval[], b: readonly Interval[]): bigint {
  let distance = 0n;
  const aOverlaps = new Uint8Array(a.length);
  const bOverlaps = new Uint8Array(b.length);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i].start < b[j].end && b[j].start < a[i].end) {
      const begins = BigInt(a[i].start - b[j].start);
      const ends = BigInt(a[i].end - b[j].end);
      distance += begins * begins + ends * ends;
      aOverlaps[i] = 1;
      bOverlaps[j] = 1;
    }
    if (a[i].end <= b[j].end) i++;
    else j++;
  }
  a.forEach((unit, k) => (distance += aOverlaps[k] ? 0n : squared(unit.end - unit.start)));
  b.forEach((unit, k) => (distance += bOverlaps[k] ? 0n : squared(unit.end - unit.start)));
  return distance;
}

export interface Disagreement {
  /** D_o and D_e of one category. */
  readonly observed: Ratio;
  readonly expected: Ratio;
}

/**
 * D_o and D_e of one category over the samples pooled (all with the same
 * number of annotators m, L the total length, N the units of all):
 *   D_o = 2 Σ distance / (m (m - 1) L²)
 *   D_e = (2 / L) Σ_units [ (N - 1)/3 · (2l³ - 3l² + l) + l² Σ_{gaps g ≥ l} (g - l + 1) ]
 *         / [ mL (mL - 1) - Σ_units l (l - 1) ]
 * The gaps at least as long as each unit come from a sorted list with
 * suffix sums: n log n, not units × gaps.
 */
export function unitizingDisagreement(samples: readonly UnitizingSample[]): Disagreement {
  if (samples.length === 0) return { observed: Ratio.ZERO, expected: Ratio.ZERO };
  const m = samples[0].annotators;
  if (samples.some((sample) => sample.annotators !== m)) throw new RangeError('pooled unitizing samples have the same annotators');
  let length = 0;
  let distance = 0n;
  const units: number[] = [];
  const gaps: number[] = [];
  for (const sample of samples) {
    length += sample.length;
    distance += sample.distance;
    for (const unit of sample.unitLengths) units.push(unit);
    for (const gap of sample.gapLengths) gaps.push(gap);
  }
  if (length === 0 || m < 2) return { observed: Ratio.ZERO, expected: Ratio.ZERO };
  const L = BigInt(length);
  const M = BigInt(m);
  const observed = Ratio.of(2n * distance, M * (M - 1n) * L * L);

  gaps.sort((x, y) => x - y);
  // From each index to the end: the number of gaps, and Σ (g + 1).
  const suffix = new Array<number>(gaps.length + 1).fill(0);
  for (let k = gaps.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1] + gaps[k] + 1;
  const others = BigInt(units.length - 1);
  let numerator = 0n;
  let selfPairs = 0n;
  for (const unit of units) {
    const l = BigInt(unit);
    const first = firstAtLeast(gaps, unit);
    const room = BigInt(suffix[first]) - l * BigInt(gaps.length - first);
    // l (l - 1)(2l - 1) is a multiple of 6, so the division by 3 is exact.
    numerator += (others * l * (l - 1n) * (2n * l - 1n)) / 3n + l * l * room;
    selfPairs += l * (l - 1n);
  }
  const denominator = M * L * (M * L - 1n) - selfPairs;
  const expected = denominator === 0n ? Ratio.ZERO : Ratio.of(2n * numerator, L * denominator);
  return { observed, expected };
}

/** alpha_U of one category: 1 - D_o / D_e; null when nobody used it (D_e = 0). */
export function unitizingAlpha(samples: readonly UnitizingSample[]): Coefficient {
  const { observed, expected } = unitizingDisagreement(samples);
  return oneMinus(observed, expected);
}

/** alpha_U over several categories (Krippendorff 2004): 1 - Σ D_o / Σ D_e. */
export function overallUnitizingAlpha(categories: readonly Disagreement[]): Coefficient {
  return oneMinus(sumOf(categories.map((part) => part.observed)), sumOf(categories.map((part) => part.expected)));
}

function squared(value: number): bigint {
  const big = BigInt(value);
  return big * big;
}

/** The index of the first sorted value ≥ `value` (the length when none is). */
function firstAtLeast(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
