import { oneMinus, type Coefficient } from './coefficient';
import { Ratio, sumOf } from './ratio';
import { valuesIn, type UnitTally } from './unitTallies';

/** How far apart two values are (Krippendorff 2011): nominal for codes; the others for numeric data. */
export type AlphaMetric = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/**
 * The coincidence matrix (Krippendorff 2011): each pairable unit (two values
 * or more) adds each ordered pair of its values, from two different
 * annotators, with weight 1/(m_u - 1). Units with fewer than two values,
 * such as a unit only one annotator coded, are dropped: missing values are
 * allowed. Sums are kept in integers per m_u and divided once.
 */
export function coincidences(units: Iterable<UnitTally>, categories: number): Ratio[][] {
  const byValues = new Map<number, number[][]>();
  for (const unit of units) {
    const m = valuesIn(unit);
    if (m < 2 || unit.weight === 0) continue;
    let sums = byValues.get(m);
    if (!sums) byValues.set(m, (sums = square(categories, () => 0)));
    const counts = unit.counts;
    for (let c = 0; c < categories; c++) {
      if (counts[c] === 0) continue;
      for (let k = 0; k < categories; k++) sums[c][k] += unit.weight * counts[c] * (counts[k] - (c === k ? 1 : 0));
    }
  }
  const matrix = square(categories, () => Ratio.ZERO);
  for (const [m, sums] of byValues) {
    for (let c = 0; c < categories; c++) for (let k = 0; k < categories; k++) if (sums[c][k] !== 0) matrix[c][k] = matrix[c][k].plus(Ratio.of(sums[c][k], m - 1));
  }
  return matrix;
}

/**
 * Krippendorff's alpha, 1 - D_o / D_e, from unit tallies: `categories`
 * counts the categories; `values` gives their numbers for the interval and
 * ratio metrics (the ordinal metric reads only their order, the index).
 * Null where undefined: no pairable unit, or no disagreement to expect
 * (every value the same).
 */
export function krippendorffAlpha(units: Iterable<UnitTally>, categories: number, metric: AlphaMetric = 'nominal', values?: readonly number[]): Coefficient {
  return alphaOfCoincidences(coincidences(units, categories), metric, values);
}

/** Alpha from a coincidence matrix: 1 - (n - 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck. */
export function alphaOfCoincidences(matrix: readonly (readonly Ratio[])[], metric: AlphaMetric = 'nominal', values?: readonly number[]): Coefficient {
  const size = matrix.length;
  const marginals = matrix.map((row) => sumOf(row));
  const n = sumOf(marginals);
  if (n.isZero()) return null;
  const delta = distances(metric, marginals, values);
  let observed = Ratio.ZERO;
  let expected = Ratio.ZERO;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = delta(c, k);
      if (d.isZero()) continue;
      observed = observed.plus(matrix[c][k].times(d));
      expected = expected.plus(marginals[c].times(marginals[k]).times(d));
    }
  }
  return oneMinus(observed.times(n.minus(Ratio.ONE)), expected);
}

/** The squared distance δ²_ck of each metric (Krippendorff 2011, section D). */
function distances(metric: AlphaMetric, marginals: readonly Ratio[], values: readonly number[] | undefined): (c: number, k: number) => Ratio {
  if (metric === 'nominal') return (c, k) => (c === k ? Ratio.ZERO : Ratio.ONE);
  if (metric === 'ordinal') {
    // Σ_{g=c..k} n_g - (n_c + n_k) / 2, squared: by rank, each category as wide as its frequency.
    return (c, k) => {
      if (c === k) return Ratio.ZERO;
      const [low, high] = c < k ? [c, k] : [k, c];
      let between = Ratio.ZERO;
      for (let g = low; g <= high; g++) between = between.plus(marginals[g]);
      const span = between.minus(marginals[low].plus(marginals[high]).times(HALF));
      return span.times(span);
    };
  }
  if (!values || values.length !== marginals.length) throw new RangeError(`the ${metric} metric needs the value of each category`);
  const exact = values.map((value) => Ratio.fromNumber(value));
  if (metric === 'interval') {
    return (c, k) => {
      const difference = exact[c].minus(exact[k]);
      return difference.times(difference);
    };
  }
  return (c, k) => {
    const sum = exact[c].plus(exact[k]);
    if (sum.isZero()) return Ratio.ZERO;
    const relative = exact[c].minus(exact[k]).dividedBy(sum);
    return relative.times(relative);
  };
}

const HALF = Ratio.of(1, 2);

function square<T>(size: number, fill: () => T): T[][] {
  return Array.from({ length: size }, () => Array.from({ length: size }, fill));
}
