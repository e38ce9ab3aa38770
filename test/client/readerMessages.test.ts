import { strict as assert } from 'node:assert';
import { parseFromReader, parseReaderState, type ReaderBounds } from '../../client/reader/readerMessages';

const BOUNDS: ReaderBounds = { textLength: 120, passages: 3, codes: ['strength', 'weakness', 'quote'], themes: ['leadership', 'health'] };

function facts(): Record<string, unknown> {
  return {
    seq: 2, title: 'Darlington', header: { Framework: '2016', Status: 'reviewed' }, reportMemo: null, undrawnInView: 0,
    passages: 3, stripes: 4, passageMemos: ['check with the team'], faded: 1, highlighted: 2, codes: ['strength', 'weakness', 'quote'],
    topOffset: 40, selection: 'leaders', status: 'Tagged as weakness.', text: 'x'.repeat(120), themeKind: 'vscode-light', images: 0, scripts: 0, handlers: 0,
  };
}

function accepted(raw: unknown, bounds: ReaderBounds | null = BOUNDS): unknown {
  const parsed = parseFromReader(raw, bounds);
  assert.ok(parsed.ok, `rejected ${JSON.stringify(raw)}: ${parsed.ok ? '' : parsed.reason}`);
  return parsed.message;
}

function rejected(raw: unknown, bounds: ReaderBounds | null = BOUNDS): string {
  const parsed = parseFromReader(raw, bounds);
  assert.equal(parsed.ok, false, `accepted ${JSON.stringify(raw)}`);
  return parsed.ok ? '' : parsed.reason;
}

describe('client/reader messages from the webview', () => {
  it('accepts each well-formed message and returns a fresh copy', () => {
    const messages: unknown[] = [
      { type: 'ready' },
      { type: 'needModel' },
      { type: 'saveHtml' },
      { type: 'rendered', seq: 4, passages: 3, stripes: 4 },
      { type: 'open', passage: 0 },
      { type: 'open', passage: 2 },
      { type: 'addMemo', passage: 1 },
      { type: 'tag', start: 0, end: 120, codes: ['weakness'], themes: [] },
      { type: 'tag', start: 10, end: 11, codes: ['weakness', 'quote'], themes: ['leadership', 'health'] },
      { type: 'scrolled', offset: 0 },
      { type: 'scrolled', offset: 120 },
      { type: 'filters', codes: ['weakness'], themes: [] },
      { type: 'test:reply', id: 3, facts: null },
      { type: 'test:reply', id: 3, facts: facts() },
    ];
    for (const raw of messages) {
      const message = accepted(raw);
      assert.deepEqual(message, raw);
      assert.notEqual(message, raw);
    }
  });

  it('takes a tag without themes as one with none', () => {
    assert.deepEqual(accepted({ type: 'tag', start: 1, end: 5, codes: ['strength'] }), { type: 'tag', start: 1, end: 5, codes: ['strength'], themes: [] });
  });

  it('rejects what is not a message of ours', () => {
    for (const raw of [null, undefined, 1, 'ready', [], { type: 'nope' }, { type: 7 }, { type: 'ready', extra: 1 }, { type: 'needModel', seq: 1 }, Object.create({ type: 'ready' }), { type: 'test:other', id: 1 }]) rejected(raw);
    assert.match(rejected({ type: 'inspected', id: 1, facts: null }), /unknown message type "inspected"/);
  });

  it('rejects offsets outside the text and empty or reversed selections', () => {
    assert.match(rejected({ type: 'scrolled', offset: 121 }), /offset/);
    assert.match(rejected({ type: 'scrolled', offset: -1 }), /offset/);
    assert.match(rejected({ type: 'scrolled', offset: 1.5 }), /offset/);
    assert.match(rejected({ type: 'scrolled', offset: '3' }), /offset/);
    assert.match(rejected({ type: 'tag', start: 0, end: 121, codes: ['weakness'], themes: [] }), /end/);
    assert.match(rejected({ type: 'tag', start: 5, end: 5, codes: ['weakness'], themes: [] }), /empty/);
    assert.match(rejected({ type: 'tag', start: 6, end: 5, codes: ['weakness'], themes: [] }), /empty|before/);
  });

  it('rejects passages out of range, unknown codes and themes, repeated names', () => {
    assert.match(rejected({ type: 'open', passage: 3 }), /passage/);
    assert.match(rejected({ type: 'addMemo', passage: -1 }), /passage/);
    assert.match(rejected({ type: 'open', passage: 0 }, { ...BOUNDS, passages: 0 }), /no passages/);
    assert.match(rejected({ type: 'tag', start: 0, end: 4, codes: ['wsoa'], themes: [] }), /wsoa/);
    assert.match(rejected({ type: 'tag', start: 0, end: 4, codes: [], themes: [] }), /no code/);
    assert.match(rejected({ type: 'tag', start: 0, end: 4, codes: 'weakness', themes: [] }), /codes/);
    assert.match(rejected({ type: 'tag', start: 0, end: 4, codes: ['weakness'], themes: ['outcomes'] }), /outcomes/);
    assert.match(rejected({ type: 'tag', start: 0, end: 4, codes: ['weakness', 'weakness'], themes: [] }), /twice/);
  });

  it('rejects what refers to a model before one was sent', () => {
    for (const raw of [{ type: 'open', passage: 0 }, { type: 'scrolled', offset: 0 }, { type: 'tag', start: 0, end: 1, codes: ['weakness'], themes: [] }]) {
      assert.match(rejected(raw, null), /before any report/);
    }
    accepted({ type: 'ready' }, null);
    accepted({ type: 'filters', codes: [], themes: [] }, null);
  });

  it('bounds the filters and facts', () => {
    assert.match(rejected({ type: 'filters', codes: ['x'.repeat(201)], themes: [] }), /longer/);
    assert.match(rejected({ type: 'filters', codes: new Array(1001).fill('a'), themes: [] }), /entries/);
    assert.match(rejected({ type: 'filters', codes: [1], themes: [] }), /codes\[0\]/);
    assert.deepEqual(accepted({ type: 'filters', codes: ['a', 'a'], themes: [] }), { type: 'filters', codes: ['a'], themes: [] });
    assert.match(rejected({ type: 'test:reply', id: 1, facts: { ...facts(), extra: 1 } }), /unexpected/);
    assert.match(rejected({ type: 'test:reply', id: 1, facts: { ...facts(), passages: -1 } }), /passages/);
    assert.match(rejected({ type: 'test:reply', id: 1, facts: { ...facts(), header: { a: 1 } } }), /header/);
  });
});

describe('client/reader saved state', () => {
  const STATE = { uri: 'file:///w/a.report.md', filters: { codes: ['weakness'], themes: ['health'] }, offset: 17 };

  it('reads a state the webview saved', () => {
    assert.deepEqual(parseReaderState(STATE), STATE);
  });

  it('is null for anything else', () => {
    for (const raw of [null, undefined, 'x', [], {}, { ...STATE, uri: '' }, { ...STATE, uri: 4 }, { ...STATE, offset: -1 }, { ...STATE, extra: 1 }, { ...STATE, filters: { codes: [], themes: [], more: [] } }, { ...STATE, filters: null }]) {
      assert.equal(parseReaderState(raw), null, JSON.stringify(raw));
    }
  });
});
