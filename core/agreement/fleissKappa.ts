import { oneMinus, type Coefficient } from './coefficient';
import { Ratio, sumOf } from './ratio';
import { valuesIn, type UnitTally } from './unitTallies';

export interface FleissKappa {
  /** Fleiss' kappa over all categories. */
  readonly overall: Coefficient;
  /** Kappa for each category against all others (Fleiss 1971, eq. 13). */
  readonly perCategory: readonly Coefficient[];
}

/**
 * Fleiss' kappa (1971), the generalisation of Scott's pi to many raters:
 * P̄ is the mean over units of the share of agreeing rater pairs, P_e the sum
 * of the squared category shares. Units rated by fewer than two are
 * dropped; a unit rated by n_i raters counts its own n_i (n_i(n_i - 1)
 * pairs) and category shares are over all ratings, which is Fleiss' formula
 * whenever every unit has the same raters. Sums stay in integers per n_i.
 */
export function fleissKappa(units: Iterable<UnitTally>, categories: number): FleissKappa {
  // Per number of raters n: Σ n_ij (n_ij - 1), and for each category Σ n_ij (n - n_ij), both weighted.
  const agreeing = new Map<number, number>();
  const apart = new Map<number, number[]>();
  const ratings = new Array<number>(categories).fill(0);
  let unitCount = 0;
  let ratingCount = 0;
  for (const unit of units) {
    const n = valuesIn(unit);
    if (n < 2 || unit.weight === 0) continue;
    unitCount += unit.weight;
    ratingCount += unit.weight * n;
    let pairs = 0;
    const split = apart.get(n) ?? new Array<number>(categories).fill(0);
    apart.set(n, split);
    unit.counts.forEach((count, j) => {
      pairs += count * (count - 1);
      split[j] += unit.weight * count * (n - count);
      ratings[j] += unit.weight * count;
    });
    agreeing.set(n, (agreeing.get(n) ?? 0) + unit.weight * pairs);
  }
  if (unitCount === 0) return { overall: null, perCategory: new Array<Coefficient>(categories).fill(null) };
  const unitTotal = Ratio.of(unitCount);
  const meanAgreement = sumOf([...agreeing].map(([n, sum]) => Ratio.of(sum, n * (n - 1)))).dividedBy(unitTotal);
  const shares = ratings.map((count) => Ratio.of(count, ratingCount));
  const chance = sumOf(shares.map((share) => share.times(share)));
  const overall = oneMinus(Ratio.ONE.minus(meanAgreement), Ratio.ONE.minus(chance));
  const perCategory = shares.map((share, j) => {
    const observed = sumOf([...apart].map(([n, split]) => Ratio.of(split[j], n * (n - 1)))).dividedBy(unitTotal);
    return oneMinus(observed, share.times(Ratio.ONE.minus(share)));
  });
  return { overall, perCategory };
}
