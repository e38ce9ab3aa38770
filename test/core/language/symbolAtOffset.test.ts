import { strict as assert } from 'node:assert';
import { symbolAtOffset, innermostSpanAt } from '../../../core/language/symbolAtOffset';
import { cursor, FRONT, slice } from './cursor';

const at = (marked: string) => {
  const { text, document, offset, codebook } = cursor(marked);
  const symbol = symbolAtOffset(document, codebook, offset);
  return { symbol, text: symbol ? slice(text, symbol.range) : undefined };
};

describe('core/language symbolAtOffset', () => {
  it('finds a code, from its dot to its end, with the range of the name', () => {
    for (const marked of [`${FRONT}[a]{|.weakness theme=x}`, `${FRONT}[a]{.weak|ness theme=x}`, `${FRONT}[a]{.weakness| theme=x}`]) {
      const { symbol, text } = at(marked);
      assert.equal(symbol?.kind, 'code');
      assert.equal(text, 'weakness');
    }
  });

  it('finds one theme of a quoted, several-theme value', () => {
    const { symbol, text } = at(`${FRONT}[a]{.weakness theme="health work|force"}`);
    assert.equal(symbol?.kind, 'theme');
    assert.equal(text, 'workforce');
  });

  it('treats `theme` of a span with unknown codes as themes', () => {
    const { symbol } = at(`${FRONT}[a]{.weaknes theme=heal|th}`);
    assert.equal(symbol?.kind, 'theme');
  });

  it('finds attribute names, enum attribute values, and ids', () => {
    assert.deepEqual([at(`${FRONT}[a]{.weakness sev|erity=moderate}`).symbol?.kind, at(`${FRONT}[a]{.weakness sev|erity=moderate}`).text], ['attribute', 'severity']);
    const value = at(`${FRONT}[a]{.weakness severity=mod|erate}`);
    assert.equal(value.symbol?.kind, 'attributeValue');
    assert.equal(value.text, 'moderate');
    const free = at(`${FRONT}[a]{.quote speaker="a pa|rent"}`);
    assert.equal(free.symbol?.kind, 'attribute', 'a free-text value stands for its attribute');
    const id = at(`${FRONT}[a]{.wsoa #the-|id}`);
    assert.equal(id.symbol?.kind, 'id');
    assert.equal(id.text, 'the-id');
  });

  it('finds front-matter keys, nested keys, enum values, list items and areas', () => {
    const text = '---\narea: Stoke\nframework: "2016"\ninspectorates: [Ofsted, CQC]\nsource:\n  publisher: BBC\n---\n';
    const where = (needle: string, delta: number) => at(text.slice(0, text.indexOf(needle) + delta) + '|' + text.slice(text.indexOf(needle) + delta));
    assert.deepEqual(where('framework', 2).symbol, { kind: 'field', path: ['framework'], range: { start: 16, end: 25 } });
    const value = where('"2016"', 2);
    assert.equal(value.symbol?.kind, 'fieldValue');
    assert.equal(value.symbol?.kind === 'fieldValue' && value.symbol.value, '2016');
    assert.equal(value.text, '"2016"');
    const item = where('CQC', 1);
    assert.deepEqual(item.symbol?.kind === 'fieldValue' && [item.symbol.path, item.symbol.item, item.text], [['inspectorates'], true, 'CQC']);
    const nested = where('publisher', 3);
    assert.deepEqual(nested.symbol?.kind === 'field' && nested.symbol.path, ['source', 'publisher']);
    const area = where('Stoke', 2);
    assert.deepEqual(area.symbol?.kind === 'area' && area.symbol.value, 'Stoke');
  });

  it('finds nothing in plain text or in the span text', () => {
    assert.equal(at(`${FRONT}Plain |text [a]{.weakness}`).symbol, undefined);
    assert.equal(at(`${FRONT}[tag|ged]{.weakness}`).symbol, undefined);
  });

  it('finds the innermost span at an offset', () => {
    const { document, offset } = cursor(`${FRONT}[outer [in|ner]{.quote} text]{.weakness}`);
    assert.equal(innermostSpanAt(document, offset)?.codes[0].name, 'quote');
  });
});
