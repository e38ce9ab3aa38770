/**
 * What the coded reader's webview accepts from the extension, for models
 * that come as deltas: a `modelDelta` is checked field by field like a whole
 * model, and the model it gives is checked again once applied, so that no
 * delta can leave a passage outside the text it is drawn in.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { defaultCodebook, LineIndex } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { readerDelta } from '../../core/reader/readerDiff';
import { readerModel } from '../../core/reader/readerModel';
import type { ShownDelta, ShownModel } from '../../client/reader/webview/shownModel';
import { appliedDelta, parseToReader } from '../../client/reader/webview/validate';
import { webviewDeltaJson, webviewModelJson } from '../../client/reader/webviewModel';
import { repoPath } from '../helpers/repo';

const codebook = defaultCodebook();
const text = fs.readFileSync(repoPath('samples', 'darlington.report.md'), 'utf8');
const at = text.indexOf('The joint inspection');
const edited = `${text.slice(0, at)}x${text.slice(at)}`;
const before = readerModel('d.report.md', parseReport(text), codebook, new LineIndex(text));
const after = readerModel('d.report.md', parseReport(edited), codebook, new LineIndex(edited));
const delta = readerDelta('r1', { model: before, text, lines: new LineIndex(text) }, { model: after, text: edited, lines: new LineIndex(edited) });

/** A model as the webview reads it, from the JSON the extension sends. */
function shownModel(): ShownModel {
  const message = parseToReader({ type: 'modelJson', seq: 1, uri: 'file:///d.report.md', json: webviewModelJson(before) });
  assert.ok(message && message.type === 'model');
  return message.model;
}

function shownDelta(json: string): ShownDelta | null {
  const message = parseToReader({ type: 'modelDelta', seq: 2, uri: 'file:///d.report.md', base: 1, json });
  if (message === null) return null;
  assert.ok(message.type === 'delta');
  assert.equal(message.base, 1);
  return message.delta;
}

/** Quiet: a dropped message is told on the console. */
function quietly<T>(run: () => T): T {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return run();
  } finally {
    console.warn = warn;
  }
}

describe('client/reader webview: deltas from the extension', () => {
  it('applies a delta the extension sends to the model shown, giving the new model as the webview reads it', () => {
    const checked = shownDelta(webviewDeltaJson(delta));
    assert.ok(checked);
    const result = appliedDelta(shownModel(), checked);
    assert.ok(result.ok, result.ok ? '' : result.reason);
    const expected = parseToReader({ type: 'modelJson', seq: 3, uri: 'file:///d.report.md', json: webviewModelJson(after) });
    assert.ok(expected && expected.type === 'model');
    assert.deepStrictEqual(result.message, expected.model);
  });

  it('sends the webview neither source ranges nor the line map', () => {
    const sent = JSON.parse(webviewDeltaJson(delta));
    assert.equal(sent.lines, undefined);
    assert.ok(sent.passages.shift && 'addedLines' in sent.passages.shift);
    assert.ok(JSON.parse(webviewModelJson(before)).passages.every((passage: object) => !('source' in passage)));
    assert.equal(JSON.parse(webviewModelJson(before)).lines, undefined);
  });

  it('drops a delta of the wrong shape', () => {
    const good = JSON.parse(webviewDeltaJson(delta));
    const broken = [
      { ...good, text: { ...good.text, start: -1 } },
      { ...good, text: { ...good.text, text: 4 } },
      { ...good, passages: { ...good.passages, shift: { ...good.passages.shift, offset: 1.5 } } },
      { ...good, passages: { ...good.passages, shift: { ...good.passages.shift, index: '1' } } },
      { ...good, passages: { ...good.passages, items: [{ start: 0 }] } },
      { ...good, base: undefined },
      { ...good, codes: 'weakness' },
    ];
    for (const json of broken) assert.equal(quietly(() => shownDelta(JSON.stringify(json))), null, JSON.stringify(json).slice(0, 200));
    assert.equal(quietly(() => shownDelta('not json')), null);
  });

  it('refuses a delta that does not fit the model shown, or moves a passage out of the text', () => {
    const good = JSON.parse(webviewDeltaJson(delta));
    const model = shownModel();
    const length = model.cleanText.length;
    const refused = [
      { ...good, text: { start: length + 1, end: length + 1, text: '' } },
      { ...good, passages: { ...good.passages, start: model.passages.length, end: model.passages.length + 1 } },
      { ...good, passages: { ...good.passages, shift: { ...good.passages.shift, offset: length } } },
      { ...good, passages: { ...good.passages, shift: { ...good.passages.shift, offset: -length } } },
      { ...good, passages: { ...good.passages, shift: { ...good.passages.shift, index: -1000 } } },
    ];
    for (const json of refused) {
      const checked = shownDelta(JSON.stringify(json));
      assert.ok(checked, 'the shape is right');
      const result = appliedDelta(model, checked);
      assert.equal(result.ok, false, JSON.stringify(json).slice(0, 200));
    }
  });
});
