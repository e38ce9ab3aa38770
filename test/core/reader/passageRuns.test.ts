import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { articleBlocks, blockStarts, HARD_LENGTH, scanBlockStarts, SOFT_LENGTH } from '../../../core/reader/articleBlocks';
import { passageRuns, type TextInterval } from '../../../core/reader/passageRuns';
import { assertLinearGrowth } from '../../helpers/growth';

const RUNS = Number(process.env.FINDINGS_FC_RUNS) || 300;

/** Nested intervals, as spans nest: each either encloses later ones or sits beside them; some empty. */
const NESTED = fc.integer({ min: 0, max: 60 }).chain((length) =>
  fc.array(fc.tuple(fc.nat(length), fc.nat(length)), { maxLength: 25 }).map((pairs) => {
    const intervals: TextInterval[] = [];
    for (const [a, b] of pairs) {
      const start = Math.min(a, b);
      const end = Math.max(a, b);
      // Keep only what nests with every interval kept so far.
      if (intervals.every((o) => end <= o.start || start >= o.end || (start >= o.start && end <= o.end) || (start <= o.start && end >= o.end))) intervals.push({ start, end });
    }
    intervals.sort((x, y) => x.start - y.start || y.end - x.end);
    return { length, intervals };
  }));

/** Any intervals at all (the runs must still spell the text and list the covering ones). */
const ANY = fc.integer({ min: 0, max: 40 }).chain((length) =>
  fc.array(fc.tuple(fc.integer({ min: -5, max: length + 5 }), fc.integer({ min: -5, max: length + 5 })).map(([start, end]) => ({ start, end })), { maxLength: 15 })
    .map((intervals) => ({ length, intervals })));

function covering(intervals: readonly TextInterval[], start: number, end: number): number[] {
  return intervals.map((_, i) => i).filter((i) => intervals[i].start <= start && end <= intervals[i].end && intervals[i].start < intervals[i].end);
}

describe('core/reader passage runs', () => {
  it('spell the text in order, and each run lists exactly the passages that cover it, outermost first', () => {
    fc.assert(fc.property(NESTED, ({ length, intervals }) => {
      const runs = passageRuns(length, intervals);
      let at = 0;
      for (const run of runs) {
        assert.equal(run.start, at, 'runs are contiguous');
        assert.ok(run.end >= run.start);
        at = run.end;
        if (run.end === run.start) continue;
        assert.deepEqual([...run.passages].sort((a, b) => a - b), covering(intervals, run.start, run.end));
        // Outermost first: each passage in the list encloses the next.
        for (let k = 1; k < run.passages.length; k++) {
          const [outer, inner] = [intervals[run.passages[k - 1]], intervals[run.passages[k]]];
          assert.ok(outer.start <= inner.start && inner.end <= outer.end);
        }
      }
      assert.equal(at, length);
      // Every passage is in some run (an empty one in a run of its own), so every passage gets drawn.
      const seen = new Set(runs.flatMap((run) => run.passages));
      intervals.forEach((_, i) => assert.ok(seen.has(i), `passage ${i} has no run`));
    }), { numRuns: RUNS });
  });

  it('hold for intervals that overlap, are out of order or outside the text', () => {
    fc.assert(fc.property(ANY, ({ length, intervals }) => {
      const runs = passageRuns(length, intervals);
      assert.equal(runs.filter((r) => r.end > r.start).reduce((n, r) => n + r.end - r.start, 0), length);
      const clamped = intervals.map(({ start, end }) => {
        const s = Math.max(0, Math.min(length, start));
        return { start: s, end: Math.max(s, Math.min(length, end)) };
      });
      for (const run of runs) if (run.end > run.start) assert.deepEqual([...run.passages].sort((a, b) => a - b), covering(clamped, run.start, run.end));
    }), { numRuns: RUNS });
  });

  it('cuts at every boundary: a nested and an empty passage', () => {
    const runs = passageRuns(10, [{ start: 0, end: 8 }, { start: 2, end: 5 }, { start: 6, end: 6 }]);
    assert.deepEqual(runs.map((r) => [r.start, r.end, r.passages]), [[0, 2, [0]], [2, 5, [0, 1]], [5, 6, [0]], [6, 6, [0, 2]], [6, 8, [0]], [8, 10, []]]);
  });

  it('is linear in its output on 5,000 nested passages', () => {
    // Groups of five nested passages, 200 characters each: 1,000 groups (5,000 passages, as in a 1 MB report) and 16,000.
    const build = (groups: number) => {
      const intervals: TextInterval[] = [];
      for (let g = 0; g < groups; g++) for (let d = 0; d < 5; d++) intervals.push({ start: g * 200 + d * 10, end: g * 200 + 190 - d * 10 });
      return { length: groups * 200, intervals };
    };
    // Sixteen times the passages: about sixteen times the time, where a quadratic sweep would take 256 times.
    assertLinearGrowth({
      small: 1000,
      factor: 16,
      unit: 'groups of five passages',
      setUp: (groups) => {
        const { length, intervals } = build(groups);
        return () => {
          const runs = passageRuns(length, intervals);
          // Ten runs a group: nine inside its five passages, one in the gap after them.
          assert.equal(runs.length, groups * 10);
        };
      },
    });
  });
});

describe('core/reader article blocks', () => {
  it('start after each blank line (spaces and tabs count as blank), with LF, CRLF and CR', () => {
    assert.deepEqual(blockStarts('One.\nstill one.\n\nTwo.\n \t\n\nThree.'), [0, 17, 26]);
    assert.deepEqual(blockStarts('One.\r\n\r\nTwo.\r\rThree.\r\n'), [0, 8, 14]);
    assert.deepEqual(blockStarts('\n\nAfter blank lines.\n\n'), [0, 2]);
    assert.deepEqual(blockStarts(''), [0]);
    // Spaces after a plain line break are text, not a blank line.
    assert.deepEqual(blockStarts('a\n   b\n\n  c'), [0, 8]);
  });

  it('spell the text, and cut the runs at their edges without losing a passage', () => {
    const text = 'Para one [x].\n\nPara two.\n\nThree';
    const runs = passageRuns(text.length, [{ start: 5, end: 20 }, { start: 9, end: 12 }, { start: 15, end: 15 }]);
    const blocks = articleBlocks(text, runs);
    assert.equal(blocks.map((b) => text.slice(b.start, b.end)).join(''), text);
    for (const block of blocks) {
      assert.equal(block.runs.reduce((n, r) => n + r.end - r.start, 0), block.end - block.start);
      for (const run of block.runs) assert.ok(run.start >= block.start && run.end <= block.end);
    }
    // The passage across the blank line is in both blocks; the empty one at the second block's start is in that block.
    assert.ok(blocks[0].runs.some((r) => r.passages.includes(0)) && blocks[1].runs.some((r) => r.passages.includes(0)));
    assert.ok(blocks[1].runs.some((r) => r.start === r.end && r.passages.includes(2)));
  });

  it('end a long paragraph at its first line break past SOFT_LENGTH, and cut a longer line at its last space before HARD_LENGTH', () => {
    const line = 'word '.repeat(99) + 'word\n';
    const paragraph = line.repeat(60);
    const starts = blockStarts(`${paragraph}\n${paragraph}`);
    const linesPerBlock = Math.ceil(SOFT_LENGTH / line.length);
    assert.equal(starts[1], linesPerBlock * line.length);
    // The blank line still ends the first paragraph, and the second is cut alike.
    assert.ok(starts.includes(paragraph.length + 1) && starts.includes(paragraph.length + 1 + linesPerBlock * line.length));
    for (let b = 1; b < starts.length; b++) assert.ok(starts[b] - starts[b - 1] <= SOFT_LENGTH + line.length);

    const long = 'word '.repeat(5000);
    const cuts = blockStarts(long);
    for (let b = 1; b < cuts.length; b++) {
      assert.equal(long[cuts[b] - 1], ' ', 'cut after a space');
      assert.ok(cuts[b] - cuts[b - 1] <= HARD_LENGTH && cuts[b] - cuts[b - 1] > HARD_LENGTH - 5);
    }
    assert.equal(cuts.length, Math.ceil(long.length / (HARD_LENGTH - 5)));
    // No space near (a script written without spaces): cut at HARD_LENGTH, but never inside a character as it is
    // read: a surrogate pair, a letter and its combining marks, an emoji with its skin tone, joiner or selector.
    for (const unit of ['\u{1F600}', 'e\u0301\u0323', '\u{1F469}\u{1F3FD}\u200D\u{1F4BB}', '\u2764\uFE0F', '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}']) {
      const line = unit.repeat(Math.ceil((3 * HARD_LENGTH) / unit.length));
      const cuts = blockStarts(line).slice(1);
      assert.ok(cuts.length >= 2, `${cuts.length} cuts`);
      for (const cut of cuts) assert.equal(cut % unit.length, 0, `a cut inside ${JSON.stringify(unit)} at ${cut}`);
    }
    // A run of joiners longer than any character is cut anyway, a little past HARD_LENGTH.
    const marks = blockStarts(`e${'\u0301'.repeat(3 * HARD_LENGTH)}`);
    assert.ok(marks.length >= 3 && marks.every((cut, b) => b === 0 || cut - marks[b - 1] <= HARD_LENGTH + 64));
    const japanese = '日本語の文章'.repeat(HARD_LENGTH);
    assert.deepEqual(blockStarts(japanese).slice(0, 3), [0, HARD_LENGTH, 2 * HARD_LENGTH]);
    assert.deepEqual(blockStarts('x'.repeat(HARD_LENGTH)), [0]);
    assert.deepEqual(blockStarts('x'.repeat(HARD_LENGTH + 1)), [0, HARD_LENGTH]);
  });

  it('scanned from any block start, give the blocks scanning from the start gives', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('word ', 'x', '\n', '\n\n', ' \t\n', '\r\n', 'y'.repeat(900), ' '), { maxLength: 80 }), (parts) => {
      const text = parts.join('');
      const starts = blockStarts(text);
      for (const from of starts) {
        const after: number[] = [];
        scanBlockStarts(text, from, (start) => (after.push(start), true));
        assert.deepEqual(after, starts.filter((start) => start > from));
      }
    }), { numRuns: RUNS });
  });

  it('is linear on a text of a million characters of short lines', () => {
    const text = 'word word word\n'.repeat(70_000) + '\n \n'.repeat(1000);
    const started = process.hrtime.bigint();
    blockStarts(text);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 500);
  });
});
