/**
 * Tagging a selection made in the clean text (the coded reader): whenever
 * the selection nests with every span (inside it, around it or apart from
 * it), its source range is accepted and the new span covers exactly the
 * selected clean text; the clean text never changes.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { defaultCodebook, planTagging } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { applyInsertions } from '../../core/language/tagEdit';
import { sourceRangeOfCleanSelection } from '../../core/reader/cleanSelection';

const codebook = defaultCodebook();
const FRONT = '---\narea: Darlington\n---\n';

/** A body of words and nested spans (no brackets in the words). */
const body: fc.Arbitrary<string> = fc.letrec<{ node: string; list: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('ab', 'c', 'de f', ' ', 'g\nh', 'é😀'),
    tie('list').map((inner) => `[${inner === '' ? 'x' : inner}]{.quote speaker=s}`),
  ),
  list: fc.array(tie('node'), { maxLength: 4 }).map((parts) => parts.join('')),
})).list;

function nests(selection: { start: number; end: number }, span: { start: number; end: number }): boolean {
  const inside = span.start <= selection.start && selection.end <= span.end;
  const around = selection.start <= span.start && span.end <= selection.end;
  const apart = span.end <= selection.start || selection.end <= span.start;
  return inside || around || apart;
}

describe('property: tagging a clean-text selection', () => {
  it('tags exactly the selected clean text whenever the selection nests with the spans', () => {
    let tagged = 0;
    fc.assert(fc.property(body, fc.nat(), fc.nat(), (text, a, b) => {
      const report = `${FRONT}${text}\n`;
      const document = parseReport(report);
      if (document.problems.length > 0) return;
      const clean = document.cleanText;
      const start = a % (clean.length + 1);
      const end = start + (b % (clean.length - start + 1));
      const selection = { start, end };
      const selected = clean.slice(start, end);
      // White space at the ends is trimmed by tagging, and a lone surrogate cannot be selected.
      if (selected.trim() !== selected || selected === '' || /^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(selected)) return;
      if (!document.spans.every((span) => nests(selection, span.clean))) return;
      const plan = planTagging(document, codebook, [sourceRangeOfCleanSelection(document, selection)], ['recommendation']);
      assert.ok(plan);
      assert.deepEqual(plan.refused, [], `${JSON.stringify(report)} ${start}-${end}`);
      const after = parseReport(applyInsertions(report, plan.insertions));
      assert.equal(after.cleanText, clean);
      const added = after.spans.filter((span) => span.codes.some((code) => code.name === 'recommendation'));
      assert.equal(added.length, 1);
      assert.deepEqual(added[0].clean, selection);
      tagged++;
    }), { numRuns: 6000, seed: 20261205 });
    assert.ok(tagged > 800, `only ${tagged} selections tagged`);
  });
});
