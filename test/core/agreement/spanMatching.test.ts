// Span precision, recall and F1, exact and overlap, one to one: case S1 of
// the agreement oracles and the matching rule's choices.
import { strict as assert } from 'node:assert';
import { scores } from '../../../core/agreement/pairTally';
import { matchSpans, type LabelledRange } from '../../../core/agreement/spanMatching';
import { assertNear } from './syntheticCopies';

/** Spans of BIO tags, one unit per token. */
function bioSpans(tags: string): LabelledRange[] {
  const spans: LabelledRange[] = [];
  let open: { start: number; label: string } | undefined;
  const list = tags.split(' ');
  list.forEach((tag, position) => {
    const [prefix, label] = tag.split('-');
    if (open && (prefix !== 'I' || label !== open.label)) {
      spans.push({ start: open.start, end: position, label: open.label });
      open = undefined;
    }
    if (prefix === 'B' || (prefix === 'I' && !open)) open = { start: position, label };
  });
  if (open) spans.push({ start: open.start, end: list.length, label: open.label });
  return spans;
}

const range = (start: number, end: number, label: string): LabelledRange => ({ start, end, label });

describe('core/agreement: span matching (oracle S1)', () => {
  it('S1: seqeval\'s example: exact F1 = 0.50, overlap F1 = 1.0', () => {
    const reference = bioSpans('O O O B-MISC I-MISC I-MISC O B-PER I-PER');
    const other = bioSpans('O O B-MISC I-MISC I-MISC I-MISC O B-PER I-PER');
    assert.deepEqual(reference, [range(3, 6, 'MISC'), range(7, 9, 'PER')]);
    assert.deepEqual(other, [range(2, 6, 'MISC'), range(7, 9, 'PER')]);
    const matching = matchSpans(reference, other);
    assert.deepEqual(matching.exact, [[1, 1]]);
    assert.deepEqual(matching.boundary, [[0, 0]]);
    const exact = scores(matching.exact.length, [2, 2]);
    const overlap = scores(matching.exact.length + matching.boundary.length, [2, 2]);
    assertNear(exact.f1, 0.5, 1e-15, 'exact F1');
    assertNear(overlap.f1, 1, 1e-15, 'overlap F1');
  });

  it('matches one to one: exact matches first, then the largest overlap', () => {
    // The first's [0,10) could take [0,10) or [2,12): exact first; [5,20) then takes [2,12) (overlap 7) over [18,30) (overlap 2).
    const matching = matchSpans([range(0, 10, 'w'), range(5, 20, 'w')], [range(2, 12, 'w'), range(0, 10, 'w'), range(18, 30, 'w')]);
    assert.deepEqual(matching.exact, [[0, 1]]);
    assert.deepEqual(matching.boundary, [[1, 0]]);
    assert.deepEqual(matching.onlySecond, [2]);
    assert.deepEqual(matching.onlyFirst, []);
  });

  it('breaks ties of overlap by the earliest start', () => {
    const matching = matchSpans([range(0, 10, 'w')], [range(5, 15, 'w'), range(-5, 5, 'w')]);
    assert.deepEqual(matching.boundary, [[0, 1]]);
  });

  it('never pairs touching passages, and pairs what is left across labels as label differences', () => {
    const matching = matchSpans([range(0, 5, 'w'), range(10, 20, 'w')], [range(5, 9, 'w'), range(10, 20, 's')]);
    assert.deepEqual(matching.exact, []);
    assert.deepEqual(matching.boundary, []);
    assert.deepEqual(matching.label, [[1, 1]]);
    assert.deepEqual(matching.onlyFirst, [0]);
    assert.deepEqual(matching.onlySecond, [0]);
  });

  it('stays fast and one to one when one code is nested thousands deep', () => {
    const deep = Array.from({ length: 3000 }, (_, i) => range(i, 6000 - i, 'w'));
    const shifted = Array.from({ length: 3000 }, (_, i) => range(i + 1, 6000 - i, 'w'));
    const started = Date.now();
    const matching = matchSpans(deep, shifted);
    assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
    const firsts = new Set(matching.boundary.map((pair) => pair[0]));
    const seconds = new Set(matching.boundary.map((pair) => pair[1]));
    assert.equal(firsts.size, matching.boundary.length);
    assert.equal(seconds.size, matching.boundary.length);
    assert.equal(matching.boundary.length + matching.exact.length + matching.onlyFirst.length, 3000);
  });
});
