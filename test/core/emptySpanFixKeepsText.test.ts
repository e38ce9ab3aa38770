import { strict as assert } from 'node:assert';
import { parseReport } from '../../core/document/parseReport';
import { fixAllEdits } from '../../core/language/fixAll';
import { applyEdits, applyFix, buildReport, diagnose, ofRule } from '../helpers/report';

/** The text after "fix all" of the empty spans alone, taken round after round as long as it has edits. */
function fixedAll(text: string): string {
  let current = text;
  for (let round = 0; round < 5; round++) {
    const edits = fixAllEdits(ofRule(diagnose(current).diagnostics, 'span-empty'));
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
  }
  return current;
}

describe('span-empty: removing empty spans together keeps the article', () => {
  it('never joins a `]` and a `{` around empty spans nested or side by side, in fix-all', () => {
    for (const body of ['[…][[]{.weakness theme=health}]{.wsoa}{.weakness}\n', '[sic][]{.wsoa}[]{.wsoa}{x}\n', '[sic][[[]{.wsoa}]{.wsoa}]{.wsoa}{x}\n']) {
      const text = buildReport(body);
      const before = parseReport(text).cleanText;
      assert.equal(parseReport(fixedAll(text)).cleanText, before, body);
      // One span of the stretch goes unfixed; the others are fixed one by one.
      const fixes = ofRule(diagnose(text).diagnostics, 'span-empty').map((d) => d.fixes.length);
      assert.ok(fixes.includes(0) && fixes.includes(1), body);
      for (const diagnostic of ofRule(diagnose(text).diagnostics, 'span-empty')) {
        for (const fix of diagnostic.fixes) assert.equal(parseReport(applyFix(text, fix)).cleanText, before, body);
      }
    }
  });

  it('leaves a U+FEFF of the text behind its markup at the start of a report', () => {
    const text = '[\uFEFF]{.weakness[Inspectors found ]{.weakness}';
    const empty = ofRule(diagnose(text).diagnostics, 'span-empty');
    assert.ok(empty.length > 0 && empty.every((d) => d.fixes.length === 0));
    assert.equal(parseReport(fixedAll(text)).hasBom, false);
    // Under a front matter the character is not first: the fix is offered.
    const framed = buildReport('[\uFEFF]{.weakness} text\n');
    const [diagnostic] = ofRule(diagnose(framed).diagnostics, 'span-empty');
    assert.equal(parseReport(applyFix(framed, diagnostic.fixes[0])).cleanText, parseReport(framed).cleanText);
  });

  it('never leaves `---` starting a line without a closed front matter', () => {
    const unclosed = '---\narea: Darlington\nframework: "2016"\ninspection_type: full\noutcome: no_wsoa\nannotator: jd\nstatus: draft\n\n[\n]{.weakness}---';
    assert.ok(ofRule(diagnose(unclosed).diagnostics, 'span-empty').every((d) => d.fixes.length === 0));
    for (const text of [unclosed, '[]{.wsoa}[]{.wsoa}---\narea: x\n---\nbody\n']) {
      const before = parseReport(text);
      const after = parseReport(fixedAll(text));
      assert.equal(after.frontMatter?.closed, before.frontMatter?.closed, JSON.stringify(text));
      assert.equal(after.bodyStart > 0, before.bodyStart > 0, JSON.stringify(text));
    }
    // Below a closed front matter a `---` line is text: the fix is offered and keeps it.
    const closed = buildReport('[\n]{.weakness}---\n');
    const [diagnostic] = ofRule(diagnose(closed).diagnostics, 'span-empty');
    assert.equal(parseReport(applyFix(closed, diagnostic.fixes[0])).cleanText, parseReport(closed).cleanText);
  });
});
