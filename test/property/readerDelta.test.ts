/**
 * The coded reader follows edits with deltas: the server builds a report's
 * passages after an edit from those before it, and answers a client that
 * names the model it holds with only what changed. Whatever the edits (text
 * typed anywhere, line breaks of every kind, spans tagged, markup broken),
 * the passages built after an edit are those built from scratch, and a
 * delta applied to the older model, from the one before or from any older
 * one, gives the newer model exactly: as the extension holds it, and as the
 * webview holds it (without source ranges and line map).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { defaultCodebook, LineIndex } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { readerPassagesAfterEdit } from '../../core/reader/passagesAfterEdit';
import { applyReaderDelta, changesNothing, type ReaderDelta } from '../../core/reader/readerDelta';
import { readerDelta, type ReaderSnapshot } from '../../core/reader/readerDiff';
import { readerModel, readerPassages } from '../../core/reader/readerModel';
import type { ReaderModel } from '../../core/reader/readerTypes';
import { applyEdit, EDIT } from '../helpers/readerEdits';
import { repoRoot } from '../helpers/repo';

const RUNS = Number(process.env.FINDINGS_FC_RUNS) || 60;
const codebook = defaultCodebook();

interface Step {
  readonly text: string;
  readonly document: ReturnType<typeof parseReport>;
  readonly lines: LineIndex;
  readonly model: ReaderModel;
}

/** A report's model built from scratch. */
function fresh(text: string): Step {
  const document = parseReport(text);
  const lines = new LineIndex(text);
  return { text, document, lines, model: readerModel('x.report.md', document, codebook, lines) };
}

/** The model as the server builds it after an edit: its passages from those of the step before. */
function afterEdit(before: Step, text: string): Step {
  const document = parseReport(text);
  const lines = new LineIndex(text);
  const { passages: list, codes, themes } = before.model;
  const passages = readerPassagesAfterEdit({ document: before.document, lines: before.lines, passages: { passages: list, codes, themes } }, document, codebook, lines);
  return { text, document, lines, model: readerModel('x.report.md', document, codebook, lines, passages) };
}

const snapshot = (step: Step): ReaderSnapshot => ({ model: step.model, text: step.text, lines: step.lines });

/** What the webview holds and is sent: no source ranges, no line map. */
function shown(model: ReaderModel) {
  const { lines: _lines, ...rest } = model;
  return { ...rest, passages: model.passages.map(({ source: _source, ...passage }) => passage) };
}

function shownDelta(delta: ReaderDelta) {
  const { lines: _lines, ...rest } = delta;
  return { ...rest, passages: { ...delta.passages, items: delta.passages.items.map(({ source: _source, ...passage }) => passage) } };
}

/** The delta as it crosses the wire (JSON), applied. */
function checkDelta(from: Step, to: Step): ReaderDelta {
  const delta = readerDelta('r', snapshot(from), snapshot(to));
  const wire: ReaderDelta = JSON.parse(JSON.stringify(delta));
  assert.deepStrictEqual(applyReaderDelta(from.model, wire), to.model);
  assert.deepStrictEqual(applyReaderDelta(shown(from.model), JSON.parse(JSON.stringify(shownDelta(delta)))), shown(to.model));
  assert.equal(changesNothing(from.model, wire), JSON.stringify(from.model) === JSON.stringify(to.model));
  return delta;
}

describe('property: the coded reader\'s deltas', function () {
  this.timeout(120_000);
  const samples = path.join(repoRoot(), 'samples');
  const texts = fs.readdirSync(samples).filter((name) => name.endsWith('.report.md')).sort().map((name) => fs.readFileSync(path.join(samples, name), 'utf8'));

  it('builds the passages after any run of edits as from scratch, and a delta from any older model gives the newer one', () => {
    fc.assert(fc.property(fc.nat(texts.length - 1), fc.boolean(), fc.array(EDIT, { minLength: 1, maxLength: 5 }), (which, crlf, edits) => {
      let step = fresh(crlf ? texts[which].replace(/\n/g, '\r\n') : texts[which]);
      const first = step;
      for (const edit of edits) {
        const text = applyEdit(step.text, edit);
        const next = afterEdit(step, text);
        const scratch = fresh(text);
        assert.deepStrictEqual(next.model, scratch.model, JSON.stringify(edit));
        checkDelta(step, next);
        checkDelta(first, next);
        step = next;
      }
      // And back to the start.
      checkDelta(step, first);
    }), { numRuns: RUNS });
  });

  it('sends only what a one-character edit changed, and nothing when nothing changed', () => {
    const text = texts[0];
    const before = fresh(text);
    const at = text.indexOf('The joint inspection');
    const after = afterEdit(before, `${text.slice(0, at)}x${text.slice(at)}`);
    const delta = checkDelta(before, after);
    assert.deepEqual(delta.text, { start: before.document.sourceToClean(at), end: before.document.sourceToClean(at), text: 'x' });
    assert.ok(delta.passages.items.length <= 1, `${delta.passages.items.length} passages sent`);
    assert.ok(delta.passages.end - delta.passages.start <= 1);
    assert.ok(delta.lines.items.length <= 1, `${delta.lines.items.length} line offsets sent`);
    // The passages after the edit are moved, not sent, and those before it are the same objects.
    assert.ok(before.model.passages.length - delta.passages.end > 0);
    assert.equal(after.model.passages[0], before.model.passages[0]);
    const same = checkDelta(after, after);
    assert.ok(changesNothing(after.model, same));
    assert.deepEqual(same.passages.items, []);
  });

  it('moves, not sends, the passages after an edit on their line and on the lines below', () => {
    const text = texts[0];
    const document = parseReport(text);
    // A line of the article that starts with text and has a span further on: type at its start.
    const lines = new LineIndex(text);
    const span = document.spans.find((s) => {
      const start = lines.lineStart(lines.position(s.range.start).line);
      return start >= document.bodyStart && s.range.start > start && /[A-Za-z]/.test(text[start]) && s.parent === undefined;
    });
    assert.ok(span);
    const at = lines.lineStart(lines.position(span.range.start).line);
    for (const typed of ['x', 'two words ', '\n', '\r\n']) {
      const before = fresh(text);
      const after = afterEdit(before, `${text.slice(0, at)}${typed}${text.slice(at)}`);
      const delta = checkDelta(before, after);
      assert.deepEqual(delta.passages.items, [], JSON.stringify(typed));
      assert.equal(delta.passages.start, delta.passages.end);
      assert.ok(delta.passages.end < before.model.passages.length);
    }
  });

  it('refuses a delta that does not fit the model', () => {
    const before = fresh(texts[0]);
    const delta = readerDelta('r', snapshot(before), snapshot(before));
    const length = before.model.cleanText.length;
    assert.equal(applyReaderDelta(before.model, { ...delta, text: { start: length, end: length + 1, text: '' } }), null);
    assert.equal(applyReaderDelta(before.model, { ...delta, passages: { ...delta.passages, start: 2, end: 1 } }), null);
    assert.equal(applyReaderDelta(before.model, { ...delta, lines: undefined }), null);
    assert.notEqual(applyReaderDelta(shown(before.model), shownDelta(delta)), null);
  });

  it('builds the passages of an edited report as readerPassages does when the spans all moved', () => {
    const text = texts[1];
    const body = parseReport(text).bodyStart;
    const edited = `${text.slice(0, body)}A new first line.\n\n${text.slice(body)}`;
    const next = afterEdit(fresh(text), edited);
    assert.deepStrictEqual(next.model.passages, readerPassages(parseReport(edited), codebook, new LineIndex(edited)).passages);
  });
});
