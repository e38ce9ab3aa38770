import { strict as assert } from 'node:assert';
import { defaultCodebook, planTagging, type OffsetRange } from '../../../core';
import { parseReport } from '../../../core/document/parseReport';
import { applyInsertions } from '../../../core/language/tagEdit';
import { spanThemeNames } from '../../../core/spans/spanThemes';
import { validateReport } from '../../../core/validate/validateReport';
import { FRONT } from './cursor';

const codebook = defaultCodebook();
const TEXT = `${FRONT}Parents said "nobody listens to us" at the forum. The council said it accepted the findings.\n`;

function rangeOf(text: string, needle: string): OffsetRange {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `no ${needle}`);
  return { start, end: start + needle.length };
}

describe('core/language tagging with several codes', () => {
  it('puts every code on one span, `{.weakness .quote …}`, with the attributes of both, and keeps the article text', () => {
    const document = parseReport(TEXT);
    const plan = planTagging(document, codebook, [rangeOf(TEXT, '"nobody listens to us"')], ['weakness', 'quote'], { themes: ['co-production'], attributes: { speaker: 'parents', role: 'parent' } });
    assert.ok(plan);
    const after = applyInsertions(TEXT, plan.insertions);
    assert.equal(after, `${FRONT}Parents said ["nobody listens to us"]{.weakness .quote theme=co-production speaker=parents role=parent} at the forum. The council said it accepted the findings.\n`);
    const tagged = parseReport(after);
    assert.equal(tagged.cleanText, document.cleanText);
    assert.deepEqual(tagged.spans[0].codes.map((code) => code.name), ['weakness', 'quote']);
    assert.deepEqual(spanThemeNames(tagged.spans[0], codebook), ['co-production']);
    assert.deepEqual(validateReport(tagged, codebook), []);
  });

  it('leaves placeholders for the required attributes of every code, each attribute once', () => {
    const plan = planTagging(parseReport(TEXT), codebook, [rangeOf(TEXT, 'The council said it accepted the findings.')], ['response', 'weakness', 'response']);
    assert.ok(plan);
    const closing = plan.insertions[1];
    // `theme` is weakness's (response has none), `speaker` response's: both required, both left to fill in.
    assert.equal(closing.text, ']{.response .weakness speaker="" theme=""}');
    assert.ok(closing.snippet?.startsWith(']{.response .weakness speaker="${1}" theme=${2|leadership,'), closing.snippet);
  });

  it('writes the themes into the attribute of the first code that takes it', () => {
    const plan = planTagging(parseReport(TEXT), codebook, [rangeOf(TEXT, 'at the forum')], ['response', 'strength'], { themes: ['health'], attributes: { speaker: 'the forum' } });
    assert.equal(plan && applyInsertions(TEXT, plan.insertions).includes('[at the forum]{.response .strength speaker="the forum" theme=health}'), true);
  });

  it('tags several selections with the same codes; refuses an unknown code or none', () => {
    const document = parseReport(TEXT);
    const plan = planTagging(document, codebook, [rangeOf(TEXT, 'Parents said'), rangeOf(TEXT, 'The council said')], ['strength', 'quote'], { themes: ['health'], attributes: { speaker: 'x' } });
    assert.ok(plan);
    const after = parseReport(applyInsertions(TEXT, plan.insertions));
    assert.equal(after.cleanText, document.cleanText);
    assert.deepEqual(after.spans.map((span) => span.codes.map((code) => code.name).join(' ')), ['strength quote', 'strength quote']);
    assert.equal(planTagging(document, codebook, [rangeOf(TEXT, 'Parents')], ['strength', 'no-such-code']), undefined);
    assert.equal(planTagging(document, codebook, [rangeOf(TEXT, 'Parents')], []), undefined);
  });
});
