import { oneMinus, type Coefficient } from './coefficient';
import { Ratio } from './ratio';

/**
 * Two annotators' contingency table: `table[i][j]` units got category i from
 * the first annotator and j from the second.
 */
export type ContingencyTable = ReadonlyArray<ReadonlyArray<number>>;

/**
 * Cohen's kappa (1960): chance agreement from each annotator's own
 * distribution of categories, p_e = Σ r_i c_i / N². Null when p_e = 1 (both
 * gave every unit the one category) or there are no units.
 */
export function cohenKappa(table: ContingencyTable): Coefficient {
  const { total, agreed, rows, columns } = margins(table);
  if (total === 0) return null;
  let chance = 0n;
  rows.forEach((row, i) => (chance += BigInt(row) * BigInt(columns[i])));
  const squared = BigInt(total) * BigInt(total);
  return oneMinus(Ratio.of(total - agreed, total), Ratio.of(squared - chance, squared));
}

/**
 * Scott's pi (1955): chance agreement from the two annotators' pooled
 * distribution, p_e = Σ ((r_i + c_i) / 2N)². Fleiss' kappa with two
 * annotators, and Krippendorff's alpha without its small-sample correction.
 */
export function scottPi(table: ContingencyTable): Coefficient {
  const { total, agreed, rows, columns } = margins(table);
  if (total === 0) return null;
  let chance = 0n;
  rows.forEach((row, i) => {
    const pooled = BigInt(row + columns[i]);
    chance += pooled * pooled;
  });
  const squared = 4n * BigInt(total) * BigInt(total);
  return oneMinus(Ratio.of(total - agreed, total), Ratio.of(squared - chance, squared));
}

function margins(table: ContingencyTable): { total: number; agreed: number; rows: number[]; columns: number[] } {
  const size = table.length;
  const rows = new Array<number>(size).fill(0);
  const columns = new Array<number>(size).fill(0);
  let total = 0;
  let agreed = 0;
  table.forEach((row, i) => {
    if (row.length !== size) throw new RangeError('a contingency table is square');
    row.forEach((count, j) => {
      rows[i] += count;
      columns[j] += count;
      total += count;
      if (i === j) agreed += count;
    });
  });
  return { total, agreed, rows, columns };
}
