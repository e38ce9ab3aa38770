import type { OffsetRange } from '../text/range';
import type { FieldItem, FieldNode } from './types';

/**
 * A fast reader for the plain front matter nearly every report has: `key:
 * value` lines with text, quoted text without escapes and `[a, b]` lists, and
 * one level of indented `key: value` or `- item` lines. It gives exactly the
 * fields, values and ranges the `yaml` package gives for the same text (a
 * differential test holds it to that) and returns undefined for anything else
 * - numbers, booleans, nulls, escapes, anchors, tags, block scalars, flow
 * mappings, duplicate keys, tabs, errors - so that the `yaml` package reads it.
 * It exists for speed: the full YAML composer costs about ten times more.
 */
export function readSimpleFrontMatter(text: string, start: number, end: number): FieldNode[] | undefined {
  const lines = splitLines(text, start, end);
  const fields: FieldNode[] = [];
  const keys = new Set<string>();
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.blank) {
      i++;
      continue;
    }
    if (line.indent !== 0) return undefined;
    const entry = readKey(text, line.contentStart, line.end);
    if (!entry || keys.has(entry.key)) return undefined;
    keys.add(entry.key);
    if (entry.valueStart < line.end && !isCommentStart(text, entry.valueStart, line.end)) {
      const value = readValue(text, entry.valueStart, line.end);
      if (!value) return undefined;
      fields.push({ key: entry.key, keyRange: entry.keyRange, valueRange: value.range, value: value.value, items: value.items });
      i++;
      continue;
    }
    // A key with nothing after it: an indented mapping or a list must follow.
    let j = i + 1;
    while (j < lines.length && lines[j].blank) j++;
    const first = lines[j];
    if (!first) return undefined;
    const isList = text.charCodeAt(first.contentStart) === DASH && isSpaceOrEnd(text, first.contentStart + 1, first.end);
    if (!isList && first.indent === 0) return undefined;
    const nested = isList ? readBlockList(text, lines, j, first.indent) : readBlockMap(text, lines, j, first.indent);
    if (!nested) return undefined;
    fields.push({ key: entry.key, keyRange: entry.keyRange, valueRange: nested.range, value: nested.value, children: nested.children, items: nested.items });
    i = nested.next;
  }
  return fields;
}

interface Line {
  readonly start: number;
  readonly end: number;
  readonly indent: number;
  readonly contentStart: number;
  readonly blank: boolean;
}

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const OPEN_SQUARE = 91;
const CLOSE_SQUARE = 93;
const COMMA = 44;

function splitLines(text: string, start: number, end: number): Line[] {
  const lines: Line[] = [];
  let lineStart = start;
  while (lineStart < end) {
    let newline = text.indexOf('\n', lineStart);
    if (newline === -1 || newline > end) newline = end;
    let lineEnd = newline;
    if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    let content = lineStart;
    while (content < lineEnd && text.charCodeAt(content) === SPACE) content++;
    const blank = content === lineEnd || text.charCodeAt(content) === HASH;
    lines.push({ start: lineStart, end: lineEnd, indent: content - lineStart, contentStart: content, blank });
    lineStart = newline + 1;
  }
  return lines;
}

const KEY = /[A-Za-z_][A-Za-z0-9_-]*/y;

function readKey(text: string, at: number, end: number): { key: string; keyRange: OffsetRange; valueStart: number } | undefined {
  KEY.lastIndex = at;
  if (!KEY.test(text) || KEY.lastIndex > end) return undefined;
  const keyEnd = KEY.lastIndex;
  if (text.charCodeAt(keyEnd) !== COLON || !isSpaceOrEnd(text, keyEnd + 1, end)) return undefined;
  let valueStart = keyEnd + 1;
  while (valueStart < end && text.charCodeAt(valueStart) === SPACE) valueStart++;
  return { key: text.slice(at, keyEnd), keyRange: { start: at, end: keyEnd }, valueStart };
}

interface Value {
  readonly value: unknown;
  readonly range: OffsetRange;
  readonly items?: FieldItem[];
}

/** A value that fills the rest of its line, followed at most by spaces and a comment. */
function readValue(text: string, at: number, end: number): Value | undefined {
  const code = text.charCodeAt(at);
  if (code === OPEN_SQUARE) return readFlowList(text, at, end);
  const scalar = readScalar(text, at, end, false);
  if (!scalar || !restIsComment(text, scalar.after, end)) return undefined;
  return { value: scalar.value, range: scalar.range };
}

interface Scalar {
  readonly value: string;
  readonly range: OffsetRange;
  /** Where reading stopped (after the closing quote, or after the plain text). */
  readonly after: number;
}

/**
 * A quoted string without escapes, or plain text that the YAML core schema
 * reads as a string. Inside a flow list, `,` and `]` end plain text.
 */
function readScalar(text: string, at: number, end: number, inFlow: boolean): Scalar | undefined {
  const code = text.charCodeAt(at);
  if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
    const close = text.indexOf(code === DOUBLE_QUOTE ? '"' : "'", at + 1);
    if (close === -1 || close >= end) return undefined;
    const inner = text.slice(at + 1, close);
    if (code === DOUBLE_QUOTE && inner.includes('\\')) return undefined;
    if (code === SINGLE_QUOTE && text.charCodeAt(close + 1) === SINGLE_QUOTE) return undefined;
    return { value: inner, range: { start: at, end: close + 1 }, after: close + 1 };
  }
  if (!canStartPlain(text, at, end)) return undefined;
  let i = at;
  let lastNonSpace = at;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === TAB) return undefined;
    if (c === HASH && text.charCodeAt(i - 1) === SPACE) break;
    if (c === COLON && isSpaceOrEnd(text, i + 1, end)) return undefined;
    if (inFlow && (c === COMMA || c === CLOSE_SQUARE)) break;
    if (inFlow && (c === OPEN_SQUARE || c === 123 || c === 125)) return undefined;
    if (c !== SPACE) lastNonSpace = i + 1;
    i++;
  }
  const value = text.slice(at, lastNonSpace);
  if (value === '' || !isPlainString(value)) return undefined;
  return { value, range: { start: at, end: lastNonSpace }, after: lastNonSpace };
}

/** `[a, b, "c"]` on one line. */
function readFlowList(text: string, at: number, end: number): Value | undefined {
  const items: FieldItem[] = [];
  let i = skipSpaces(text, at + 1, end);
  if (text.charCodeAt(i) === CLOSE_SQUARE) {
    return restIsComment(text, i + 1, end) ? { value: [], range: { start: at, end: i + 1 }, items } : undefined;
  }
  for (;;) {
    const item = readScalar(text, i, end, true);
    if (!item) return undefined;
    items.push({ value: item.value, range: item.range });
    i = skipSpaces(text, item.after, end);
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i = skipSpaces(text, i + 1, end);
      if (text.charCodeAt(i) === CLOSE_SQUARE) return undefined;
      continue;
    }
    if (c !== CLOSE_SQUARE || !restIsComment(text, i + 1, end)) return undefined;
    return { value: items.map((entry) => entry.value), range: { start: at, end: i + 1 }, items };
  }
}

/** Indented `key: value` lines under a key, all at the same indent. */
function readBlockMap(text: string, lines: readonly Line[], from: number, indent: number) {
  const children: FieldNode[] = [];
  const keys = new Set<string>();
  const value: Record<string, unknown> = {};
  let i = from;
  while (i < lines.length) {
    const line = lines[i];
    if (line.blank) {
      i++;
      continue;
    }
    if (line.indent < indent) break;
    if (line.indent > indent) return undefined;
    const entry = readKey(text, line.contentStart, line.end);
    if (!entry || keys.has(entry.key) || entry.valueStart >= line.end || isCommentStart(text, entry.valueStart, line.end)) return undefined;
    keys.add(entry.key);
    const child = readValue(text, entry.valueStart, line.end);
    // YAML stretches a block collection over a comment after its last value: leave those to it.
    if (!child || child.items || skipSpaces(text, child.range.end, line.end) < line.end) return undefined;
    children.push({ key: entry.key, keyRange: entry.keyRange, valueRange: child.range, value: child.value });
    value[entry.key] = child.value;
    i++;
  }
  if (children.length === 0 || lines[i]?.indent > 0) return undefined;
  return { range: { start: lines[from].contentStart, end: children[children.length - 1].valueRange.end }, value, children, items: undefined, next: i };
}

/** `- item` lines under a key. */
function readBlockList(text: string, lines: readonly Line[], from: number, indent: number) {
  const items: FieldItem[] = [];
  let i = from;
  while (i < lines.length) {
    const line = lines[i];
    if (line.blank) {
      i++;
      continue;
    }
    if (line.indent !== indent || text.charCodeAt(line.contentStart) !== DASH) break;
    if (!isSpaceOrEnd(text, line.contentStart + 1, line.end)) return undefined;
    const itemStart = skipSpaces(text, line.contentStart + 1, line.end);
    if (itemStart >= line.end || text.charCodeAt(itemStart) === OPEN_SQUARE) return undefined;
    const item = readScalar(text, itemStart, line.end, false);
    if (!item || skipSpaces(text, item.after, line.end) < line.end) return undefined;
    items.push({ value: item.value, range: item.range });
    i++;
  }
  if (items.length === 0 || (lines[i] && lines[i].indent > 0)) return undefined;
  return { range: { start: lines[from].contentStart, end: items[items.length - 1].range.end }, value: items.map((item) => item.value), children: undefined, items, next: i };
}

function canStartPlain(text: string, at: number, end: number): boolean {
  if (at >= end) return false;
  const c = text.charCodeAt(at);
  if (c < 128 && NOT_PLAIN_START[c] === 1) return false;
  if ((c === DASH || c === QUESTION || c === COLON) && isSpaceOrEnd(text, at + 1, end)) return false;
  return true;
}

const QUESTION = 63;
/** The ASCII characters a plain YAML value cannot start with: `[]{},#&*!|>'"%@` and the backquote. */
const NOT_PLAIN_START = new Uint8Array(128);
for (const c of '[]{},#&*!|>\'"%@`') NOT_PLAIN_START[c.charCodeAt(0)] = 1;

const MAYBE_NOT_STRING = /^[~nNtTfF+\-.0-9]/;

/** Plain text the YAML 1.2 core schema keeps as a string (not null, a boolean or a number). */
function isPlainString(value: string): boolean {
  // Nulls, booleans and numbers all start with one of `~nNtTfF+-.` or a digit: anything else is text.
  if (!MAYBE_NOT_STRING.test(value)) return true;
  if (/^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/.test(value)) return false;
  if (/^[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(value)) return false;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(value)) return false;
  if (/^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/.test(value)) return false;
  return true;
}

function isSpaceOrEnd(text: string, at: number, end: number): boolean {
  return at >= end || text.charCodeAt(at) === SPACE;
}

function isCommentStart(text: string, at: number, end: number): boolean {
  return at < end && text.charCodeAt(at) === HASH;
}

function skipSpaces(text: string, at: number, end: number): number {
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  return at;
}

function restIsComment(text: string, at: number, end: number): boolean {
  const next = skipSpaces(text, at, end);
  if (next >= end) return true;
  return text.charCodeAt(next) === HASH && next > at && text.charCodeAt(next - 1) === SPACE;
}
