/**
 * An exact fraction of two big integers. The coefficients are ratios of
 * counts; computed in fractions and divided once at the end, a published
 * value such as 113/152 comes out as the nearest double to it, whatever the
 * size of the corpus (counts of code points cubed pass 2^53 quickly).
 * Terms are not reduced as they go (a gcd costs more than the few sums each
 * coefficient makes): only toString reduces.
 */
export class Ratio {
  static readonly ZERO = new Ratio(0n, 1n);
  static readonly ONE = new Ratio(1n, 1n);

  /** The denominator is always positive. */
  private constructor(readonly numerator: bigint, readonly denominator: bigint) {}

  static of(numerator: bigint | number, denominator: bigint | number = 1n): Ratio {
    const n = BigInt(numerator);
    const d = BigInt(denominator);
    if (d === 0n) throw new RangeError('a ratio with a zero denominator');
    return d < 0n ? new Ratio(-n, -d) : new Ratio(n, d);
  }

  /** The exact value of a double (every finite double is a fraction with a power of two below). */
  static fromNumber(value: number): Ratio {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    if (Number.isInteger(value)) return Ratio.of(BigInt(value));
    let denominator = 1n;
    let scaled = value;
    while (!Number.isInteger(scaled)) {
      scaled *= 2;
      denominator *= 2n;
    }
    return Ratio.of(BigInt(scaled), denominator);
  }

  plus(other: Ratio): Ratio {
    if (this.denominator === other.denominator) return new Ratio(this.numerator + other.numerator, this.denominator);
    return Ratio.of(this.numerator * other.denominator + other.numerator * this.denominator, this.denominator * other.denominator);
  }

  minus(other: Ratio): Ratio {
    if (this.denominator === other.denominator) return new Ratio(this.numerator - other.numerator, this.denominator);
    return Ratio.of(this.numerator * other.denominator - other.numerator * this.denominator, this.denominator * other.denominator);
  }

  times(other: Ratio): Ratio {
    return Ratio.of(this.numerator * other.numerator, this.denominator * other.denominator);
  }

  dividedBy(other: Ratio): Ratio {
    if (other.numerator === 0n) throw new RangeError('division by a zero ratio');
    return Ratio.of(this.numerator * other.denominator, this.denominator * other.numerator);
  }

  isZero(): boolean {
    return this.numerator === 0n;
  }

  equals(other: Ratio): boolean {
    return this.numerator * other.denominator === other.numerator * this.denominator;
  }

  /** The nearest double, or within an ulp of it for terms past 2^53. */
  toNumber(): number {
    const n = this.numerator;
    const d = this.denominator;
    if (abs(n) <= SAFE && d <= SAFE) return Number(n) / Number(d);
    // Scale so that the integer quotient keeps at least 64 significant bits, then divide by the power of two exactly.
    const shift = Math.max(0, 68 - (bitLength(abs(n)) - bitLength(d)));
    return Number((n << BigInt(shift)) / d) / 2 ** shift;
  }

  /** In lowest terms: `113/152`, `40`. */
  toString(): string {
    const divisor = gcd(abs(this.numerator), this.denominator);
    const [n, d] = [this.numerator / divisor, this.denominator / divisor];
    return d === 1n ? `${n}` : `${n}/${d}`;
  }
}

/** The sum of ratios (zero for none). */
export function sumOf(ratios: Iterable<Ratio>): Ratio {
  let total = Ratio.ZERO;
  for (const ratio of ratios) total = total.plus(ratio);
  return total;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/** The number of bits, to within 3 above (four per hex digit): enough to scale a division. */
function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(16).length * 4;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
