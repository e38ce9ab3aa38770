// The messages between the coded reader's webview and the extension. The
// webview is untrusted: the host validates everything it receives from it
// (the validators below the types), and the webview validates what it gets.
// Types only above the validators: the webview bundle imports the types.
import type { ReaderResult } from '../../protocol/reader';
import { boundedString, fail, onlyKeys, parsed, plainObject, stringList, wholeNumber, type Parsed } from '../messageChecks';

export type { Parsed } from '../messageChecks';

export interface ReaderFilters {
  /** Code names that stand out (none chosen: all do). */
  readonly codes: readonly string[];
  readonly themes: readonly string[];
}

/** What the webview keeps with `setState`, for a reload. */
export interface ReaderState {
  readonly uri: string;
  readonly filters: ReaderFilters;
  /** The clean-text offset at the top of the view. */
  readonly offset: number;
}

/** What the reader displays, read back from its DOM (test builds only: the answer to a probe). */
export interface ReaderFacts {
  /** The `seq` of the model drawn; null before the first. */
  readonly seq: number | null;
  /** The header's title and its fields (label -> value), and the report's memo. */
  readonly title: string;
  readonly header: Readonly<Record<string, string>>;
  readonly reportMemo: string | null;
  /** Paragraph blocks in view not drawn yet, counted before the other facts draw every block. */
  readonly undrawnInView: number;
  /** Passages with at least one highlight element, and stripe elements in the margin. */
  readonly passages: number;
  readonly stripes: number;
  /** The memos of passages present in the DOM, in passage order. */
  readonly passageMemos: readonly string[];
  /** Passages drawn faded by the filters, and those standing out. */
  readonly faded: number;
  readonly highlighted: number;
  /** The toolbar's code buttons, in order (code names). */
  readonly codes: readonly string[];
  /** The clean offset at the top of the view. */
  readonly topOffset: number;
  /** The text selected in the reader: what a copy of it puts on the clipboard (the clean text, when the selection is in the article). */
  readonly selection: string;
  /** The status line (tagging results). */
  readonly status: string;
  /** The article as rendered (text content): the model's clean text. */
  readonly text: string;
  /** The theme the webview is drawn in: its body's `data-vscode-theme-kind` (vscode-light, vscode-dark, vscode-high-contrast, vscode-high-contrast-light). */
  readonly themeKind: string;
  /** Elements that would load something, script elements, on* attributes: 0 whatever the report holds. */
  readonly images: number;
  readonly scripts: number;
  readonly handlers: number;
}

/** Test builds only: what the host asks of the webview, each answered with `test:reply` and the facts after acting. */
export type ReaderProbe =
  | { readonly type: 'test:inspect'; readonly id: number }
  /** Select this clean-text range in the article. */
  | { readonly type: 'test:select'; readonly id: number; readonly start: number; readonly end: number }
  /** Click the toolbar button of a code (with the current selection). */
  | { readonly type: 'test:tagButton'; readonly id: number; readonly code: string }
  /** A key pressed where the reader listens (its tagging shortcuts). */
  | { readonly type: 'test:key'; readonly id: number; readonly key: string; readonly ctrl: boolean; readonly alt: boolean; readonly shift: boolean }
  /** Scroll as a user would, bringing this clean offset to the top; answers once the scroll settled. */
  | { readonly type: 'test:scroll'; readonly id: number; readonly offset: number }
  /** Set the filter chips to these codes and themes. */
  | { readonly type: 'test:filter'; readonly id: number; readonly codes: readonly string[]; readonly themes: readonly string[] }
  /** Click a passage's highlight. */
  | { readonly type: 'test:click'; readonly id: number; readonly passage: number }
  /** Post `message` to the host as if it were the webview's own. */
  | { readonly type: 'test:post'; readonly id: number; readonly message: unknown };

export type ToReader =
  | { readonly type: 'model'; readonly seq: number; readonly uri: string; readonly model: ReaderResult }
  /**
   * The same as `model`, the model as JSON text: one string crosses into the
   * webview in milliseconds, where the object graph of a report with thousands
   * of passages takes hundreds (each hop clones it). The webview parses and
   * checks it as it checks `model`.
   */
  | { readonly type: 'modelJson'; readonly seq: number; readonly uri: string; readonly json: string }
  /**
   * What changed since the model of the message `base` (core/reader/readerDelta.ts),
   * as JSON text. The webview applies it to that model if it holds it, and
   * says `needModel` if not.
   */
  | { readonly type: 'modelDelta'; readonly seq: number; readonly uri: string; readonly base: number; readonly json: string }
  | { readonly type: 'notice'; readonly seq: number; readonly text: string }
  /** The source editor scrolled: bring this clean offset to the top, without answering `scrolled`. */
  | { readonly type: 'reveal'; readonly offset: number }
  /** What became of the last `tag`. */
  | { readonly type: 'tagged'; readonly ok: boolean; readonly message: string | null }
  /** VS Code restored the panel: the filters and position to take up again. */
  | { readonly type: 'restore'; readonly filters: ReaderFilters; readonly offset: number }
  /** Test builds only: probes answered with `test:reply`. */
  | { readonly type: `test:${string}`; readonly id: number; readonly [key: string]: unknown };

export type FromReader =
  | { readonly type: 'ready' }
  /** A `modelDelta` could not be applied (the webview holds another model): send the whole model. */
  | { readonly type: 'needModel' }
  | { readonly type: 'rendered'; readonly seq: number; readonly passages: number; readonly stripes: number }
  /** Reveal and select the passage in the source. */
  | { readonly type: 'open'; readonly passage: number }
  /** Tag the clean-text selection (UTF-16 units, half-open) with these codes (and themes). */
  | { readonly type: 'tag'; readonly start: number; readonly end: number; readonly codes: readonly string[]; readonly themes: readonly string[] }
  /** The clean offset now at the top of the view (throttled). */
  | { readonly type: 'scrolled'; readonly offset: number }
  | { readonly type: 'filters'; readonly codes: readonly string[]; readonly themes: readonly string[] }
  | { readonly type: 'saveHtml' }
  | { readonly type: 'addMemo'; readonly passage: number }
  /** Test builds only: the answer to a probe. */
  | { readonly type: 'test:reply'; readonly id: number; readonly facts: ReaderFacts | null };

// ------------------------------------------------------------ checks on what the webview sends

/** What the webview may refer to: the text and passages of the model it was last sent. */
export interface ReaderBounds {
  readonly textLength: number;
  readonly passages: number;
  readonly codes: readonly string[];
  readonly themes: readonly string[];
}

const MAX_NAME = 200;
const MAX_NAMES = 1000;
const MAX_URI = 4096;
const MAX_FACT_TEXT = 10_000_000;

function bounded(bounds: ReaderBounds | null, what: string): ReaderBounds {
  return bounds ?? fail(`${what} before any report was shown`);
}

function offset(value: unknown, bounds: ReaderBounds, what: string): number {
  return wholeNumber(value, what, bounds.textLength);
}

function passage(value: unknown, bounds: ReaderBounds): number {
  if (bounds.passages === 0) fail('passage: the report has no passages');
  return wholeNumber(value, 'passage', bounds.passages - 1);
}

/** Names each once, each one of `known`. */
function knownNames(value: unknown, known: readonly string[], what: string): string[] {
  const names = stringList(value, what, MAX_NAMES, MAX_NAME);
  for (const name of names) if (!known.includes(name)) fail(`${what}: "${name.slice(0, 50)}" is not in the report's codebook`);
  if (new Set(names).size !== names.length) fail(`${what} names one twice`);
  return names;
}

function filtersOf(value: Record<string, unknown>, what: string): ReaderFilters {
  const codes = stringList(value.codes, `${what}.codes`, MAX_NAMES, MAX_NAME);
  const themes = stringList(value.themes, `${what}.themes`, MAX_NAMES, MAX_NAME);
  return { codes: [...new Set(codes)], themes: [...new Set(themes)] };
}

function readerState(raw: unknown): ReaderState {
  const o = plainObject(raw, 'state');
  onlyKeys(o, ['uri', 'filters', 'offset'], 'state');
  const uri = boundedString(o.uri, 'state.uri', MAX_URI);
  if (uri === '') fail('state.uri is empty');
  const filters = plainObject(o.filters, 'state.filters');
  onlyKeys(filters, ['codes', 'themes'], 'state.filters');
  return { uri, filters: filtersOf(filters, 'state.filters'), offset: wholeNumber(o.offset, 'state.offset') };
}

/** A state the webview saved (the serializer's argument after a reload), or null when it is not one. */
export function parseReaderState(raw: unknown): ReaderState | null {
  const result = parsed(() => readerState(raw));
  return result.ok ? result.message : null;
}

function nameRecord(value: unknown, what: string): Record<string, string> {
  const o = plainObject(value, what);
  const keys = Object.keys(o);
  if (keys.length > MAX_NAMES) fail(`${what} has too many keys`);
  const copy: Record<string, string> = {};
  for (const key of keys) copy[boundedString(key, `${what} key`, MAX_NAME)] = boundedString(o[key], `${what}.${key.slice(0, 50)}`, MAX_FACT_TEXT);
  return copy;
}

function readerFacts(value: unknown): ReaderFacts {
  const o = plainObject(value, 'facts');
  onlyKeys(o, ['seq', 'title', 'header', 'reportMemo', 'undrawnInView', 'passages', 'stripes', 'passageMemos', 'faded', 'highlighted', 'codes', 'topOffset', 'selection', 'status', 'text', 'themeKind', 'images', 'scripts', 'handlers'], 'facts');
  return {
    seq: o.seq === null ? null : wholeNumber(o.seq, 'facts.seq'),
    title: boundedString(o.title, 'facts.title', MAX_FACT_TEXT),
    header: nameRecord(o.header, 'facts.header'),
    reportMemo: o.reportMemo === null ? null : boundedString(o.reportMemo, 'facts.reportMemo', MAX_FACT_TEXT),
    undrawnInView: wholeNumber(o.undrawnInView, 'facts.undrawnInView'),
    passages: wholeNumber(o.passages, 'facts.passages'),
    stripes: wholeNumber(o.stripes, 'facts.stripes'),
    passageMemos: stringList(o.passageMemos, 'facts.passageMemos', 1_000_000, MAX_FACT_TEXT),
    faded: wholeNumber(o.faded, 'facts.faded'),
    highlighted: wholeNumber(o.highlighted, 'facts.highlighted'),
    codes: stringList(o.codes, 'facts.codes', MAX_NAMES, MAX_NAME),
    topOffset: wholeNumber(o.topOffset, 'facts.topOffset'),
    selection: boundedString(o.selection, 'facts.selection', MAX_FACT_TEXT),
    status: boundedString(o.status, 'facts.status', MAX_FACT_TEXT),
    text: boundedString(o.text, 'facts.text', MAX_FACT_TEXT),
    themeKind: boundedString(o.themeKind, 'facts.themeKind', MAX_NAME),
    images: wholeNumber(o.images, 'facts.images'),
    scripts: wholeNumber(o.scripts, 'facts.scripts'),
    handlers: wholeNumber(o.handlers, 'facts.handlers'),
  };
}

function fromReader(raw: unknown, bounds: ReaderBounds | null): FromReader {
  const o = plainObject(raw, 'the message');
  const type = o.type;
  switch (type) {
    case 'ready':
    case 'needModel':
    case 'saveHtml':
      onlyKeys(o, ['type'], type);
      return { type };
    case 'rendered':
      onlyKeys(o, ['type', 'seq', 'passages', 'stripes'], type);
      return { type, seq: wholeNumber(o.seq, 'seq'), passages: wholeNumber(o.passages, 'passages'), stripes: wholeNumber(o.stripes, 'stripes') };
    case 'open':
    case 'addMemo':
      onlyKeys(o, ['type', 'passage'], type);
      return { type, passage: passage(o.passage, bounded(bounds, type)) };
    case 'tag': {
      onlyKeys(o, ['type', 'start', 'end', 'codes', 'themes'], type);
      const model = bounded(bounds, type);
      const start = offset(o.start, model, 'start');
      const end = offset(o.end, model, 'end');
      if (end <= start) fail('tag: the selection is empty or ends before it starts');
      const codes = knownNames(o.codes, model.codes, 'codes');
      if (codes.length === 0) fail('tag: no code');
      return { type, start, end, codes, themes: knownNames(o.themes ?? [], model.themes, 'themes') };
    }
    case 'scrolled':
      onlyKeys(o, ['type', 'offset'], type);
      return { type, offset: offset(o.offset, bounded(bounds, type), 'offset') };
    case 'filters':
      onlyKeys(o, ['type', 'codes', 'themes'], type);
      return { type, ...filtersOf(o, 'filters') };
    default:
      // Production builds know no probe answers (their checks are compiled out with them).
      if (FINDINGS_TEST_SEAMS && type === 'test:reply') {
        onlyKeys(o, ['type', 'id', 'facts'], type);
        return { type, id: wholeNumber(o.id, 'id'), facts: o.facts === null ? null : readerFacts(o.facts) };
      }
      return fail(`unknown message type ${JSON.stringify(typeof type === 'string' ? type.slice(0, 50) : typeof type)}`);
  }
}

/**
 * Checks a message from the webview against the model it was last sent
 * (offsets inside its text, passages among its passages, codes and themes of
 * its codebook); returns a fresh, checked copy or why it was rejected.
 */
export function parseFromReader(raw: unknown, bounds: ReaderBounds | null): Parsed<FromReader> {
  return parsed(() => fromReader(raw, bounds));
}
