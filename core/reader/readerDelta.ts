/**
 * What changed in a report's reader model from one revision to the next,
 * and how a holder of the older model brings it up to date: after a
 * one-character edit of a 1 MB report the answer is a few passages and a
 * few characters instead of the whole model. The delta names the revision
 * it applies to; it replaces one stretch of the clean text, of the passages
 * and of the line map, and moves what follows each stretch by the edit
 * (core/reader/readerDiff.ts computes it, exactly: applying it gives the
 * model a full answer gives). No imports beyond the reader's types: the
 * reader's webview bundle uses it.
 */
import type { ReaderCode, ReaderHeader, ReaderModel, ReaderPassage, ReaderPosition, ReaderRange, ReaderTheme } from './readerTypes';

/** How the passages after the replaced ones moved. */
export interface PassageShift {
  /** Added to their clean offsets (`start`, `end`). */
  readonly offset: number;
  /** Added to their `index`, and to a `parent` at or after the first replaced passage (a parent before it kept its place). */
  readonly index: number;
  /**
   * Their source positions: `line` is the old source line where the text
   * after the edit begins; positions on it move by `character`, and every
   * position moves down by `addedLines`.
   */
  readonly line: number;
  readonly addedLines: number;
  readonly character: number;
}

/** The old list's items [start, end) replaced by `items`. */
export interface Splice<T> {
  readonly start: number;
  readonly end: number;
  readonly items: readonly T[];
}

export interface ReaderDelta {
  /** The revision of the model it applies to. */
  readonly base: string;
  /** The small parts, whole. */
  readonly name: string;
  readonly header: ReaderHeader;
  readonly fingerprint: string;
  readonly codes: readonly ReaderCode[];
  readonly themes: readonly ReaderTheme[];
  /** The clean text: the old text's [start, end) replaced by `text`. */
  readonly text: { readonly start: number; readonly end: number; readonly text: string };
  /** The passages: a splice, the passages after it moved by `shift`. */
  readonly passages: Splice<ReaderPassage> & { readonly shift: PassageShift };
  /** The line map: `firstLine`, and a splice of its offsets, those after it moved by `passages.shift.offset`. */
  readonly lines: Splice<number> & { readonly firstLine: number };
}

/** A passage as a holder of a model keeps it: the webview's lack their source ranges. */
export type MovablePassage = Pick<ReaderPassage, 'index' | 'start' | 'end' | 'parent'> & { readonly source?: ReaderPassage['source'] };

/** A model as its holder keeps it (the webview's lacks the line map). */
export interface DeltaTarget<P extends MovablePassage> extends Omit<ReaderModel, 'passages' | 'lines'> {
  readonly passages: readonly P[];
  readonly lines?: ReaderModel['lines'];
}

/** A delta as its holder receives it (the webview's lacks the line map and the passages' source ranges). */
export interface DeltaFor<P extends MovablePassage> extends Omit<ReaderDelta, 'passages' | 'lines'> {
  readonly passages: Splice<P> & { readonly shift: PassageShift };
  readonly lines?: ReaderDelta['lines'];
}

/** A passage after the edit: moved by `shift`, its parent too unless it lies before `from` (the first replaced passage). */
export function shiftPassage<P extends MovablePassage>(passage: P, shift: PassageShift, from: number): P {
  const parent = passage.parent !== null && passage.parent >= from ? passage.parent + shift.index : passage.parent;
  const index = passage.index + shift.index;
  const start = passage.start + shift.offset;
  const end = passage.end + shift.offset;
  if (!passage.source || keepsSource(passage.source, shift)) return { ...passage, index, start, end, parent };
  const { span, text, close } = passage.source;
  return { ...passage, index, start, end, parent, source: { span: shiftRange(span, shift), text: shiftRange(text, shift), close: shiftRange(close, shift) } };
}

/** Whether the shift leaves a passage's source positions as they are (no line added or removed, none on the edited line): they are then shared. */
export function keepsSource(source: ReaderPassage['source'], shift: PassageShift): boolean {
  return shift.addedLines === 0 && (shift.character === 0 || source.span.start.line > shift.line);
}

function shiftRange(range: ReaderRange, shift: PassageShift): ReaderRange {
  return { start: shiftPosition(range.start, shift), end: shiftPosition(range.end, shift) };
}

/** A source position after the edit (positions after it only: those before it never move). */
export function shiftPosition(position: ReaderPosition, shift: PassageShift): ReaderPosition {
  const character = position.line === shift.line ? position.character + shift.character : position.character;
  return { line: position.line + shift.addedLines, character };
}

/**
 * The model brought up to date by a delta, or null when the delta does not
 * fit it (its stretches outside the model, a line map it lacks): the
 * holder then asks for the whole model. Linear in the passages after the
 * edit (each is moved) and in the text (the new text is one string).
 */
export function applyReaderDelta<P extends MovablePassage, M extends DeltaTarget<P>>(model: M, delta: DeltaFor<P>): M | null {
  const { text, passages } = delta;
  if (!fits(text, model.cleanText.length) || !fits(passages, model.passages.length)) return null;
  let lines: ReaderModel['lines'] | undefined;
  if (model.lines) {
    if (!delta.lines || !fits(delta.lines, model.lines.offsets.length)) return null;
    lines = { firstLine: delta.lines.firstLine, offsets: spliced(model.lines.offsets, delta.lines, (offset) => offset + passages.shift.offset) };
  }
  const cleanText = text.start === text.end && text.text === '' ? model.cleanText : model.cleanText.slice(0, text.start) + text.text + model.cleanText.slice(text.end);
  return {
    ...model,
    name: delta.name,
    header: delta.header,
    fingerprint: delta.fingerprint,
    codes: delta.codes,
    themes: delta.themes,
    cleanText,
    passages: spliced(model.passages, passages, (passage) => shiftPassage(passage, passages.shift, passages.start)),
    ...(lines ? { lines } : {}),
  };
}

function fits(splice: { readonly start: number; readonly end: number }, length: number): boolean {
  return Number.isSafeInteger(splice.start) && Number.isSafeInteger(splice.end) && splice.start >= 0 && splice.start <= splice.end && splice.end <= length;
}

function spliced<T>(list: readonly T[], splice: Splice<T>, move: (item: T) => T): T[] {
  const result = new Array<T>(splice.start + splice.items.length + list.length - splice.end);
  let n = 0;
  for (let i = 0; i < splice.start; i++) result[n++] = list[i];
  for (const item of splice.items) result[n++] = item;
  for (let i = splice.end; i < list.length; i++) result[n++] = move(list[i]);
  return result;
}

/** Whether a delta changes nothing (an answer for an edit that left the model as it was). */
export function changesNothing<P extends MovablePassage>(model: DeltaTarget<P>, delta: DeltaFor<P>): boolean {
  const { text, passages, lines } = delta;
  const still = (splice: Splice<unknown>) => splice.start === splice.end && splice.items.length === 0;
  const moved = passages.end < model.passages.length && (passages.shift.offset !== 0 || passages.shift.index !== 0 || passages.shift.addedLines !== 0 || passages.shift.character !== 0);
  return text.start === text.end && text.text === '' && still(passages) && !moved
    && (!lines || !model.lines || (lines.firstLine === model.lines.firstLine && still(lines)))
    && delta.name === model.name && delta.fingerprint === model.fingerprint
    && JSON.stringify([delta.header, delta.codes, delta.themes]) === JSON.stringify([model.header, model.codes, model.themes]);
}
