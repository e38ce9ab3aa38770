// Backward scans over article text, for fixes that must guess where a span
// was meant to start. Each stops at `floor` (the last markup or bracket
// before, which a span must not straddle) and at a line break, so the text
// scanned for one near-miss is never scanned for another.

import { isBlank } from '../../text/blanks';
import { isLineBreak } from '../../text/lineBreaks';

const enum Char {
  Exclamation = 33,
  OpenParen = 40,
  CloseParen = 41,
  Dot = 46,
  Colon = 58,
  Semicolon = 59,
  Question = 63,
  OpenBrace = 123,
  CloseBrace = 125,
  WideOpenBracket = 0xff3b,
  WideCloseBracket = 0xff3d,
}

function endsSentence(code: number): boolean {
  return code === Char.Dot || code === Char.Exclamation || code === Char.Question || code === Char.Colon || code === Char.Semicolon;
}

/** `(`, `{` or a full-width `［`: what a tired hand types for `[`. */
export function isOpenerSlip(code: number): boolean {
  return code === Char.OpenParen || code === Char.OpenBrace || code === Char.WideOpenBracket;
}

/** `)`, `}` or a full-width `］`: what a tired hand types for `]`. */
export function isCloserSlip(code: number): boolean {
  return code === Char.CloseParen || code === Char.CloseBrace || code === Char.WideCloseBracket;
}

/** Where the blanks before `end` start (at or after `floor`). */
export function blanksBefore(text: string, floor: number, end: number): number {
  let at = end;
  while (at > floor && isBlank(text.charCodeAt(at - 1))) at--;
  return at;
}

/** Where the punctuation that ends a passage ending at `end` starts: `effective.` gives the offset of the `.`. */
export function trailingPunctuationStart(text: string, floor: number, end: number): number {
  let at = end;
  while (at > floor && (endsSentence(text.charCodeAt(at - 1)) || text.charCodeAt(at - 1) === 44)) at--;
  return at;
}

/**
 * Where the sentence that ends at `end` starts: after a line break, after
 * `.`, `!`, `?`, `:` or `;` followed by a blank, or at `floor`; then past
 * any blanks. Equal to `end` when there is no text before it.
 */
export function sentenceStart(text: string, floor: number, end: number): number {
  let at = end;
  for (; at > floor; at--) {
    const before = text.charCodeAt(at - 1);
    if (isLineBreak(before)) break;
    if (at < end && endsSentence(before) && isBlank(text.charCodeAt(at))) break;
  }
  while (at < end && isBlank(text.charCodeAt(at))) at++;
  return at;
}

/**
 * The `(`, `{` or `［` before `end` (and after `floor`, on the same line)
 * that nothing closes, counting `)`, `}` and `］` as closing them: the
 * opening bracket of a span typed with the wrong key. -1 when there is none.
 */
export function unmatchedOpenerSlip(text: string, floor: number, end: number): number {
  let depth = 0;
  for (let at = end - 1; at >= floor; at--) {
    const code = text.charCodeAt(at);
    if (isLineBreak(code)) return -1;
    if (isCloserSlip(code)) depth++;
    else if (isOpenerSlip(code)) {
      if (depth === 0) return at;
      depth--;
    }
  }
  return -1;
}
