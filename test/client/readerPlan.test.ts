/**
 * The coded reader plans an edited report again only near the edit and takes
 * the rest of the old plan over: whatever the edit, that plan is the one a
 * plan from scratch gives, whether the reader compared the models or was
 * told what changed (a delta).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { defaultCodebook, LineIndex, planTagging } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { applyInsertions } from '../../core/language/tagEdit';
import { sourceRangeOfCleanSelection } from '../../core/reader/cleanSelection';
import { applyReaderDelta } from '../../core/reader/readerDelta';
import { readerDelta } from '../../core/reader/readerDiff';
import { readerModel } from '../../core/reader/readerModel';
import type { ReaderModel } from '../../core/reader/readerTypes';
import { planArticle, type ArticlePlan } from '../../client/reader/webview/articlePlan';
import { applyEdit, EDIT as ANY_EDIT } from '../helpers/readerEdits';
import { repoRoot } from '../helpers/repo';

const RUNS = Number(process.env.FINDINGS_FC_RUNS) || 60;
const codebook = defaultCodebook();
const CODES = ['strength', 'weakness', 'quote', 'wsoa'];

const modelOf = (text: string) => readerModel('x.report.md', parseReport(text), codebook, new LineIndex(text));

/** What a plan draws and where: everything but the identity of its objects. */
function drawn(plan: ArticlePlan) {
  return plan.blocks.map((block) => ({ start: block.start, end: block.end, text: block.text, runs: block.runs, locals: block.locals, globals: block.globals }));
}

type Edit = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; length: number } | { kind: 'tag'; at: number; length: number; code: number };

const EDIT: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x), text: fc.constantFrom('x', ' ', '\n', '\n\n', '[', ']{.quote speaker=a}', 'word ') }).map((e) => e as Edit),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 30 }) }).map((e) => e as Edit),
  fc.record({ kind: fc.constant('tag' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 80 }), code: fc.nat(CODES.length - 1) }).map((e) => e as Edit),
);

/** The edit applied to the report's body (a tag through the tagging the reader uses; refused ones change nothing). */
function apply(text: string, edit: Edit): string {
  const document = parseReport(text);
  const body = document.bodyStart;
  const at = body + Math.floor(edit.at * (text.length - body));
  switch (edit.kind) {
    case 'insert':
      return text.slice(0, at) + edit.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(Math.min(text.length, at + edit.length));
    case 'tag': {
      const start = Math.floor(edit.at * document.cleanText.length);
      const range = sourceRangeOfCleanSelection(document, { start, end: Math.min(document.cleanText.length, start + edit.length) });
      const plan = planTagging(document, codebook, [range], [CODES[edit.code]]);
      return plan && plan.refused.length === 0 ? applyInsertions(text, plan.insertions) : text;
    }
  }
}

describe('client/reader planning an edited report again', function () {
  this.timeout(60_000);
  const samples = path.join(repoRoot(), 'samples');
  const sampleTexts = fs.readdirSync(samples).filter((name) => name.endsWith('.report.md')).sort().map((name) => fs.readFileSync(path.join(samples, name), 'utf8'));
  const body = (text: string) => text.indexOf('\n---', 4) + 5;
  const texts = [
    ...sampleTexts,
    // Pasted with single line breaks: one paragraph, cut into blocks at line breaks by length.
    ...sampleTexts.map((text) => text.slice(0, body(text)) + text.slice(body(text)).replace(/\n[ \t]*\n/g, '\n')),
    // Three samples' bodies as one line: cut inside the line, at spaces.
    sampleTexts[0] + sampleTexts.slice(0, 3).map((text) => text.slice(body(text)).replace(/[\r\n]+/g, ' ')).join(' '),
  ];

  it('gives the plan a plan from scratch gives, after any run of edits', () => {
    fc.assert(fc.property(fc.nat(texts.length - 1), fc.array(EDIT, { minLength: 1, maxLength: 4 }), (which, edits) => {
      let text = texts[which];
      let plan = planArticle(modelOf(text), null);
      for (const edit of edits) {
        text = apply(text, edit);
        const model = modelOf(text);
        plan = planArticle(model, plan);
        assert.deepEqual(drawn(plan), drawn(planArticle(model, null)), JSON.stringify(edit));
      }
    }), { numRuns: RUNS });
  });

  it('gives the plan a plan from scratch gives when told what changed, after any run of edits anywhere', () => {
    fc.assert(fc.property(fc.nat(texts.length - 1), fc.boolean(), fc.array(ANY_EDIT, { minLength: 1, maxLength: 5 }), (which, crlf, edits) => {
      let text = crlf ? texts[which].replace(/\n/g, '\r\n') : texts[which];
      let model: ReaderModel = modelOf(text);
      let plan = planArticle(model, null);
      for (const edit of edits) {
        const edited = applyEdit(text, edit);
        const next = modelOf(edited);
        const delta = readerDelta('r', { model, text, lines: new LineIndex(text) }, { model: next, text: edited, lines: new LineIndex(edited) });
        const applied = applyReaderDelta(model, delta);
        assert.ok(applied);
        plan = planArticle(applied, plan, delta);
        assert.deepEqual(drawn(plan), drawn(planArticle(next, null)), JSON.stringify(edit));
        [text, model] = [edited, applied];
      }
    }), { numRuns: RUNS });
  });

  it('takes over the blocks away from a one-character edit', () => {
    const text = texts[0];
    const before = planArticle(modelOf(text), null);
    const at = text.indexOf('The joint inspection');
    const after = planArticle(modelOf(`${text.slice(0, at)}x${text.slice(at)}`), before);
    const taken = after.blocks.filter((block) => before.blocks.some((old) => old.runs === block.runs)).length;
    // Replanned: the edited block, and those within the first words (a label quotes them) before the edit.
    assert.ok(taken >= after.blocks.length - 3, `${taken} of ${after.blocks.length} blocks taken over`);
  });

  it('takes over the blocks away from a one-character edit it is told of, and plans no block far from it', () => {
    const text = texts[0];
    const model = modelOf(text);
    const before = planArticle(model, null);
    const at = text.indexOf('The joint inspection');
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const delta = readerDelta('r', { model, text, lines: new LineIndex(text) }, { model: modelOf(edited), text: edited, lines: new LineIndex(edited) });
    const after = planArticle(applyReaderDelta(model, delta)!, before, delta);
    const taken = after.blocks.filter((block) => before.blocks.some((old) => old.runs === block.runs)).length;
    assert.ok(taken >= after.blocks.length - 3, `${taken} of ${after.blocks.length} blocks taken over`);
    // The blocks before the edit are the old plans themselves.
    const edit = before.blocks.findIndex((block) => block.end > model.cleanText.indexOf('The joint inspection') - 300);
    assert.ok(edit > 0);
    for (let b = 0; b < edit; b++) assert.equal(after.blocks[b], before.blocks[b]);
  });
});
