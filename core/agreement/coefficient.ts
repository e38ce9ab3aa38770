import { Ratio } from './ratio';

/**
 * A chance-corrected coefficient's value: null where it is undefined, which
 * the outputs show as "n/a". Never 1 or 0 in its place: a code nobody used
 * gives no evidence of agreement or of disagreement.
 */
export type Coefficient = number | null;

/**
 * 1 - observed / expected disagreement: the form of kappa, pi and every
 * alpha. Undefined when no disagreement is expected (nobody used the code,
 * or every unit has the one value): then nothing can be told apart.
 */
export function oneMinus(observed: Ratio, expected: Ratio): Coefficient {
  if (expected.isZero()) return null;
  return Ratio.ONE.minus(observed.dividedBy(expected)).toNumber();
}

/** A count over a count, or null when the denominator is 0 (precision with no spans to judge). */
export function proportion(numerator: number, denominator: number): Coefficient {
  return denominator === 0 ? null : Ratio.of(numerator, denominator).toNumber();
}
