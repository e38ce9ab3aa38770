// Adding spans for adjudication: whatever the report and the passages, the
// spans the adder adds are where they were asked for, with their blocks,
// and the article text is kept; the proof it makes without parsing (plain
// markup, no bracket in the passages) is checked against the parser.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { SpanAdder, type SpanToAdd } from '../../core/agreement/adjudication/spanAdder';
import { parseReport } from '../../core/document/parseReport';
import { applyEdits } from '../helpers/report';

const PLAIN_WORDS = ['Leaders ', 'were ', 'weak', '. ', ' ', '\n', '\r\n', 'é', '🙂', 'x', 'plans ', '  '];
const BRACKETS = ['[sic]', ']', '[', '{', '}', ']{.x}'];
const PLAIN_BLOCKS = ['{.weakness theme=health}', '{.quote speaker="a b"}', '{#id1 .strength}'];

/** A body of article text and spans, nested up to two deep. */
function bodies(words: readonly string[], blocks: readonly string[]): fc.Arbitrary<string> {
  return fc.letrec<{ text: string; span: string }>((tie) => ({
    text: fc.array(fc.oneof({ arbitrary: fc.constantFrom(...words), weight: 4 }, { arbitrary: tie('span'), weight: 1 }), { maxLength: 8, depthIdentifier: 'body' }).map((parts) => parts.join('')),
    span: fc.tuple(tie('text'), fc.constantFrom(...blocks)).map(([inner, block]) => `[${inner}]${block}`),
  })).text;
}

const PICKS = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('{.weakness theme=health}', '{.quote speaker=x}', '{#n1 .wsoa}')), { minLength: 1, maxLength: 3 });

describe('core/agreement/adjudication: adding spans', () => {
  const cases = [
    // Plain markup and no bracket in the article: the adder proves the text kept without parsing.
    { what: 'plain markup', words: PLAIN_WORDS, blocks: PLAIN_BLOCKS },
    { what: 'brackets of the article and broken markup', words: [...PLAIN_WORDS, ...BRACKETS], blocks: [...PLAIN_BLOCKS, '{.weakness'] },
  ];
  for (const c of cases) {
    it(`adds each span at its passage with its block, and never changes the article text (${c.what})`, () => {
      let added = 0;
      fc.assert(fc.property(bodies(c.words, c.blocks), PICKS, (body, picks) => {
        const document = parseReport(`---\nannotator: adjudicated\n---\n${body}`);
        const length = document.cleanText.length;
        if (length === 0) return;
        const spans: SpanToAdd[] = picks.map(([a, b, block]) => {
          const start = a % length;
          return { start, end: start + 1 + (b % (length - start)), block };
        });
        const result = new SpanAdder(document).add(spans);
        if (!('edits' in result)) return;
        added++;
        const after = parseReport(applyEdits(document.text, result.edits));
        assert.equal(after.cleanText, document.cleanText);
        assert.equal(after.spans.length, document.spans.length + spans.length);
        const found = after.spans.map((span) => `${span.clean.start}-${span.clean.end} ${after.text.slice(span.attributeRange.start, span.attributeRange.end)}`);
        for (const span of spans) assert.ok(found.includes(`${span.start}-${span.end} ${span.block}`), `${span.start}-${span.end} ${span.block} not in ${found.join(', ')}`);
      }), { numRuns: 3000, seed: 20240611 });
      assert.ok(added > 500, `only ${added} reports had spans added`);
    });
  }
});
