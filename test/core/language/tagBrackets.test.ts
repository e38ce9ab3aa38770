import { strict as assert } from 'node:assert';
import { defaultCodebook, planTagging } from '../../../core';
import { parseReport } from '../../../core/document/parseReport';
import { applyInsertions } from '../../../core/language/tagEdit';

const codebook = defaultCodebook();
const TEXT = '---\narea: Darlington\n---\nHe said [sic] that it was fine.\n';

describe('core/language tagging around brackets of the article', () => {
  const tag = (needle: string, from = 0) => {
    const document = parseReport(TEXT);
    const start = TEXT.indexOf(needle, from);
    const plan = planTagging(document, codebook, [{ start, end: start + needle.length }], ['recommendation']);
    assert.ok(plan);
    return { plan, after: plan.insertions.length > 0 ? applyInsertions(TEXT, plan.insertions).slice(document.bodyStart) : undefined };
  };

  it('refuses a selection of a lone `[` of the article, which the new markup would pair with', () => {
    const { plan, after } = tag('[');
    assert.equal(after, undefined);
    assert.deepEqual(plan.refused.map((refusal) => refusal.reason), ['changesText']);
  });

  it('tags a bracketed passage whole or its inside, the new span covering exactly the selection', () => {
    assert.equal(tag('[sic]').after, 'He said [[sic]]{.recommendation} that it was fine.\n');
    assert.equal(tag('sic').after, 'He said [[sic]{.recommendation}] that it was fine.\n');
    for (const needle of ['[sic]', 'sic']) {
      const tagged = parseReport(`---\narea: Darlington\n---\n${tag(needle).after!}`);
      const start = tagged.cleanText.indexOf(needle);
      assert.deepEqual(tagged.spans.map((span) => span.clean), [{ start, end: start + needle.length }]);
    }
  });
});
