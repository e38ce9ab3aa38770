// The messages between the "Compare Annotations" webview and the extension.
// The webview is untrusted: the host checks everything it receives from it
// (the validators below the types) against what it last sent, and the
// webview checks what it gets (webview/validate.ts). Types only above the
// validators: the webview bundle imports the types.
import type { CompareResult } from '../../protocol/compare';
import { boundedString, fail, onlyKeys, parsed, plainObject, stringList, wholeNumber, type Parsed } from '../messageChecks';

export type { Parsed } from '../messageChecks';

/** What the webview keeps with `setState`, for a reload: the report compared, the copies shown. */
export interface CompareState {
  readonly uri: string;
  /** The annotators whose columns are shown; empty: the default choice. */
  readonly shown: readonly string[];
}

/** One column as drawn, read back from the DOM (test builds only). */
export interface ColumnFacts {
  readonly annotator: string;
  /** The column's article as rendered (text content): the clean text. */
  readonly text: string;
  /** Passages with a highlight, and how many are drawn with each status. */
  readonly passages: number;
  readonly statuses: Readonly<Record<string, number>>;
  /** The screen-reader names of the first passages (their status included). */
  readonly labels: readonly string[];
  /** The clean offset at the top of the column. */
  readonly topOffset: number;
}

/** What the comparison displays, read back from its DOM (test builds only: the answer to a probe). */
export interface CompareFacts {
  readonly seq: number | null;
  readonly title: string;
  /** The statement of what is compared: annotators, length, unit. */
  readonly statement: string;
  /** The columns shown, in order. */
  readonly columns: readonly ColumnFacts[];
  /** The toggle of each copy: shown or not. */
  readonly toggles: Readonly<Record<string, boolean>>;
  /** The table by code: code -> column heading -> cell text. */
  readonly byCode: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The table by pair (all codes): "first / second" -> column heading -> cell text; empty for two annotators. */
  readonly byPair: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The legend's entries, as text. */
  readonly legend: readonly string[];
  /** A notice shown instead of the comparison ('' without one). */
  readonly notice: string;
  /** The element with the keyboard focus (its accessible name). */
  readonly focused: string;
  /** The body's `data-vscode-theme-kind`. */
  readonly themeKind: string;
  /** Elements that would load something, script elements, on* attributes: 0 whatever the reports hold. */
  readonly images: number;
  readonly scripts: number;
  readonly handlers: number;
}

/** Test builds only: what the host asks of the webview, each answered with `test:reply` and the facts after acting. */
export type CompareProbe =
  | { readonly type: 'test:inspect'; readonly id: number }
  /** Press a copy's toggle (show or hide its column). */
  | { readonly type: 'test:toggle'; readonly id: number; readonly annotator: string }
  /** Click a passage of a copy (by position in the copy's passages). */
  | { readonly type: 'test:click'; readonly id: number; readonly copy: number; readonly passage: number }
  /** Focus a passage of a copy and press a key on it. */
  | { readonly type: 'test:key'; readonly id: number; readonly copy: number; readonly passage: number; readonly key: string }
  /** Scroll a copy's column as a user would, bringing a clean offset (UTF-16) to its top; answers once the others followed. */
  | { readonly type: 'test:scroll'; readonly id: number; readonly copy: number; readonly offset: number }
  /** Post `message` to the host as if it were the webview's own. */
  | { readonly type: 'test:post'; readonly id: number; readonly message: unknown };

export type ToCompare =
  /** `shown`: the annotators whose columns to show (as the webview last said, or as restored); empty: the default choice. */
  | { readonly type: 'model'; readonly seq: number; readonly uri: string; readonly title: string; readonly result: CompareResult; readonly shown: readonly string[] }
  | { readonly type: 'notice'; readonly seq: number; readonly text: string }
  /** Test builds only: probes answered with `test:reply`. */
  | { readonly type: `test:${string}`; readonly id: number; readonly [key: string]: unknown };

export type FromCompare =
  | { readonly type: 'ready' }
  | { readonly type: 'rendered'; readonly seq: number; readonly columns: number; readonly passages: number }
  /** Open a copy at one of its passages (positions in the last model). */
  | { readonly type: 'open'; readonly copy: number; readonly passage: number }
  /** The columns now shown. */
  | { readonly type: 'columns'; readonly shown: readonly string[] }
  /** Test builds only: the answer to a probe. */
  | { readonly type: 'test:reply'; readonly id: number; readonly facts: CompareFacts | null };

// ------------------------------------------------------------ checks on what the webview sends

/** What the webview may refer to: the copies of the model it was last sent. */
export interface CompareBounds {
  readonly annotators: readonly string[];
  /** Passages of each copy. */
  readonly passages: readonly number[];
}

const MAX_NAME = 1000;
const MAX_NAMES = 1000;
const MAX_URI = 4096;
const MAX_FACT_TEXT = 10_000_000;

function bounded(bounds: CompareBounds | null, what: string): CompareBounds {
  return bounds ?? fail(`${what} before any comparison was shown`);
}

function compareState(raw: unknown): CompareState {
  const o = plainObject(raw, 'state');
  onlyKeys(o, ['uri', 'shown'], 'state');
  const uri = boundedString(o.uri, 'state.uri', MAX_URI);
  if (uri === '') fail('state.uri is empty');
  return { uri, shown: [...new Set(stringList(o.shown ?? [], 'state.shown', MAX_NAMES, MAX_NAME))] };
}

/** A state the webview saved (the serializer's argument after a reload), or null when it is not one. */
export function parseCompareState(raw: unknown): CompareState | null {
  const result = parsed(() => compareState(raw));
  return result.ok ? result.message : null;
}

function record(value: unknown, what: string): Record<string, string> {
  const o = plainObject(value, what);
  if (Object.keys(o).length > MAX_NAMES) fail(`${what} has too many keys`);
  const copy: Record<string, string> = {};
  for (const [key, cell] of Object.entries(o)) copy[boundedString(key, `${what} key`, MAX_NAME)] = boundedString(cell, `${what}.${key.slice(0, 50)}`, MAX_FACT_TEXT);
  return copy;
}

function table(value: unknown, what: string): Record<string, Record<string, string>> {
  const o = plainObject(value, what);
  if (Object.keys(o).length > MAX_NAMES) fail(`${what} has too many rows`);
  const copy: Record<string, Record<string, string>> = {};
  for (const [key, row] of Object.entries(o)) copy[boundedString(key, `${what} key`, MAX_NAME)] = record(row, `${what}.${key.slice(0, 50)}`);
  return copy;
}

function columnFacts(value: unknown, what: string): ColumnFacts {
  const o = plainObject(value, what);
  onlyKeys(o, ['annotator', 'text', 'passages', 'statuses', 'labels', 'topOffset'], what);
  const statuses = plainObject(o.statuses, `${what}.statuses`);
  const counts: Record<string, number> = {};
  for (const [key, n] of Object.entries(statuses)) counts[boundedString(key, `${what}.statuses key`, MAX_NAME)] = wholeNumber(n, `${what}.statuses.${key.slice(0, 50)}`);
  return {
    annotator: boundedString(o.annotator, `${what}.annotator`, MAX_NAME),
    text: boundedString(o.text, `${what}.text`, MAX_FACT_TEXT),
    passages: wholeNumber(o.passages, `${what}.passages`),
    statuses: counts,
    labels: stringList(o.labels, `${what}.labels`, 1_000_000, MAX_FACT_TEXT),
    topOffset: wholeNumber(o.topOffset, `${what}.topOffset`),
  };
}

function compareFacts(value: unknown): CompareFacts {
  const o = plainObject(value, 'facts');
  onlyKeys(o, ['seq', 'title', 'statement', 'columns', 'toggles', 'byCode', 'byPair', 'legend', 'notice', 'focused', 'themeKind', 'images', 'scripts', 'handlers'], 'facts');
  if (!Array.isArray(o.columns) || o.columns.length > MAX_NAMES) fail('facts.columns is not a list');
  const toggles = plainObject(o.toggles, 'facts.toggles');
  const shown: Record<string, boolean> = {};
  for (const [key, on] of Object.entries(toggles)) {
    if (typeof on !== 'boolean') fail('facts.toggles holds something else than true or false');
    shown[boundedString(key, 'facts.toggles key', MAX_NAME)] = on;
  }
  return {
    seq: o.seq === null ? null : wholeNumber(o.seq, 'facts.seq'),
    title: boundedString(o.title, 'facts.title', MAX_FACT_TEXT),
    statement: boundedString(o.statement, 'facts.statement', MAX_FACT_TEXT),
    columns: o.columns.map((column, i) => columnFacts(column, `facts.columns[${i}]`)),
    toggles: shown,
    byCode: table(o.byCode, 'facts.byCode'),
    byPair: table(o.byPair, 'facts.byPair'),
    legend: stringList(o.legend, 'facts.legend', MAX_NAMES, MAX_FACT_TEXT),
    notice: boundedString(o.notice, 'facts.notice', MAX_FACT_TEXT),
    focused: boundedString(o.focused, 'facts.focused', MAX_FACT_TEXT),
    themeKind: boundedString(o.themeKind, 'facts.themeKind', MAX_NAME),
    images: wholeNumber(o.images, 'facts.images'),
    scripts: wholeNumber(o.scripts, 'facts.scripts'),
    handlers: wholeNumber(o.handlers, 'facts.handlers'),
  };
}

function fromCompare(raw: unknown, bounds: CompareBounds | null): FromCompare {
  const o = plainObject(raw, 'the message');
  const type = o.type;
  switch (type) {
    case 'ready':
      onlyKeys(o, ['type'], type);
      return { type };
    case 'rendered':
      onlyKeys(o, ['type', 'seq', 'columns', 'passages'], type);
      return { type, seq: wholeNumber(o.seq, 'seq'), columns: wholeNumber(o.columns, 'columns'), passages: wholeNumber(o.passages, 'passages') };
    case 'open': {
      onlyKeys(o, ['type', 'copy', 'passage'], type);
      const known = bounded(bounds, type);
      const copy = wholeNumber(o.copy, 'copy', known.annotators.length - 1);
      if (known.passages[copy] === 0) fail(`open: ${known.annotators[copy].slice(0, 50)}'s copy has no passages`);
      return { type, copy, passage: wholeNumber(o.passage, 'passage', known.passages[copy] - 1) };
    }
    case 'columns': {
      onlyKeys(o, ['type', 'shown'], type);
      const known = bounded(bounds, type);
      const shown = stringList(o.shown, 'shown', MAX_NAMES, MAX_NAME);
      for (const name of shown) if (!known.annotators.includes(name)) fail(`columns: "${name.slice(0, 50)}" is not an annotator of the article`);
      if (new Set(shown).size !== shown.length) fail('columns names one twice');
      return { type, shown };
    }
    default:
      // Production builds know no probe answers (their checks are compiled out with them).
      if (FINDINGS_TEST_SEAMS && type === 'test:reply') {
        onlyKeys(o, ['type', 'id', 'facts'], type);
        return { type, id: wholeNumber(o.id, 'id'), facts: o.facts === null ? null : compareFacts(o.facts) };
      }
      return fail(`unknown message type ${JSON.stringify(typeof type === 'string' ? type.slice(0, 50) : typeof type)}`);
  }
}

/**
 * Checks a message from the webview against the comparison it was last sent
 * (copies among its copies, passages among each copy's passages); returns a
 * fresh, checked copy or why it was rejected.
 */
export function parseFromCompare(raw: unknown, bounds: CompareBounds | null): Parsed<FromCompare> {
  return parsed(() => fromCompare(raw, bounds));
}
