import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { defaultCodebook } from '../../../core';
import { parseReport } from '../../../core/document/parseReport';
import type { ReportDocument } from '../../../core/document/types';
import { hoverAt } from '../../../core/language/hover';
import { spansAtOffset } from '../../../core/spans/spansAtOffset';
import { buildReport, rangeText } from '../../helpers/report';

const RUNS = Number(process.env.FINDINGS_FC_RUNS) || 300;

const TEXT = buildReport('Leaders [said [things]{.quote speaker="a parent" role=parent memo="Why *this*? <b>"} well]{.strength .wsoa theme="leadership health" #s1}, then [more]{.weakness theme=health} here.\n');

function hover(text: string, needle: string, delta = 0): { contents: string; range: string } | undefined {
  const found = hoverAt(parseReport(text), defaultCodebook(), text.indexOf(needle) + delta);
  return found && { contents: found.contents, range: rangeText(text, found.range) };
}

describe('core/language hover in a coded passage', () => {
  it('shows the passage in its text: codes, themes, id, other attributes, the memo', () => {
    const found = hover(TEXT, 'well')!;
    assert.match(found.contents, /^\*\*Strength\*\* · \*\*Written Statement of Action\*\* · `#s1`\n/);
    assert.match(found.contents, /Themes: Leadership and governance, /);
    assert.equal(found.range, ' well', 'the text after the passage nested in it, not the attribute block');
  });

  it('shows the innermost passage first, then the one around it, with its memo escaped as a quote', () => {
    const found = hover(TEXT, 'things', 2)!;
    const [inner, outer] = found.contents.split('\n\n---\n\n');
    assert.match(inner, /^\*\*Quotation\*\*/);
    assert.match(inner, /speaker: a parent · role: parent/);
    assert.match(inner, /Memo:\n\n> Why \\\*this\\\*\? \\<b\\>$/);
    assert.match(outer, /^Within \*\*Strength\*\*/);
    assert.match(outer, /“said things well”/);
    assert.equal(found.range, '[things');
    assert.equal(hover(TEXT, ']{.weakness')!.range, ']', 'on the markup, only the character');
  });

  it('shows the passage on its `[`, and nothing outside every passage', () => {
    assert.match(hover(TEXT, '[more')!.contents, /^\*\*Weakness\*\*\n\nThemes: Health services and waiting times$/);
    assert.equal(hover(TEXT, 'Leaders'), undefined);
    assert.equal(hover(TEXT, ' here.'), undefined);
  });

  it('still describes codes, themes and attributes in the block, and the memo on its attribute', () => {
    assert.match(hover(TEXT, '.weakness', 1)!.contents, /code `\.weakness`/);
    assert.match(hover(TEXT, 'health}', 1)!.contents, /theme `health`/);
    const memo = hover(TEXT, 'memo=')!;
    assert.match(memo.contents, /\*\*memo\*\* · attribute of `\.quote`/);
    assert.match(memo.contents, /Memo:\n\n> Why \\\*this\\\*\? \\<b\\>$/);
    assert.match(hover(TEXT, 'Why')!.contents, /> Why/, 'on the value too');
  });

  it('shows the report memo on the front-matter field and its value', () => {
    const text = buildReport('Body.\n', { extraYaml: 'memo: |\n  Check the dates.\n\n  Ask about #waits.' });
    for (const needle of ['memo:', 'Check']) {
      const found = hover(text, needle)!;
      assert.match(found.contents, /^\*\*memo\*\* · the report's memo/);
      assert.match(found.contents, /> Check the dates\.\n>\n> Ask about \\#waits\.$/);
    }
  });

  describe('spansAtOffset', () => {
    const bodies = fc.array(fc.constantFrom('a', ' ', '[', ']', ']{.weakness}', ']{.quote #q}', '\n', '[x]{.strength}'), { maxLength: 30 }).map((parts) => parts.join(''));

    /** The spans holding the offset, innermost first, by a scan of every span. */
    function scanned(document: ReportDocument, offset: number): number[] {
      return document.spans.filter((span) => span.range.start <= offset && offset < span.range.end).sort((a, b) => b.depth - a.depth).map((span) => span.index);
    }

    it('finds exactly the spans a scan of every span finds, innermost first', () => {
      fc.assert(fc.property(bodies, (body) => {
        const document = parseReport(buildReport(body));
        for (let offset = 0; offset <= document.text.length; offset++) {
          assert.deepEqual(spansAtOffset(document, offset).map((span) => span.index), scanned(document, offset), `at ${offset}`);
        }
      }), { numRuns: RUNS });
    });

    it('takes a handful of steps among many spans, not one per span', () => {
      const body = Array.from({ length: 20_000 }, (_, i) => `[p${i}]{.strength}`).join(' ') + '\n';
      const document = parseReport(buildReport(body));
      const offset = document.spans[12_345].textRange.start;
      let reads = 0;
      const counted = new Proxy(document.spans, { get: (target, key) => (typeof key === 'string' && /^\d+$/.test(key) && reads++, Reflect.get(target, key)) });
      assert.deepEqual(spansAtOffset({ ...document, spans: counted }, offset).map((span) => span.index), [12_345]);
      assert.ok(reads < 40, `${reads} spans read`);
    });
  });
});
