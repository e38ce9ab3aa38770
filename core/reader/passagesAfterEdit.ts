/**
 * A report's passages after an edit, from its passages before it: what each
 * passage says (codes, themes, attributes, memo, id) is read from its own
 * span's text alone, so a span the edit left alone keeps what it said, and
 * only the spans in and around the edit are read again. Equal to
 * readerPassages() on the edited report (a property test holds them equal
 * whatever the edits).
 *
 * Left alone: the spans wholly in the text before the edit that the new
 * parse places as the old one did (they keep their passage object), and
 * those wholly in the text after it, placed as before but moved by the edit
 * (their passage is moved as a delta moves it, readerDelta.ts). The codes'
 * and themes' counts change by the passages read again. Linear in the
 * spans, with a small constant for the spans left alone; the texts are
 * compared a chunk at a time.
 */
import type { Codebook } from '../codebook/types';
import type { ReportDocument, Span } from '../document/types';
import { textChange } from '../text/commonAffixes';
import type { LineIndex } from '../text/lineIndex';
import { shiftPassage, type PassageShift } from './readerDelta';
import { passagesWithCounts, readerPassage } from './readerModel';
import type { ReaderCode, ReaderPassage, ReaderPassages, ReaderTheme } from './readerTypes';

/** The report as it was, its line index, and its passages built with the codebook now in force. */
export interface PassagesBefore {
  readonly document: ReportDocument;
  readonly lines: LineIndex;
  readonly passages: ReaderPassages;
}

export function readerPassagesAfterEdit(before: PassagesBefore, document: ReportDocument, codebook: Codebook, lines: LineIndex): ReaderPassages {
  const old = before.document.spans;
  const oldPassages = before.passages.passages;
  const spans = document.spans;
  const change = textChange(before.document.text, document.text);
  const passages = new Array<ReaderPassage>(spans.length);
  let front = 0;
  while (front < old.length && front < spans.length && spans[front].range.end <= change.start && placedAlike(old[front], spans[front], NO_MOVE, 0)) {
    passages[front] = oldPassages[front];
    front++;
  }
  const from = before.lines.position(change.beforeEnd);
  const to = lines.position(change.afterEnd);
  const shift: PassageShift = {
    offset: document.cleanText.length - before.document.cleanText.length,
    index: spans.length - old.length,
    line: from.line,
    addedLines: to.line - from.line,
    character: to.character - from.character,
  };
  const move: Move = { source: change.afterEnd - change.beforeEnd, clean: shift.offset, index: shift.index };
  let back = 0;
  const most = Math.min(old.length, spans.length) - front;
  while (back < most) {
    const o = old.length - 1 - back;
    const n = spans.length - 1 - back;
    if (old[o].range.start < change.beforeEnd || !placedAlike(old[o], spans[n], move, front)) break;
    passages[n] = shiftPassage(oldPassages[o], shift, front);
    back++;
  }
  for (let i = front; i < spans.length - back; i++) passages[i] = readerPassage(spans[i], codebook, lines);
  return countedAgain(before.passages, oldPassages.slice(front, old.length - back), passages.slice(front, spans.length - back), passages, codebook);
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

/**
 * The codes' and themes' counts after the passages `removed` gave way to
 * `added`. Counted from scratch when either names a code or theme the
 * codebook lacks: those are listed in the order the passages first use them.
 */
function countedAgain(before: ReaderPassages, removed: readonly ReaderPassage[], added: readonly ReaderPassage[], passages: readonly ReaderPassage[], codebook: Codebook): ReaderPassages {
  const known = (p: ReaderPassage) => p.codes.every((code) => codebook.codes.has(code)) && p.themes.every((theme) => codebook.themes.has(theme));
  const extra = before.codes.length > codebook.codes.size || before.themes.length > codebook.themes.size;
  if (extra || !removed.every(known) || !added.every(known)) return passagesWithCounts(passages, codebook);
  const codes = new Map<string, number>();
  const themes = new Map<string, number>();
  const count = (list: readonly ReaderPassage[], by: number) => {
    for (const passage of list) {
      for (const code of passage.codes) codes.set(code, (codes.get(code) ?? 0) + by);
      for (const theme of passage.themes) themes.set(theme, (themes.get(theme) ?? 0) + by);
    }
  };
  count(removed, -1);
  count(added, 1);
  return {
    passages,
    codes: before.codes.map((code): ReaderCode => (codes.get(code.name) ? { ...code, passages: code.passages + (codes.get(code.name) ?? 0) } : code)),
    themes: before.themes.map((theme): ReaderTheme => (themes.get(theme.name) ? { ...theme, passages: theme.passages + (themes.get(theme.name) ?? 0) } : theme)),
  };
}
