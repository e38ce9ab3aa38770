// What a new model changed since the one drawn, so that only the blocks near
// the change are planned again: the text that differs (a common prefix and
// suffix), the passages that differ (matched from both ends, shifted by the
// edit), and those whose paint changed (a passage nested into one changes its
// underline room). Conservative: anything in doubt counts as changed. A
// model that came as a delta says itself what differs.
import type { HighlightStyle } from '../../../core/reader/highlightStyle';
import { WORDS_WINDOW } from '../../../core/reader/passageLabels';
import { commonPrefix, commonSuffix } from '../../../core/text/commonAffixes';
import type { ShownDelta, ShownModel, ShownPassage } from './shownModel';

export interface Drawn {
  readonly model: ShownModel;
  readonly styles: readonly HighlightStyle[];
}

export interface ArticleChange {
  /** The region of the new clean text whose blocks are planned again (inclusive bounds); empty when start > end. */
  readonly start: number;
  readonly end: number;
  /** The new offset of an old one outside the change. */
  newOffset(old: number): number;
  /** The new position of an old passage, or null for a passage that changed. */
  newPassage(old: number): number | null;
  /** The passages of the new model that changed: [from, to). */
  readonly passagesFrom: number;
  readonly passagesTo: number;
  /** How much longer the new text is. */
  readonly lengthDelta: number;
}

/** What a change left alone: the shared text (a prefix and a suffix) and passages (from the front and the back). */
interface Kept {
  readonly prefix: number;
  readonly suffix: number;
  readonly front: number;
  readonly back: number;
}

/** The change, or null when everything must be planned again (the codes or themes changed). */
export function articleChange(previous: Drawn, model: ShownModel, styles: readonly HighlightStyle[]): ArticleChange | null {
  const before = previous.model;
  if (!sameNames(before, model)) return null;
  const [t0, t1] = [before.cleanText, model.cleanText];
  const shortest = Math.min(t0.length, t1.length);
  const prefix = commonPrefix(t0, t1, shortest);
  const suffix = commonSuffix(t0, t1, shortest - prefix);
  const mapped = offsetMap(t0.length, t1.length, prefix, suffix);
  const [p0, p1] = [before.passages, model.passages];
  const same = (a: ShownPassage, b: ShownPassage) =>
    mapped(a.start) === b.start && mapped(a.end) === b.end && a.memo === b.memo && sameList(a.codes, b.codes) && sameList(a.themes, b.themes);
  let front = 0;
  while (front < p0.length && front < p1.length && same(p0[front], p1[front])) front++;
  let back = 0;
  while (back < p0.length - front && back < p1.length - front && same(p0[p0.length - 1 - back], p1[p1.length - 1 - back])) back++;
  return changeOf(previous, model, styles, { prefix, suffix, front, back });
}

/**
 * The change a delta made (readerDelta.ts), without comparing the models: its
 * text and passages splices, where everything outside is the same (a delta
 * sends every passage that differs in anything).
 */
export function deltaChange(previous: Drawn, model: ShownModel, styles: readonly HighlightStyle[], delta: ShownDelta): ArticleChange | null {
  const before = previous.model;
  if (!sameNames(before, model)) return null;
  const { text, passages } = delta;
  return changeOf(previous, model, styles, { prefix: text.start, suffix: before.cleanText.length - text.end, front: passages.start, back: before.passages.length - passages.end });
}

/** An old offset in the new text; null inside the text that changed. */
function offsetMap(oldLength: number, newLength: number, prefix: number, suffix: number): (x: number) => number | null {
  const delta = newLength - oldLength;
  return (x) => (x <= prefix ? x : x >= oldLength - suffix ? x + delta : null);
}

function changeOf(previous: Drawn, model: ShownModel, styles: readonly HighlightStyle[], kept: Kept): ArticleChange {
  const { prefix, suffix, front, back } = kept;
  const [t0, t1] = [previous.model.cleanText, model.cleanText];
  const [p0, p1] = [previous.model.passages, model.passages];
  const textChanged = !(t0.length === t1.length && prefix === t0.length);
  const mapped = offsetMap(t0.length, t1.length, prefix, suffix);

  let start = Infinity;
  let end = -Infinity;
  const cover = (from: number, to: number) => {
    start = Math.min(start, from);
    end = Math.max(end, to);
  };
  // A passage's label quotes its first words: one starting a little before the changed text may read differently.
  if (textChanged) cover(prefix - WORDS_WINDOW, t1.length - suffix);
  for (let i = front; i < p1.length - back; i++) cover(p1[i].start, p1[i].end);
  for (let i = front; i < p0.length - back; i++) cover(mapped(p0[i].start) ?? prefix, mapped(p0[i].end) ?? t1.length - suffix);
  // Passages that are the same but painted otherwise (what is nested in them changed).
  const shift = p1.length - p0.length;
  for (let i = 0; i < front; i++) if (!sameStyle(previous.styles[i], styles[i])) cover(p1[i].start, p1[i].end);
  for (let i = p0.length - back; i < p0.length; i++) if (!sameStyle(previous.styles[i], styles[i + shift])) cover(p1[i + shift].start, p1[i + shift].end);

  return {
    start,
    end,
    newOffset: (old) => mapped(old) ?? old,
    newPassage: (old) => (old < front ? old : old >= p0.length - back ? old + shift : null),
    passagesFrom: front,
    passagesTo: p1.length - back,
    lengthDelta: t1.length - t0.length,
  };
}

export function sameStyle(a: HighlightStyle | undefined, b: HighlightStyle | undefined): boolean {
  if (!a || !b) return a === b;
  return a === b || (a.tint === b.tint && a.lines === b.lines && a['line-size'] === b['line-size'] && a['line-position'] === b['line-position'] && a.pad === b.pad);
}

/** The codes and themes as the labels and colours show them: when they change, every block may. */
function sameNames(a: ShownModel, b: ShownModel): boolean {
  return a.codes.length === b.codes.length && a.themes.length === b.themes.length
    && a.codes.every((code, i) => code.name === b.codes[i].name && code.label === b.codes[i].label && code.color === b.codes[i].color)
    && a.themes.every((theme, i) => theme.name === b.themes[i].name && theme.label === b.themes[i].label);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
