/**
 * The editor's code tints as planned from the server's passages: one tint
 * per passage and distinct code colour over exactly the tagged text, edges
 * that tell the codes of a multi-code passage apart, the `[` and `]{…}` of
 * every passage when the markup is dimmed, ruler marks alone when tints are
 * off, and no object per passage but its ranges.
 */
import { strict as assert } from 'node:assert';
import { decorationPlan, styleKey, type DecorationPlan } from '../../client/decorations/decorationPlan';
import type { DecorationSettings } from '../../client/decorations/decorationSettings';
import { FALLBACK_COLOR } from '../../client/decorations/tintColor';
import { defaultCodebook, LineIndex } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { readerPassages } from '../../core/reader/readerModel';
import type { ReaderPassage, ReaderPassages } from '../../protocol';
import { assertLinearGrowth } from '../helpers/growth';

const FRONT = '---\narea: Darlington\nframework: "2016"\noutcome: wsoa_required\nannotator: ana\n---\n';
const TEXT = `${FRONT}Leaders [know [the area]{.quote speaker=x} well]{.strength theme=leadership}.\n` +
  'Waiting times are [too long]{.weakness .quote theme=health speaker=y}, and\n[parents wait]{.weakness theme=health}.\n';

const SHOW: DecorationSettings = { codeTint: 0.18, markup: 'show' };
const DIM: DecorationSettings = { codeTint: 0.18, markup: 'dim' };

interface TestRange {
  readonly text: string;
  readonly serial: number;
}

function planOf(text: string, settings: DecorationSettings) {
  const lines = new LineIndex(text);
  const passages = readerPassages(parseReport(text), defaultCodebook(), lines);
  let made = 0;
  const plan = decorationPlan<TestRange>(passages, settings, (sl, sc, el, ec) => ({
    text: text.slice(lines.offset({ line: sl, character: sc }), lines.offset({ line: el, character: ec })),
    serial: made++,
  }));
  return { passages, plan, made: () => made };
}

function colorOf(passages: ReaderPassages, code: string): string {
  const found = passages.codes.find((c) => c.name === code);
  assert.ok(found, code);
  return found.color;
}

function layer(plan: DecorationPlan<TestRange>, key: string): readonly TestRange[] {
  return plan.layers.find((l) => l.key === key)?.ranges ?? [];
}

describe('client/decorations the decoration plan', () => {
  it('tints the tagged text of every passage in each of its codes\' colours (nested passages layered)', () => {
    const { passages, plan } = planOf(TEXT, SHOW);
    const quote = colorOf(passages, 'quote');
    const weakness = colorOf(passages, 'weakness');
    const strength = colorOf(passages, 'strength');
    assert.deepEqual(layer(plan, `tint ${strength}`).map((r) => r.text), ['know [the area]{.quote speaker=x} well']);
    assert.deepEqual(layer(plan, `tint ${quote}`).map((r) => r.text), ['the area', 'too long']);
    assert.deepEqual(layer(plan, `tint ${weakness}`).map((r) => r.text), ['too long', 'parents wait']);
    for (const code of passages.codes) assert.equal(plan.passagesPerCode.get(code.name) ?? 0, code.passages, code.name);
    assert.equal(plan.dimmed, 0);
    assert.ok(!plan.layers.some((l) => l.style.kind === 'dim'));
  });

  it('marks each code of a multi-code passage with its own edge, in the order of its codes, and no single-code passage', () => {
    const { passages, plan } = planOf(TEXT, SHOW);
    const edges = plan.layers.filter((l) => l.style.kind === 'edge');
    assert.deepEqual(edges.map((l) => [l.key, l.ranges.map((r) => r.text)]), [
      [`edge bottom ${colorOf(passages, 'weakness')}`, ['too long']],
      [`edge top ${colorOf(passages, 'quote')}`, ['too long']],
    ]);
  });

  it('gives a third and later code a dotted outline, and one tint to codes that share a colour', () => {
    const passage = (codes: string[]): ReaderPassage => ({
      index: 0, start: 0, end: 4, codes, themes: [], attributes: [], memo: null, id: null, parent: null, depth: 0,
      source: {
        span: { start: { line: 3, character: 2 }, end: { line: 3, character: 20 } },
        text: { start: { line: 3, character: 3 }, end: { line: 3, character: 7 } },
        close: { start: { line: 3, character: 7 }, end: { line: 3, character: 20 } },
      },
    });
    const codes = [
      { name: 'a', label: 'A', color: '#111111', passages: 2 },
      { name: 'b', label: 'B', color: '#222222', passages: 2 },
      { name: 'c', label: 'C', color: '#333333', passages: 1 },
      { name: 'd', label: 'D', color: '#111111', passages: 1 },
      { name: 'e', label: 'E', color: 'red; background: url(x)', passages: 1 },
    ];
    const plan = decorationPlan({ passages: [passage(['a', 'b', 'c']), passage(['a', 'd']), passage(['b', 'e'])], codes, themes: [] }, SHOW, (sl, sc, el, ec) => `${sl}:${sc}-${el}:${ec}`);
    const keys = plan.layers.map((l) => `${l.key} ×${l.ranges.length}`);
    assert.deepEqual(keys, [
      'tint #111111 ×2', 'tint #222222 ×2', 'tint #333333 ×1', `tint ${FALLBACK_COLOR} ×1`,
      'edge bottom #111111 ×1', 'edge bottom #222222 ×1', 'edge top #222222 ×1', 'edge outline #333333 ×1', `edge top ${FALLBACK_COLOR} ×1`,
    ]);
    assert.deepEqual(Object.fromEntries(plan.passagesPerCode), { a: 2, b: 2, c: 1, d: 1, e: 1 });
  });

  it('dims the `[` and the `]{…}` of every passage: two ranges each, the tagged text left alone', () => {
    const { passages, plan } = planOf(TEXT, DIM);
    assert.equal(plan.dimmed, 2 * passages.passages.length);
    assert.deepEqual(layer(plan, 'dim').map((r) => r.text), [
      '[', ']{.strength theme=leadership}', '[', ']{.quote speaker=x}', '[', ']{.weakness .quote theme=health speaker=y}', '[', ']{.weakness theme=health}',
    ]);
  });

  it('tints and dims a passage that runs over several lines', () => {
    const text = `${FRONT}Some [words\nhere]{.weakness theme=health} and more.\n`;
    const { passages, plan } = planOf(text, DIM);
    assert.deepEqual(layer(plan, `tint ${colorOf(passages, 'weakness')}`).map((r) => r.text), ['words\nhere']);
    assert.deepEqual(layer(plan, 'dim').map((r) => r.text), ['[', ']{.weakness theme=health}']);
  });

  it('with the tint at 0 marks the overview ruler only: no tints, no edges', () => {
    const { passages, plan } = planOf(TEXT, { codeTint: 0, markup: 'show' });
    assert.ok(plan.layers.every((l) => l.style.kind === 'ruler'), plan.layers.map((l) => l.key).join(', '));
    assert.deepEqual(layer(plan, `ruler ${colorOf(passages, 'weakness')}`).map((r) => r.text), ['too long', 'parents wait']);
  });

  it('makes one range per passage (shared by its layers), and two more per passage when dimming', () => {
    const show = planOf(TEXT, SHOW);
    assert.equal(show.made(), show.passages.passages.length);
    const tinted = show.plan.layers.filter((l) => l.style.kind !== 'dim').flatMap((l) => l.ranges);
    assert.equal(new Set(tinted.map((r) => r.serial)).size, show.passages.passages.length);
    const dim = planOf(TEXT, DIM);
    assert.equal(dim.made(), 3 * dim.passages.passages.length);
  });

  it('plans in time linear in the passages (5,000 passages, as in a 1 MB report, and eight times as many)', () => {
    const paragraph = 'The area [waits too long]{.weakness theme=health} and [leaders [know it]{.quote speaker=x}]{.strength theme=leadership .quote}.\n';
    const passagesOf = (repeats: number) => {
      const text = FRONT + paragraph.repeat(repeats);
      return readerPassages(parseReport(text), defaultCodebook(), new LineIndex(text));
    };
    assert.ok(passagesOf(1700).passages.length >= 5000);
    // Eight times the passages: about eight times the time, where a quadratic plan would take 64 times.
    assertLinearGrowth({
      small: 1700,
      factor: 8,
      unit: 'paragraphs of three passages',
      setUp: (repeats) => {
        const passages = passagesOf(repeats);
        return () => {
          const plan = decorationPlan(passages, DIM, (sl, sc, el, ec) => [sl, sc, el, ec]);
          assert.equal(plan.dimmed, 2 * passages.passages.length);
        };
      },
    });
  });

  it('names each style apart', () => {
    const keys = [
      styleKey({ kind: 'tint', color: '#111111' }), styleKey({ kind: 'ruler', color: '#111111' }),
      styleKey({ kind: 'edge', edge: 'bottom', color: '#111111' }), styleKey({ kind: 'edge', edge: 'top', color: '#111111' }), styleKey({ kind: 'dim' }),
    ];
    assert.equal(new Set(keys).size, keys.length);
  });
});
