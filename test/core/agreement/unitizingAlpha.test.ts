// Krippendorff's alpha_U (2004) and uα (2016) against the published worked
// examples (cases U1-U3 of the agreement oracles).
import { strict as assert } from 'node:assert';
import { computeAgreement } from '../../../core/agreement/computeAgreement';
import type { Interval } from '../../../core/agreement/intervals';
import { uAlpha, type ValuedUnit } from '../../../core/agreement/uAlpha';
import { overallUnitizingAlpha, pairDistance, unitizingAlpha, unitizingDisagreement, unitizingSample } from '../../../core/agreement/unitizingAlpha';
import { articleOf, assertNear, copyOf } from './syntheticCopies';

const EXACT = 1e-12;

/** [begin, end) pairs shifted onto a continuum that starts at `origin`. */
const units = (origin: number, ...ranges: Array<[number, number]>): Interval[] => ranges.map(([start, end]) => ({ start: start - origin, end: end - origin }));

describe('core/agreement: unitizing alpha (oracles U1-U3)', () => {
  describe('U1: Krippendorff (2004), figure 2: L = 300 from 150, two coders', () => {
    const c = [units(150, [225, 295], [370, 400]), units(150, [220, 300], [355, 375], [400, 420])];
    const k = [units(150, [180, 240], [300, 350]), units(150, [180, 240], [300, 350])];
    const cParts = unitizingDisagreement([unitizingSample(300, c)]);
    const kParts = unitizingDisagreement([unitizingSample(300, k)]);

    it('the pair distances of the appendix: 50, 850, and 400 for a unit inside a gap', () => {
      assert.equal(pairDistance(units(0, [225, 295]), units(0, [220, 300])), 50n);
      assert.equal(pairDistance(units(0, [370, 400]), units(0, [355, 375])), 850n);
      assert.equal(pairDistance(units(0, [400, 420]), []), 400n);
    });

    it('category c: D_o = 0.0144…, D_e = 0.05322…, alpha_c = 0.7286', () => {
      assert.equal(cParts.observed.toString(), '13/900');
      assertNear(cParts.observed.toNumber(), 0.014444444444444444, 1e-17, 'D_o');
      assertNear(cParts.expected.toNumber(), 0.05322177985498048, 1e-17, 'D_e');
      assertNear(unitizingAlpha([unitizingSample(300, c)]), 0.728598996805389, 1e-15, 'alpha_c');
    });

    it('category k: D_o = 0, D_e = 0.04898…, alpha_k = 1', () => {
      assert.ok(kParts.observed.isZero());
      assertNear(kParts.expected.toNumber(), 0.04897856580891524, 1e-17, 'D_e');
      assert.equal(unitizingAlpha([unitizingSample(300, k)]), 1);
    });

    it('alpha_U = 7925853267/9230432738 exactly (printed .8591 from rounded parts)', () => {
      const alpha = overallUnitizingAlpha([cParts, kParts]);
      assertNear(alpha, 7925853267 / 9230432738, EXACT, 'alpha_U');
      assertNear(alpha, 0.8591, 5e-4, 'printed');
    });

    it('comes out the same through the pipeline, from two annotators\' copies', () => {
      const spans = (coder: number) => [...c[coder].map((u) => ({ ...u, codes: ['c'] })), ...k[coder].map((u) => ({ ...u, codes: ['k'] }))];
      const figures = computeAgreement([articleOf(copyOf('one', 300, spans(0)), copyOf('two', 300, spans(1)))], { by: 'code' });
      const rows = figures.corpus!.labels;
      assertNear(rows.find((row) => row.label === 'c')!.unitizingAlpha, 0.728598996805389, 1e-15, 'c');
      assert.equal(rows.find((row) => row.label === 'k')!.unitizingAlpha, 1);
      assertNear(rows.find((row) => row.label === null)!.unitizingAlpha, 7925853267 / 9230432738, EXACT, 'all');
      assertNear(figures.corpus!.pairs[0].labels.at(-1)!.unitizingAlpha, 7925853267 / 9230432738, EXACT, 'the pair');
    });
  });

  describe('U2: Krippendorff (1995), four pairs on a continuum of 24', () => {
    const pairs: Record<string, Array<[begin: number, length: number, coder: number]>> = {
      A: [[2, 8, 0], [14, 6, 0], [4, 4, 1], [15, 2, 1]],
      B: [[0, 18, 0], [0, 2, 1], [2, 1, 1], [3, 1, 1], [4, 1, 1], [5, 1, 1], [6, 3, 1], [9, 1, 1]],
      C: [[2, 6, 0], [10, 2, 0], [14, 4, 0], [20, 2, 0], [0, 2, 1], [4, 4, 1], [10, 4, 1], [16, 2, 1], [20, 2, 1]],
      D: [[0, 2, 0], [2, 8, 0], [10, 4, 0], [14, 6, 0], [20, 4, 0], [0, 4, 1], [4, 4, 1], [8, 7, 1], [15, 2, 1], [17, 7, 1]],
    };
    const observed: Record<string, number> = { A: 0.03125, B: 2.26736, C: 0.02778, D: 0.38715 };
    const atL24: Record<string, number> = { A: 0.5153, B: -1.0811, C: 0.6033, D: -0.2068 };
    const scaled: Record<string, number> = { A: 0.5529, B: -0.9284, C: 0.6931, D: 0.0659 };
    const sample = (name: string, scale: number) => unitizingSample(24 * scale, [0, 1].map((coder) => pairs[name]
      .filter((unit) => unit[2] === coder)
      .map(([begin, length]) => ({ start: begin * scale, end: (begin + length) * scale }))));

    for (const name of Object.keys(pairs)) {
      it(`pair ${name}: D_o = ${observed[name]} at any resolution; alpha ${atL24[name]} at L = 24, ${scaled[name]} scaled by 50,000`, () => {
        assertNear(unitizingDisagreement([sample(name, 1)]).observed.toNumber(), observed[name], 5e-6, 'D_o');
        assertNear(unitizingDisagreement([sample(name, 50_000)]).observed.toNumber(), observed[name], 5e-6, 'D_o scaled');
        assertNear(unitizingAlpha([sample(name, 1)]), atL24[name], 5e-5, 'alpha at 24');
        assertNear(unitizingAlpha([sample(name, 50_000)]), scaled[name], 5e-5, 'alpha scaled');
      });
    }
  });

  it('U3: uα (Krippendorff, Mathet, Bouvry and Widlöcher 2016), 3 observers, L = 60: 16349/32058', () => {
    // Positions 1-based inclusive, as printed.
    const coder = (...units: Array<[number, number, number]>): ValuedUnit[] => units.map(([from, to, value]) => ({ start: from - 1, end: to, value: String(value) }));
    const alpha = uAlpha(60, [
      coder([1, 7, 1], [8, 13, 2], [31, 32, 5], [33, 37, 6], [38, 44, 6], [45, 60, 7]),
      coder([1, 7, 1], [8, 13, 3], [14, 21, 5], [33, 44, 6]),
      coder([1, 7, 1], [8, 13, 4], [14, 21, 5], [33, 37, 6], [38, 41, 6], [42, 44, 6]),
    ]);
    assertNear(alpha, 16349 / 32058, EXACT);
    assertNear(alpha, 0.51, 5e-4, 'printed');
  });

  it('is n/a for a code nobody used, and for an empty continuum', () => {
    assert.equal(unitizingAlpha([unitizingSample(100, [[], []])]), null);
    assert.equal(unitizingAlpha([]), null);
  });
});
