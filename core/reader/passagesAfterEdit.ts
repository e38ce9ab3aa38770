/**
 * A report's passages after an edit, from its passages before it: what each
 * passage says (codes, themes, attributes, memo, id) is read from its own
 * span's text alone, so a span the edit left alone keeps what it said, and
 * only the spans in and around the edit are read again. Equal to
 * readerPassages() on the edited report (a test holds them equal).
 *
 * Left alone: the spans wholly in the text before the edit that the new
 * parse places as the old one did (they keep their passage as it was), and
 * those wholly in the text after it, placed as before but moved by the
 * edit (their passage is placed anew, what it says kept). Linear in the
 * spans; the texts are compared a chunk at a time.
 */
import type { Codebook } from '../codebook/types';
import type { ReportDocument, Span } from '../document/types';
import { textChange } from '../text/commonAffixes';
import type { LineIndex } from '../text/lineIndex';
import { passageSource, passagesWithCounts, readerPassage } from './readerModel';
import type { ReaderPassage, ReaderPassages } from './readerTypes';

/** The report as it was and its passages, built with the codebook now in force. */
export interface PassagesBefore {
  readonly document: ReportDocument;
  readonly passages: readonly ReaderPassage[];
}

export function readerPassagesAfterEdit(before: PassagesBefore, document: ReportDocument, codebook: Codebook, lines: LineIndex): ReaderPassages {
  const old = before.document.spans;
  const spans = document.spans;
  const change = textChange(before.document.text, document.text);
  const passages = new Array<ReaderPassage>(spans.length);
  let front = 0;
  while (front < old.length && front < spans.length && spans[front].range.end <= change.start && placedAlike(old[front], spans[front], NO_MOVE, 0)) {
    passages[front] = before.passages[front];
    front++;
  }
  const move: Move = {
    source: change.afterEnd - change.beforeEnd,
    clean: document.cleanText.length - before.document.cleanText.length,
    index: spans.length - old.length,
  };
  let back = 0;
  const most = Math.min(old.length, spans.length) - front;
  while (back < most) {
    const o = old.length - 1 - back;
    const n = spans.length - 1 - back;
    if (old[o].range.start < change.beforeEnd || !placedAlike(old[o], spans[n], move, front)) break;
    passages[n] = moved(before.passages[o], spans[n], lines);
    back++;
  }
  for (let i = front; i < spans.length - back; i++) passages[i] = readerPassage(spans[i], codebook, lines);
  return passagesWithCounts(passages, codebook);
}

/** How the text after an edit moved: in the source, in the clean text, and in the spans' order. */
interface Move {
  readonly source: number;
  readonly clean: number;
  readonly index: number;
}

const NO_MOVE: Move = { source: 0, clean: 0, index: 0 };

/** Whether the new parse placed a span as the old one did, moved by `move` (a parent at or after `from` moves with it). */
function placedAlike(a: Span, b: Span, move: Move, from: number): boolean {
  const parent = a.parent === undefined || a.parent < from ? a.parent : a.parent + move.index;
  return b.range.start === a.range.start + move.source && b.range.end === a.range.end + move.source
    && b.textRange.start === a.textRange.start + move.source && b.textRange.end === a.textRange.end + move.source
    && b.attributeRange.start === a.attributeRange.start + move.source && b.attributeRange.end === a.attributeRange.end + move.source
    && b.clean.start === a.clean.start + move.clean && b.clean.end === a.clean.end + move.clean
    && b.index === a.index + move.index && b.depth === a.depth && b.parent === parent;
}

/** The passage of a span the edit moved: placed from the new span, saying what it said. */
function moved(passage: ReaderPassage, span: Span, lines: LineIndex): ReaderPassage {
  return { ...passage, index: span.index, start: span.clean.start, end: span.clean.end, parent: span.parent ?? null, depth: span.depth, source: passageSource(span, lines) };
}
