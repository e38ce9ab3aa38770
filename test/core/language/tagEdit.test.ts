import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { BUILTIN_CODEBOOK, defaultCodebook, planTagging, tagSelectionActions, type Codebook, type OffsetRange } from '../../../core';
import { buildCodebook } from '../../../core/codebook/loadCodebook';
import { parseReport } from '../../../core/document/parseReport';
import { applyInsertions, attributeValue, closingMarkup } from '../../../core/language/tagEdit';
import { validateReport } from '../../../core/validate/validateReport';
import { repoPath } from '../../helpers/repo';
import { FRONT } from './cursor';

const codebook = defaultCodebook();
const tag = (text: string, selections: OffsetRange[], code: string, values = {}) => {
  const document = parseReport(text);
  const plan = planTagging(document, codebook, selections, code, values);
  assert.ok(plan, `no code ${code}`);
  return { plan, after: applyInsertions(text, plan.insertions), document };
};
const rangeOf = (text: string, needle: string): OffsetRange => {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `no ${needle}`);
  return { start, end: start + needle.length };
};

describe('core/language tagEdit', () => {
  it('wraps a passage with the themes given, quoting several, and the result is valid', () => {
    const text = `${FRONT}Waiting times are too long.\n`;
    const { plan, after } = tag(text, [rangeOf(text, 'Waiting times are too long')], 'weakness', { themes: ['health', 'co-production'] });
    assert.equal(after, `${FRONT}[Waiting times are too long]{.weakness theme="health co-production"}.\n`);
    assert.deepEqual(plan.refused, []);
    assert.equal(plan.insertions.some((insertion) => insertion.snippet !== undefined), false, 'no placeholder left');
    assert.deepEqual(validateReport(parseReport(after), codebook).filter((d) => d.severity === 'error'), []);
  });

  it('leaves snippet placeholders for required attributes without a value', () => {
    const code = codebook.codes.get('quote')!;
    const closing = closingMarkup(code, codebook);
    assert.equal(closing.text, ']{.quote speaker=""}');
    assert.equal(closing.snippet, ']{.quote speaker="${1}"\\}$0');
    const weakness = closingMarkup(codebook.codes.get('weakness')!, codebook);
    assert.match(weakness.snippet!, /^\]\{\.weakness theme=\$\{1\|[a-z-]+(,[a-z-]+)+\|\}\\\}\$0$/, 'a choice of the themes');
    assert.equal(closingMarkup(codebook.codes.get('response')!, codebook, { attributes: { speaker: 'the council', stance: 'accepts' } }).text, ']{.response speaker="the council" stance=accepts}');
  });

  it('takes the attribute that holds themes from the codebook, whatever its name', () => {
    const custom: Codebook = buildCodebook(BUILTIN_CODEBOOK, {
      kind: 'workspace',
      path: '/w/codebook.yaml',
      text: 'codes:\n  practice:\n    label: Practice\n    description: A practice.\n    color: "#00796b"\n    attributes:\n      topic: { required: true, values: themes, multiple: true }\n',
    }).codebook;
    const closing = closingMarkup(custom.codes.get('practice')!, custom, { themes: ['health'] });
    assert.equal(closing.text, ']{.practice topic=health}');
  });

  it('quotes values that need it', () => {
    assert.equal(attributeValue('parents'), 'parents');
    assert.equal(attributeValue('one parent'), '"one parent"');
    assert.equal(attributeValue('say "no"\\'), '"say \\"no\\"\\\\"');
    assert.equal(attributeValue('a}b'), '"a}b"');
    assert.equal(attributeValue('two\nlines'), '"two lines"');
  });

  it('refuses the front matter, blank selections, cuts through spans and overlaps, and says which', () => {
    const text = `${FRONT}One [two three]{.strength theme=outcomes} four five.\n`;
    const { plan } = tag(text, [
      { start: 5, end: 12 },
      { start: text.indexOf('four'), end: text.indexOf('four') },
      { start: text.indexOf('two'), end: text.indexOf(' four') },
      rangeOf(text, 'four five'),
      rangeOf(text, 'five'),
    ], 'weakness', { themes: ['health'] });
    assert.deepEqual(plan.refused.map((refusal) => refusal.reason), ['outsideBody', 'empty', 'crossesMarkup', 'overlaps']);
    assert.deepEqual(plan.tagged, [rangeOf(text, 'four five')]);
  });

  it('refuses a passage whose brackets would pair with the new markup', () => {
    const text = `${FRONT}They said [sic] it was fine.\n`;
    const { plan } = tag(text, [{ start: text.indexOf('They'), end: text.indexOf('sic') + 3 }], 'weakness', { themes: ['health'] });
    assert.deepEqual(plan.refused.map((refusal) => refusal.reason), ['changesText']);
    assert.deepEqual(plan.insertions, []);
    assert.deepEqual(tagSelectionActions(parseReport(text), codebook, { start: text.indexOf('They'), end: text.indexOf('sic') + 3 }), [], 'nor does the code action offer it');
    const whole = tag(text, [rangeOf(text, 'They said [sic] it was fine.')], 'weakness', { themes: ['health'] });
    assert.deepEqual(whole.plan.refused, [], 'brackets wholly inside the passage stay text');
  });

  it('tags touching selections in document order', () => {
    const text = `${FRONT}abcdef\n`;
    const { after } = tag(text, [rangeOf(text, 'def'), rangeOf(text, 'abc')], 'quote', { attributes: { speaker: 'x' } });
    assert.equal(after, `${FRONT}[abc]{.quote speaker=x}[def]{.quote speaker=x}\n`);
  });

  it('never changes the article text: the clean text is the same after tagging any selections of the samples', () => {
    const samples = fs.readdirSync(repoPath('samples')).filter((name) => name.endsWith('.report.md')).map((name) => fs.readFileSync(repoPath('samples', name), 'utf8'));
    const broken = fs.readdirSync(repoPath('samples', 'broken')).filter((name) => name.endsWith('.report.md')).map((name) => fs.readFileSync(repoPath('samples', 'broken', name), 'utf8'));
    const texts = [...samples, ...broken, `${FRONT}Brackets [sic] and ]{.stray} and [a]{.weakness theme=health} {x} [b [c]{.quote speaker=y} d]{.strength theme=outcomes}.\n`];
    const codes = [...codebook.codes.keys()];
    const input = fc.integer({ min: 0, max: texts.length - 1 }).chain((index) => fc.record({
      index: fc.constant(index),
      selections: fc.array(fc.tuple(fc.nat(texts[index].length), fc.nat(texts[index].length)).map(([a, b]) => ({ start: a, end: b })), { minLength: 1, maxLength: 4 }),
      code: fc.constantFrom(...codes),
      themes: fc.subarray(['health', 'outcomes', 'leadership']),
      speaker: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
    }));
    fc.assert(fc.property(input, ({ index, selections, code, themes, speaker }) => {
      const text = texts[index];
      const { plan, after, document } = tag(text, selections, code, { themes, attributes: speaker === undefined ? {} : { speaker } });
      const tagged = parseReport(after);
      assert.equal(tagged.cleanText, document.cleanText);
      assert.equal(tagged.spans.length, document.spans.length + plan.tagged.length);
      assert.equal(plan.tagged.length + plan.refused.length, selections.length);
    }), { numRuns: 300 });
  });
});

describe('core/language tagging never splits a character', () => {
  it('takes in the whole of a surrogate pair an end of the selection falls inside', () => {
    const text = `${FRONT}ab😀cd\n`;
    const document = parseReport(text);
    const at = text.indexOf('😀');
    for (const [start, end, expected] of [[at - 2, at + 1, '[ab😀]'], [at + 1, at + 4, '[😀cd]'], [at + 1, at + 1, undefined]] as const) {
      const plan = planTagging(document, codebook, [{ start, end }], ['recommendation']);
      assert.ok(plan);
      if (expected === undefined) {
        assert.deepEqual(plan.refused.map((refusal) => refusal.reason), ['empty']);
        continue;
      }
      const after = applyInsertions(text, plan.insertions);
      assert.ok(after.includes(`${expected}{.recommendation}`), after);
      assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(after), 'no lone surrogate');
    }
  });
});
