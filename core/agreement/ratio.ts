/**
 * An exact fraction of two big integers. The coefficients are ratios of
 * counts; computed in fractions and divided once at the end, a published
 * value such as 113/152 comes out as the nearest double to it, whatever the
 * size of the corpus (counts of code points cubed pass 2^53 quickly).
 */
export class Ratio {
  static readonly ZERO = new Ratio(0n, 1n);
  static readonly ONE = new Ratio(1n, 1n);

  /** Always in lowest terms, with a positive denominator. */
  private constructor(readonly numerator: bigint, readonly denominator: bigint) {}

  static of(numerator: bigint | number, denominator: bigint | number = 1n): Ratio {
    let n = BigInt(numerator);
    let d = BigInt(denominator);
    if (d === 0n) throw new RangeError('a ratio with a zero denominator');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const divisor = gcd(n < 0n ? -n : n, d);
    return divisor === 1n ? new Ratio(n, d) : new Ratio(n / divisor, d / divisor);
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
    return Ratio.of(this.numerator * other.denominator + other.numerator * this.denominator, this.denominator * other.denominator);
  }

  minus(other: Ratio): Ratio {
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
    return this.numerator === other.numerator && this.denominator === other.denominator;
  }

  /** The nearest double, or within an ulp of it for terms past 2^53. */
  toNumber(): number {
    const n = this.numerator;
    const d = this.denominator;
    if (abs(n) <= SAFE && d <= SAFE) return Number(n) / Number(d);
    // Scale so that the integer quotient keeps at least 64 significant bits, then divide by the power of two exactly.
    const shift = Math.max(0, 64 - (bitLength(abs(n)) - bitLength(d)));
    return Number((n << BigInt(shift)) / d) / 2 ** shift;
  }

  toString(): string {
    return this.denominator === 1n ? `${this.numerator}` : `${this.numerator}/${this.denominator}`;
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

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
