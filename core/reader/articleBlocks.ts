/**
 * The article as the reader sets it: paragraphs at blank lines. Each block
 * is a paragraph with the blank lines after it, so the blocks spell the
 * clean text exactly and, set with `white-space: pre-wrap`, read as the text
 * does. The passage runs (passageRuns.ts) are cut at the block boundaries.
 *
 * A block is also what the reader draws at once, so a long one is cut
 * (a report pasted with single line breaks is one paragraph, and drawing
 * 1 MB of it took 1.5 s on every edit): once a block holds SOFT_LENGTH
 * units it ends at its next line break, which looks the same; a line that
 * would take it past HARD_LENGTH is cut at a space (or, with none near, at
 * HARD_LENGTH), which starts a new line on the page.
 *
 * One pass over the text (line breaks found by a one-character-class
 * search). Where the next block starts depends only on the text from the
 * block start before it, which articleWindow.ts relies on. No imports beyond
 * the runs' types: the reader's webview bundle uses it.
 */
import type { PassageRun } from './passageRuns';

export interface ArticleBlock {
  /** The block in the clean text: [start, end), the paragraph then its blank lines. */
  readonly start: number;
  readonly end: number;
  /** The runs inside it (cut at its edges), in order. */
  readonly runs: readonly PassageRun[];
}

/** Where each block starts: 0, then the offset after every blank line that follows text. */
export function blockStarts(text: string): number[] {
  const starts = [0];
  scanBlockStarts(text, 0, (start) => {
    starts.push(start);
    return true;
  });
  return starts;
}

/** At a line break, a block holding at least this many UTF-16 units ends. */
export const SOFT_LENGTH = 2000;
/** No block runs longer than this within one line: it is cut at a space near the end, or here. */
export const HARD_LENGTH = 8000;

/**
 * Hands `found` each block start after `from` (itself a block start: what
 * follows a block start depends only on the text after it), in order, until
 * `found` returns false or the text ends.
 */
export function scanBlockStarts(text: string, from: number, found: (start: number) => boolean): void {
  // The next line break is found natively (a character class: no backtracking), not a character at a time,
  // and kept while a long line is cut, so that a line is searched once however many cuts it takes.
  const breaks = /[\n\r]/g;
  let blockStart = from;
  let i = from;
  let lineBreak = -1;
  while (i < text.length) {
    if (lineBreak < i) {
      breaks.lastIndex = i;
      lineBreak = breaks.test(text) ? breaks.lastIndex - 1 : text.length;
    }
    if (lineBreak - blockStart > HARD_LENGTH) {
      const cut = cutInLine(text, blockStart);
      if (!found(cut)) return;
      blockStart = i = cut;
      continue;
    }
    if (lineBreak === text.length) return;
    i = lineBreak;
    // A line break: take in every following line that holds only spaces and tabs.
    const after = lineBreakEnd(text, i);
    let end = after;
    let blank = false;
    for (;;) {
      let j = end;
      while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      const next = lineBreakEnd(text, j);
      if (next === j) break;
      blank = true;
      end = next;
    }
    const start = blank ? end : after - blockStart >= SOFT_LENGTH ? after : -1;
    if (start >= 0 && start < text.length) {
      if (!found(start)) return;
      blockStart = start;
    }
    // Without a blank line only the break is consumed; the spaces after it are read again as text (each at most twice).
    i = blank ? end : after;
  }
}

/**
 * Where a line too long for one block is cut: after the last space between
 * SOFT_LENGTH and HARD_LENGTH units into the block, else (a script written
 * without spaces, or none at all) at HARD_LENGTH, moved on past whatever
 * joins the character before it: the second half of a surrogate pair, a
 * combining mark, a variation selector, a skin tone, a zero-width joiner
 * and the character it joins. Looks at most HARD_LENGTH - SOFT_LENGTH
 * characters back and MAX_JOINED forward.
 */
function cutInLine(text: string, blockStart: number): number {
  for (let k = blockStart + HARD_LENGTH; k > blockStart + SOFT_LENGTH; k--) if (text.charCodeAt(k - 1) === 32) return k;
  let cut = blockStart + HARD_LENGTH;
  for (let step = 0; step < MAX_JOINED && cut < text.length && joinsBefore(text, cut); step++) cut++;
  return cut;
}

/** How far a cut may move on to keep a character whole; a longer run of joiners is cut anyway. */
const MAX_JOINED = 64;
const JOINING = /[\p{M}\u200C\u200D\uFE00-\uFE0F\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}\u{E0100}-\u{E01EF}]/uy;

/** Whether the unit at `at` belongs with the one before it. */
function joinsBefore(text: string, at: number): boolean {
  const here = text.charCodeAt(at);
  const before = text.charCodeAt(at - 1);
  if (here >= 0xdc00 && here <= 0xdfff && before >= 0xd800 && before <= 0xdbff) return true;
  if (before === 0x200d) return true;
  JOINING.lastIndex = at;
  return JOINING.test(text);
}

/** The blocks of the text with the runs cut at their edges (an empty run at an edge goes to the block after it). */
export function articleBlocks(text: string, runs: readonly PassageRun[]): ArticleBlock[] {
  return blocksOf(blockStarts(text), text.length, true, runs);
}

/**
 * Blocks at the given starts, the last ending at `end`, with the runs cut
 * at their edges; runs that end before the first block are left out. An
 * empty run at `end` belongs to the last block only when `atTextEnd` (else
 * to the block after these).
 */
export function blocksOf(starts: readonly number[], end: number, atTextEnd: boolean, runs: readonly PassageRun[]): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  let r = 0;
  while (r < runs.length && (runs[r].start === runs[r].end ? runs[r].start < starts[0] : runs[r].end <= starts[0])) r++;
  for (let b = 0; b < starts.length; b++) {
    const start = starts[b];
    const blockEnd = b + 1 < starts.length ? starts[b + 1] : end;
    const last = b + 1 === starts.length && atTextEnd;
    const inside: PassageRun[] = [];
    while (r < runs.length) {
      const run = runs[r];
      if (run.start === run.end) {
        if (run.start < blockEnd || last) {
          inside.push(run);
          r++;
          continue;
        }
        break;
      }
      if (run.start >= blockEnd) break;
      const cutStart = Math.max(run.start, start);
      const cutEnd = Math.min(run.end, blockEnd);
      inside.push(cutStart === run.start && cutEnd === run.end ? run : { start: cutStart, end: cutEnd, passages: run.passages });
      // A run across the edge continues in the next block.
      if (run.end > blockEnd) break;
      r++;
    }
    blocks.push({ start, end: blockEnd, runs: inside });
  }
  return blocks;
}

/** The offset after a line break at `i` (CRLF, LF or a lone CR), or `i` when there is none. */
function lineBreakEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 10) return i + 1;
  if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  return i;
}
