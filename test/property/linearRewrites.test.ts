import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseReport } from '../../core/document/parseReport';
import { fixAllEdits } from '../../core/language/fixAll';
import type { TextEdit } from '../../core/text/textEdit';
import { blankSpans } from '../../core/validate/blankSpans';
import type { Diagnostic } from '../../core/validate/diagnostic';

// The linear versions of checks that were quadratic agree with the plain
// definitions they replaced, on generated input.

const RUNS = Number(process.env.FINDINGS_FC_RUNS) || 400;

/** Bodies of nested and sibling spans around blanks, text and plain brackets. */
const body = fc.array(fc.constantFrom('[', ']{.a}', ']{.b theme=x}', ' ', '\t', '\n', '\r', 'x', '\u00A0', '[sic]', ']', '{', '}'), { maxLength: 50 }).map((parts) => `---\na: b\n---\n${parts.join('')}`);

/** The old "fix all": each preferred fix whose edits overlap no edit taken before it, searched by scanning every taken edit. */
function fixAllByScanning(diagnostics: readonly Diagnostic[]): TextEdit[] {
  const overlaps = (a: TextEdit, b: TextEdit): boolean => {
    if (a.range.start === a.range.end && b.range.start === b.range.end) return false;
    if (a.range.start === a.range.end) return a.range.start > b.range.start && a.range.start < b.range.end;
    if (b.range.start === b.range.end) return b.range.start > a.range.start && b.range.start < a.range.end;
    return a.range.start < b.range.end && b.range.start < a.range.end;
  };
  const taken: TextEdit[] = [];
  for (const fix of diagnostics.flatMap((diagnostic) => diagnostic.fixes.filter((f) => f.preferred))) {
    if (fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...fix.edits);
  }
  return taken.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

const edit = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 6 }), fc.constantFrom('', 'x'))
  .map(([start, length, newText]): TextEdit => ({ range: { start, end: start + length }, newText }));
const fix = fc.record({ title: fc.constant('fix'), edits: fc.array(edit, { minLength: 1, maxLength: 3 }), preferred: fc.boolean() });
const diagnostic = fc.array(fix, { maxLength: 2 }).map((fixes): Diagnostic => ({ rule: 'code-duplicate', severity: 'warning', message: '', range: { start: 0, end: 0 }, fixes }));

describe('linear rewrites agree with their definitions (fast-check)', function () {
  this.timeout(60_000);

  it('a span is blank exactly when its clean text is only white space', () => {
    fc.assert(fc.property(body, (text) => {
      const document = parseReport(text);
      const blank = blankSpans(document);
      for (const span of document.spans) {
        assert.equal(blank[span.index] === 1, document.cleanText.slice(span.clean.start, span.clean.end).trim() === '', JSON.stringify(text));
      }
    }), { numRuns: RUNS });
  });

  it('"fix all" takes the same edits as scanning every taken edit', () => {
    fc.assert(fc.property(fc.array(diagnostic, { maxLength: 12 }), (diagnostics) => {
      // A fix whose own edits overlap is not one the validator makes: keep each fix's edits apart.
      const apart = diagnostics.map((d) => ({ ...d, fixes: d.fixes.filter((f) => f.edits.every((a, i) => f.edits.every((b, j) => i === j || a.range.end <= b.range.start || b.range.end <= a.range.start))) }));
      assert.deepEqual(fixAllEdits(apart), fixAllByScanning(apart));
    }), { numRuns: RUNS * 5 });
  });
});
