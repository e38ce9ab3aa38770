/**
 * One unit of reliability data, or `weight` units alike: how many annotators
 * gave it each category (by category index). Character units come in
 * millions but in few kinds (how many annotators, how many of them said
 * "covered"), so the coefficients read tallies, not a unit at a time.
 */
export interface UnitTally {
  readonly counts: readonly number[];
  readonly weight: number;
}

/** The values given to a unit: at least two make it pairable. */
export function valuesIn(tally: UnitTally): number {
  let values = 0;
  for (const count of tally.counts) values += count;
  return values;
}

/**
 * Tallies of a reliability data matrix: one row per annotator, one column
 * per unit, null or undefined where the annotator gave no value. Categories
 * are the values given, in the order `categories` lists them (default:
 * ascending), which the ordinal metric reads as their rank.
 */
export function talliesOfRatings<T extends string | number>(ratings: ReadonlyArray<ReadonlyArray<T | null | undefined>>, categories?: readonly T[]): { categories: T[]; units: UnitTally[] } {
  const present = new Set<T>();
  for (const row of ratings) for (const value of row) if (value !== null && value !== undefined) present.add(value);
  const ordered = categories ? [...categories] : [...present].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(ordered.map((category, i) => [category, i]));
  const width = Math.max(0, ...ratings.map((row) => row.length));
  const units: UnitTally[] = [];
  for (let unit = 0; unit < width; unit++) {
    const counts = new Array<number>(ordered.length).fill(0);
    for (const row of ratings) {
      const value = row[unit];
      if (value === null || value === undefined) continue;
      const at = index.get(value);
      if (at === undefined) throw new RangeError(`value ${String(value)} is not one of the categories`);
      counts[at]++;
    }
    units.push({ counts, weight: 1 });
  }
  return { categories: ordered, units };
}

/** Tallies of two annotators' contingency table: `table[i][j]` units got category i from the first and j from the second. */
export function talliesOfTable(table: ReadonlyArray<ReadonlyArray<number>>): UnitTally[] {
  const size = table.length;
  const units: UnitTally[] = [];
  table.forEach((row, i) => row.forEach((weight, j) => {
    if (weight === 0) return;
    const counts = new Array<number>(size).fill(0);
    counts[i]++;
    counts[j]++;
    units.push({ counts, weight });
  }));
  return units;
}
