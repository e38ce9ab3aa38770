import { strict as assert } from 'node:assert';
import { documentSymbols, foldingRegions, LineIndex } from '../../../core';
import { parseReport } from '../../../core/document/parseReport';
import { NO_CODE } from '../../../core/language/documentSymbols';
import { slugify, uniqueName } from '../../../core/language/slug';
import { shorten } from '../../../core/language/spanText';
import { FRONT } from './cursor';

describe('core/language document symbols', () => {
  it('lists the front matter fields, then each code with its spans in order of first use', () => {
    const text = `---\narea: Darlington\nsource:\n  publisher: BBC\ninspectorates: [Ofsted, CQC]\n---\n[First passage]{.weakness theme=x} and [a quote that is rather long, longer than sixty characters in all, really]{.quote .weakness speaker=x} [untagged]{#id}\n`;
    const document = parseReport(text);
    const symbols = documentSymbols(document);
    assert.deepEqual(symbols.map((s) => s.name), ['Front matter', 'weakness (2)', 'quote (1)', `${NO_CODE} (1)`]);
    assert.deepEqual(symbols[0].children.map((c) => [c.name, c.detail]), [['area', 'Darlington'], ['source', undefined], ['inspectorates', 'Ofsted, CQC']]);
    assert.deepEqual(symbols[0].children[1].children.map((c) => c.name), ['publisher']);
    const weakness = symbols[1];
    assert.deepEqual(weakness.children.map((c) => c.name), ['First passage', 'a quote that is rather long, longer than sixty characters…']);
    assert.equal(weakness.children[0].detail, 'theme=x');
    for (const symbol of symbols) {
      assert.ok(symbol.selectionRange.start >= symbol.range.start && symbol.selectionRange.end <= symbol.range.end);
      for (const child of symbol.children) assert.ok(child.range.start >= symbol.range.start && child.range.end <= symbol.range.end, child.name);
    }
  });

  it('shortens at a word boundary', () => {
    assert.equal(shorten('short', 60), 'short');
    assert.equal(shorten('one two three four', 10), 'one two…');
    // An emoji at the cut is left out whole, not split into a lone surrogate.
    assert.equal(shorten(`${'x'.repeat(8)}😀yz`, 10), `${'x'.repeat(8)}…`);
  });
});

describe('core/language folding', () => {
  it('folds the front matter and runs of two or more paragraphs with spans', () => {
    const text = `${FRONT}[a]{.weakness theme=x}\n\n[b]{.weakness theme=x}\nmore\n\nplain\n\n[c]{.strength theme=x}\n\nplain again\n`;
    const document = parseReport(text);
    const lines = new LineIndex(text);
    const regions = foldingRegions(document).map((r) => [r.kind, lines.position(r.range.start).line, lines.position(r.range.end).line]);
    assert.deepEqual(regions, [['frontMatter', 0, 7], ['spans', 8, 11]]);
  });
});

describe('core/language slugs', () => {
  it('makes readable ids', () => {
    assert.equal(slugify('“SEND provision” is such an important área'), 'send-provision-is-such-an');
    assert.equal(slugify("the area's clinical"), 'the-areas-clinical');
    assert.equal(uniqueName('a', new Set(['a', 'a-2'])), 'a-3');
  });
});
