import { strict as assert } from 'node:assert';
import { hasLoneSurrogate, ownCopy, withOwnStrings } from '../../core/text/ownCopy';

describe('core/text ownCopy', () => {
  it('gives equal strings and data', () => {
    const text = 'A long enough field value cut from a text';
    assert.equal(ownCopy(text.slice(2, 30)), text.slice(2, 30));
    const data = { title: text.slice(0, 20), list: ['a', text.slice(5, 40)], nested: { n: 3, t: true, none: null }, inf: Infinity };
    assert.deepEqual(withOwnStrings(data), data);
  });

  it('keeps shared parts shared and ends on a cycle', () => {
    const shared = ['x', 'y'];
    const data: Record<string, unknown> = { a: shared, b: shared };
    data.self = data;
    const copy = withOwnStrings(data);
    assert.equal(copy.a, copy.b);
    assert.equal(copy.self, copy);
    assert.notEqual(copy.a, shared);
  });

  it('finds lone surrogates, not pairs', () => {
    assert.equal(hasLoneSurrogate('plain text, curly ’quotes’'), false);
    assert.equal(hasLoneSurrogate('an emoji 😀 pair'), false);
    assert.equal(hasLoneSurrogate('a lone \uD83D high'), true);
    assert.equal(hasLoneSurrogate('a lone \uDE00 low'), true);
    assert.equal(hasLoneSurrogate('ends high \uD83D'), true);
    assert.equal(hasLoneSurrogate(''), false);
  });
});
