import { oneMinus, type Coefficient } from './coefficient';
import { Ratio } from './ratio';

/** A unit with its value, [start, end) on the continuum. */
export interface ValuedUnit {
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/**
 * uα of Krippendorff, Mathet, Bouvry and Widlöcher (2016, Quality & Quantity
 * 50), nominal: annotators who each divide the continuum into valued units
 * (sorted, not overlapping) and gaps. Observed coincidences are the lengths
 * over which two annotators' sections meet; expected ones discount what a
 * unit can only meet of itself, l² for a unit and l for a gap, since a unit
 * is one whole:
 *   e_cc = l·· (l_c·² - S_c) / (l··² - S),  uα = 1 - (l·· - Σ o_cc) / (l·· - Σ e_cc).
 * For one value per position only, which the spans of a report, nested and
 * multi-coded, are not: the per-code figures use alpha_U (unitizingAlpha.ts).
 */
export function uAlpha(length: number, unitsByAnnotator: ReadonlyArray<readonly ValuedUnit[]>): Coefficient {
  const m = unitsByAnnotator.length;
  if (m < 2 || length <= 0) return null;
  const GAP = '';
  // l_c·: each value's length over all annotators; S_c: what its sections pair with themselves.
  const lengths = new Map<string, number>();
  const selfPairs = new Map<string, bigint>();
  const add = (value: string, l: number, self: bigint) => {
    lengths.set(value, (lengths.get(value) ?? 0) + l);
    selfPairs.set(value, (selfPairs.get(value) ?? 0n) + self);
  };
  for (const units of unitsByAnnotator) {
    let covered = 0;
    for (const unit of units) {
      if (unit.value === GAP) throw new RangeError('a unit needs a value');
      const l = unit.end - unit.start;
      covered += l;
      add(unit.value, l, BigInt(l) * BigInt(l));
    }
    add(GAP, length - covered, BigInt(length - covered));
  }
  // Σ o_cc: the positions where two annotators give the same value (a gap included), over m - 1.
  const agreeing = Ratio.of(agreeingPairs(length, unitsByAnnotator), m - 1);
  const total = BigInt(m * length);
  let allSelf = 0n;
  for (const self of selfPairs.values()) allSelf += self;
  const pairs = total * total - allSelf;
  let expectedAgreeing = 0n;
  for (const [value, l] of lengths) expectedAgreeing += BigInt(l) * BigInt(l) - selfPairs.get(value)!;
  if (pairs === 0n) return null;
  const expected = Ratio.of(total).minus(Ratio.of(total * expectedAgreeing, pairs));
  return oneMinus(Ratio.of(total).minus(agreeing), expected);
}

/** Σ over positions of the ordered pairs of different annotators giving it the same value: one sweep over the boundaries. */
function agreeingPairs(length: number, unitsByAnnotator: ReadonlyArray<readonly ValuedUnit[]>): bigint {
  const events: Array<{ at: number; value: string; change: 1 | -1 }> = [];
  for (const units of unitsByAnnotator) for (const unit of units) events.push({ at: unit.start, value: unit.value, change: 1 }, { at: unit.end, value: unit.value, change: -1 });
  events.sort((a, b) => a.at - b.at || a.change - b.change);
  const counts = new Map<string, number>();
  let covered = 0;
  let pairs = 0n;
  let at = 0;
  const settle = (to: number) => {
    if (to <= at) return;
    let same = 0;
    for (const count of counts.values()) same += count * (count - 1);
    const gaps = unitsByAnnotator.length - covered;
    same += gaps * (gaps - 1);
    pairs += BigInt(same) * BigInt(to - at);
    at = to;
  };
  for (const event of events) {
    settle(event.at);
    counts.set(event.value, (counts.get(event.value) ?? 0) + event.change);
    covered += event.change;
  }
  settle(length);
  return pairs;
}
