/**
 * The delta (readerDelta.ts) from one reader model of a report to another:
 * the stretch of clean text, of passages and of the line map that differ,
 * and how what follows each stretch moved. Exact: a passage counts as moved
 * only when moving the old one gives the new one field for field, so
 * applying the delta gives the newer model whatever the edit was. Linear in
 * the passages and lines; the texts are compared a chunk at a time, and
 * what an edit left alone is mostly the same objects (passagesAfterEdit.ts),
 * compared by identity.
 */
import { textChange } from '../text/commonAffixes';
import type { LineIndex } from '../text/lineIndex';
import { keepsSource, type PassageShift, type ReaderDelta } from './readerDelta';
import type { ReaderAttribute, ReaderModel, ReaderPassage, ReaderPosition, ReaderRange } from './readerTypes';

/** A model with the source it was built from (its passages' source ranges are in it). */
export interface ReaderSnapshot {
  readonly model: ReaderModel;
  readonly text: string;
  readonly lines: LineIndex;
}

export function readerDelta(base: string, before: ReaderSnapshot, after: ReaderSnapshot): ReaderDelta {
  const [a, b] = [before.model, after.model];
  const clean = textChange(a.cleanText, b.cleanText);
  const source = textChange(before.text, after.text);
  const from = before.lines.position(source.beforeEnd);
  const to = after.lines.position(source.afterEnd);
  const shift: PassageShift = {
    offset: b.cleanText.length - a.cleanText.length,
    index: b.passages.length - a.passages.length,
    line: from.line,
    addedLines: to.line - from.line,
    character: to.character - from.character,
  };
  const [p0, p1] = [a.passages, b.passages];
  let front = 0;
  while (front < p0.length && front < p1.length && samePassage(p0[front], p1[front])) front++;
  let back = 0;
  const most = Math.min(p0.length, p1.length) - front;
  while (back < most && movedPassage(p0[p0.length - 1 - back], p1[p1.length - 1 - back], shift, front)) back++;
  return {
    base,
    name: b.name,
    header: b.header,
    fingerprint: b.fingerprint,
    codes: b.codes,
    themes: b.themes,
    text: { start: clean.start, end: clean.beforeEnd, text: b.cleanText.slice(clean.start, clean.afterEnd) },
    passages: { start: front, end: p0.length - back, items: p1.slice(front, p1.length - back), shift },
    lines: linesSplice(a.lines, b.lines, shift.offset),
  };
}

/** The line maps' difference: offsets kept at the start, and moved by `offset` at the end. */
function linesSplice(a: ReaderModel['lines'], b: ReaderModel['lines'], offset: number): ReaderDelta['lines'] {
  const [o0, o1] = [a.offsets, b.offsets];
  if (a.firstLine !== b.firstLine) return { firstLine: b.firstLine, start: 0, end: o0.length, items: o1.slice() };
  let front = 0;
  while (front < o0.length && front < o1.length && o0[front] === o1[front]) front++;
  let back = 0;
  const most = Math.min(o0.length, o1.length) - front;
  while (back < most && o0[o0.length - 1 - back] + offset === o1[o1.length - 1 - back]) back++;
  return { firstLine: b.firstLine, start: front, end: o0.length - back, items: o1.slice(front, o1.length - back) };
}

function samePassage(a: ReaderPassage, b: ReaderPassage): boolean {
  return a === b || (a.index === b.index && a.start === b.start && a.end === b.end && a.parent === b.parent && saysTheSame(a, b) && sameSource(a.source, b.source));
}

function sameSource(a: ReaderPassage['source'], b: ReaderPassage['source']): boolean {
  return a === b || (sameRange(a.span, b.span) && sameRange(a.text, b.text) && sameRange(a.close, b.close));
}

/** Whether moving `a` by the shift (readerDelta.ts, shiftPassage) gives `b`, without building the moved passage. */
function movedPassage(a: ReaderPassage, b: ReaderPassage, shift: PassageShift, from: number): boolean {
  const parent = a.parent !== null && a.parent >= from ? a.parent + shift.index : a.parent;
  if (b.index !== a.index + shift.index || b.start !== a.start + shift.offset || b.end !== a.end + shift.offset || b.parent !== parent || !saysTheSame(a, b)) return false;
  if (keepsSource(a.source, shift)) return a.source === b.source || sameSource(a.source, b.source);
  return movedRange(a.source.span, b.source.span, shift) && movedRange(a.source.text, b.source.text, shift) && movedRange(a.source.close, b.source.close, shift);
}

/** Everything but where the passage lies. */
function saysTheSame(a: ReaderPassage, b: ReaderPassage): boolean {
  return a.depth === b.depth && a.memo === b.memo && a.id === b.id && sameStrings(a.codes, b.codes) && sameStrings(a.themes, b.themes) && sameAttributes(a.attributes, b.attributes);
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((value, i) => value === b[i]));
}

function sameAttributes(a: readonly ReaderAttribute[], b: readonly ReaderAttribute[]): boolean {
  return a === b || (a.length === b.length && a.every((attribute, i) => attribute.key === b[i].key && attribute.value === b[i].value));
}

function sameRange(a: ReaderRange, b: ReaderRange): boolean {
  return samePosition(a.start, b.start) && samePosition(a.end, b.end);
}

function movedRange(a: ReaderRange, b: ReaderRange, shift: PassageShift): boolean {
  return movedPosition(a.start, b.start, shift) && movedPosition(a.end, b.end, shift);
}

/** Whether shiftPosition(a) is b (readerDelta.ts), without building it. */
function movedPosition(a: ReaderPosition, b: ReaderPosition, shift: PassageShift): boolean {
  return b.line === a.line + shift.addedLines && b.character === (a.line === shift.line ? a.character + shift.character : a.character);
}

function samePosition(a: ReaderPosition, b: ReaderPosition): boolean {
  return a.line === b.line && a.character === b.character;
}
