import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseReport } from '../../../core/document/parseReport';
import { memoEdits } from '../../../core/memos/memoEdit';
import { memoToken, writableMemo } from '../../../core/memos/memoMarkup';
import { spanMemo } from '../../../core/spans/spanMemo';
import { applyEdits, buildReport, diagnose } from '../../helpers/report';

const RUNS = Number(process.env.FINDINGS_FC_RUNS) || 300;

/** The report after setting the memo of span `index`. */
function withMemo(text: string, index: number, memo: string): string {
  const document = parseReport(text);
  return applyEdits(text, memoEdits(document, document.spans[index], memo));
}

const blockOf = (text: string, index: number): string => {
  const span = parseReport(text).spans[index];
  return text.slice(span.attributeRange.start, span.attributeRange.end);
};

describe('core/memos memo edits', () => {
  const report = buildReport('Leaders [said [things]{.quote speaker=x} well]{.strength theme=leadership}.\n');

  it('adds a memo at the end of the block, double-quoted, and the clean text stays', () => {
    const edited = withMemo(report, 0, 'Ask the team');
    assert.equal(blockOf(edited, 0), '{.strength theme=leadership memo="Ask the team"}');
    assert.equal(blockOf(edited, 1), '{.quote speaker=x}');
    assert.equal(parseReport(edited).cleanText, parseReport(report).cleanText);
    assert.deepEqual(diagnose(edited).diagnostics, [], 'a memo is an attribute every code takes');
  });

  it('escapes quotes and backslashes and keeps braces, brackets and emoji as they are', () => {
    const memo = 'He said "no" \\ then [left]{.x} 😀 }';
    const edited = withMemo(report, 1, memo);
    assert.equal(blockOf(edited, 1), '{.quote speaker=x memo="He said \\"no\\" \\\\ then [left]{.x} 😀 }"}');
    assert.equal(spanMemo(parseReport(edited).spans[1]), memo);
    assert.equal(parseReport(edited).spans.length, 2, 'the brackets in the memo open no span');
  });

  it('replaces the first memo, leaving a repeated one alone', () => {
    const twice = buildReport('[Waits]{.weakness theme=health memo=old memo="older"} here.\n');
    assert.equal(blockOf(withMemo(twice, 0, 'new'), 0), '{.weakness theme=health memo="new" memo="older"}');
  });

  it('removes the memo with one blank beside it, and does nothing without one', () => {
    assert.equal(blockOf(withMemo(buildReport('[Waits]{.weakness memo="x" theme=health} here.\n'), 0, ''), 0), '{.weakness theme=health}');
    assert.equal(blockOf(withMemo(buildReport('[Waits]{memo="x" .weakness theme=health} here.\n'), 0, ''), 0), '{.weakness theme=health}');
    assert.equal(blockOf(withMemo(buildReport('[Waits]{.weakness theme=health memo="x"} here.\n'), 0, '  '), 0), '{.weakness theme=health}');
    const document = parseReport(report);
    assert.deepEqual(memoEdits(document, document.spans[0], ''), []);
  });

  it('removes every memo of a block, so that a repeated one does not become the memo', () => {
    for (const block of ['{.weakness theme=health memo=one memo="two"}', '{memo=one memo="two" .weakness theme=health}', '{.weakness memo=one theme=health memo="two"}']) {
      const edited = withMemo(buildReport(`[Waits]${block} here.\n`), 0, '');
      assert.equal(blockOf(edited, 0), '{.weakness theme=health}', block);
      assert.equal(spanMemo(parseReport(edited).spans[0]), null);
    }
  });

  it('writes nothing when the block already says exactly that memo', () => {
    const text = buildReport('[Waits]{.weakness theme=health memo="same"} here.\n');
    const document = parseReport(text);
    assert.deepEqual(memoEdits(document, document.spans[0], 'same'), []);
  });

  it('writes into a block with a blank before its `}` without doubling it', () => {
    assert.equal(blockOf(withMemo(buildReport('[Waits]{.weakness theme=health } here.\n'), 0, 'm'), 0), '{.weakness theme=health memo="m"}');
  });

  it('turns each run of line breaks into one space: a block holds one line', () => {
    assert.equal(writableMemo('first\r\n\r\nsecond\rthird\nfourth'), 'first second third fourth');
    assert.equal(writableMemo('\n \n'), undefined);
    assert.equal(writableMemo('a\u2028b\u2029c\u0085d'), 'a b c d');
    const edited = withMemo(report, 0, 'one\ntwo');
    assert.equal(spanMemo(parseReport(edited).spans[0]), 'one two');
    assert.equal(memoToken('a"b'), 'memo="a\\"b"');
  });

  describe('property', () => {
    /** Memos with what quoting must survive: quotes, backslashes, braces, brackets, `=`, blanks, line breaks, typographic quotes, emoji and any code unit. */
    const memo = fc.oneof(
      fc.array(fc.constantFrom('a', ' ', '\t', '"', "'", '\\', '{', '}', '[', ']', '=', '.', '#', ',', ';', '\n', '\r\n', '\r', '“', '”', '😀', 'é', '\u00a0', '\u2028', '\ud800'), { maxLength: 16 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary', maxLength: 24 }),
    );
    /** Reports with nested spans, a repeated memo and blocks of several shapes. */
    const base = fc.constantFrom(
      buildReport('Leaders [said [things]{.quote speaker=x} well]{.strength theme=leadership}.\n'),
      buildReport('[Waits]{.weakness theme=health memo="old \\"one\\"" memo=two} and [x]{.wsoa #w1 }.\r\n', { eol: '\r\n' }),
      buildReport('A [😀 passage]{.improvement theme="health workforce"} [b]{.recommendation}\n'),
    );

    it('gives back exactly the memo as written (line breaks as spaces), one memo more at most, the clean text and the other spans unchanged', () => {
      fc.assert(fc.property(base, memo, fc.nat(), (text, given, pick) => {
        const before = parseReport(text);
        const index = pick % before.spans.length;
        const edited = withMemo(text, index, given);
        const after = parseReport(edited);
        assert.equal(after.cleanText, before.cleanText);
        assert.equal(after.problems.length, before.problems.length);
        assert.equal(after.spans.length, before.spans.length);
        const span = after.spans[index];
        const expected = writableMemo(given);
        const memos = (s: typeof span) => s.attributes.filter((a) => a.key === 'memo').length;
        if (expected === undefined) {
          // Clearing removes every memo of the block: a repeated one would otherwise become the memo.
          assert.equal(memos(span), 0);
        } else {
          assert.equal(spanMemo(span), expected);
          assert.equal(memos(span), Math.max(1, memos(before.spans[index])));
        }
        for (const other of after.spans) {
          assert.deepEqual(other.codes.map((c) => c.name), before.spans[other.index].codes.map((c) => c.name));
          if (other.index !== index) assert.deepEqual(other.attributes.map((a) => [a.key, a.value]), before.spans[other.index].attributes.map((a) => [a.key, a.value]));
        }
        // Removing the memos also ends their repeat.
        const rules = (report: string) => diagnose(report).diagnostics.map((d) => d.rule).filter((rule) => rule !== 'attribute-duplicate');
        assert.deepEqual(rules(edited), rules(text), 'a memo adds no diagnostic');
      }), { numRuns: RUNS });
    });
  });
});
