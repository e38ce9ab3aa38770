// Helpers for holding edits to the article text: applying edits as an LSP
// client does, expanding snippets to what the editor first inserts, and
// describing where two clean texts part.
import { createHash } from 'node:crypto';
import type { OffsetRange, ReportDocument, TextEdit } from '../../core';

/**
 * Applies edits as an LSP client does: all against the original text, none
 * overlapping, and insertions at the same point in the order given. Throws
 * on overlapping edits (a client refuses them).
 */
export function applyClientEdits(text: string, edits: readonly TextEdit[]): string {
  // A stable sort keeps the given order of insertions at one point.
  const ordered = [...edits].sort((a, b) => a.range.start - b.range.start);
  let result = '';
  let at = 0;
  for (const edit of ordered) {
    const { start, end } = edit.range;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) {
      throw new Error(`edit range ${JSON.stringify(edit.range)} is not ordered within 0..${text.length}`);
    }
    if (start < at) throw new Error(`edits overlap at ${start}: ${JSON.stringify(edits)}`);
    result += text.slice(at, start) + edit.newText;
    at = end;
  }
  return result + text.slice(at);
}

/**
 * Where an edit boundary cannot be shown to the editor: between the CR and
 * the LF of one line break (LSP positions cannot name it), or between the
 * halves of a surrogate pair. Undefined when every boundary is fine.
 */
export function unrepresentableBoundary(text: string, edits: readonly TextEdit[]): string | undefined {
  for (const edit of edits) {
    for (const at of [edit.range.start, edit.range.end]) {
      if (splitsLineBreak(text, at)) return `edit ${JSON.stringify(edit)} has a boundary between a CR and its LF`;
      if (splitsSurrogatePair(text, at)) return `edit ${JSON.stringify(edit)} has a boundary inside a surrogate pair`;
    }
  }
  return undefined;
}

export function splitsLineBreak(text: string, at: number): boolean {
  return at > 0 && text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10;
}

export function splitsSurrogatePair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return at > 0 && before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/**
 * The text a snippet inserts before the user types anything: placeholders
 * give their default text, a choice its first option, tab stops and
 * variables nothing. Follows the LSP snippet grammar, escapes included.
 */
export function expandSnippet(snippet: string): string {
  const reader = new SnippetReader(snippet);
  const text = reader.any(undefined);
  if (!reader.done()) throw new Error(`snippet not read to its end: ${JSON.stringify(snippet)}`);
  return text;
}

class SnippetReader {
  private at = 0;

  constructor(private readonly source: string) {}

  done(): boolean {
    return this.at >= this.source.length;
  }

  /** Text and snippet elements up to `stop` (a `}` closing a placeholder) or the end. */
  any(stop: '}' | undefined): string {
    let out = '';
    while (this.at < this.source.length) {
      const c = this.source[this.at];
      if (c === '\\' && this.at + 1 < this.source.length && '$}\\'.includes(this.source[this.at + 1])) {
        out += this.source[this.at + 1];
        this.at += 2;
      } else if (c === '$') {
        out += this.element();
      } else if (c === stop) {
        return out;
      } else {
        out += c;
        this.at++;
      }
    }
    if (stop) throw new Error(`unclosed placeholder in snippet ${JSON.stringify(this.source)}`);
    return out;
  }

  private element(): string {
    const rest = this.source.slice(this.at);
    const simple = /^\$(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (simple) {
      this.at += simple[0].length;
      return '';
    }
    const head = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (!head) {
      // A `$` that starts nothing is text.
      this.at++;
      return '$';
    }
    this.at += head[0].length;
    const next = this.source[this.at];
    if (next === '}') {
      this.at++;
      return '';
    }
    if (next === ':') {
      this.at++;
      const text = this.any('}');
      this.at++;
      return text;
    }
    if (next === '|') {
      this.at++;
      const options = this.choiceOptions();
      return options[0];
    }
    throw new Error(`unsupported snippet element at ${this.at} in ${JSON.stringify(this.source)}`);
  }

  /** The options of `${n|a,b|}`, after the first `|`; leaves the reader after the `|}`. */
  private choiceOptions(): string[] {
    const options: string[] = [];
    let current = '';
    while (this.at < this.source.length) {
      const c = this.source[this.at];
      if (c === '\\' && this.at + 1 < this.source.length && ',|\\$}'.includes(this.source[this.at + 1])) {
        current += this.source[this.at + 1];
        this.at += 2;
      } else if (c === ',') {
        options.push(current);
        current = '';
        this.at++;
      } else if (c === '|' && this.source[this.at + 1] === '}') {
        options.push(current);
        this.at += 2;
        return options;
      } else {
        current += c;
        this.at++;
      }
    }
    throw new Error(`unclosed choice in snippet ${JSON.stringify(this.source)}`);
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The clean text less the characters that the source ranges cover: what a
 * fix that turns article text into markup must leave. Ranges map into the
 * clean text with the document's own map (markup collapses).
 */
export function cleanTextWithout(document: ReportDocument, ranges: readonly OffsetRange[]): string {
  const clean = ranges
    .map((range) => ({ start: document.sourceToClean(range.start), end: document.sourceToClean(range.end) }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start);
  let result = '';
  let at = 0;
  for (const range of clean) {
    if (range.start > at) result += document.cleanText.slice(at, range.start);
    at = Math.max(at, range.end);
  }
  return result + document.cleanText.slice(at);
}

/** Where two texts first differ, and both around it, for failure messages. */
export function describeDifference(expected: string, actual: string, context = 40): string {
  let at = 0;
  while (at < expected.length && at < actual.length && expected[at] === actual[at]) at++;
  const around = (text: string) => {
    const from = Math.max(0, at - context);
    return `${from > 0 ? '…' : ''}${JSON.stringify(text.slice(from, at + context))}${at + context < text.length ? '…' : ''}`;
  };
  return [
    `first difference at clean offset ${at} (lengths ${expected.length} expected, ${actual.length} actual)`,
    `  expected: ${around(expected)}`,
    `  actual:   ${around(actual)}`,
  ].join('\n');
}
