// Messages between the summary panel (extension side) and its webview, and
// the checks on what the webview sends. Imports no runtime code but plain
// constants, so the webview bundle and the unit tests use it as is.
//
// The webview is treated as untrusted: every message from it goes through
// `parseFromWebview`, which returns a fresh, fully checked copy or the reason
// it was rejected.
import type { AgreementDocument, FindingsPageResult, SummaryResult } from '../../protocol';
import { FINDINGS_SORTS, MAX_PAGE_FINDINGS, type FindingsSort } from '../../protocol/findingsPaging';

export type { FindingsSort };

export type PanelScope = 'document' | 'workspace';
export const PANEL_SCOPES: readonly PanelScope[] = ['document', 'workspace'];

export interface PanelFilters {
  readonly code: string;
  readonly theme: string;
  readonly area: string;
  readonly text: string;
}
export const NO_FILTERS: PanelFilters = { code: '', theme: '', area: '', text: '' };

/** The list's order when a saved state names none. */
export const DEFAULT_SORT: FindingsSort = 'report';

/** What the webview keeps with `setState`; the serializer restores the panel from it after a reload. */
export interface PanelState {
  readonly scope: PanelScope;
  readonly filters: PanelFilters;
  /** The findings list's order (a state saved before there was a choice has none: report order). */
  readonly sort: FindingsSort;
  /** The report of the document scope. */
  readonly documentUri: string | null;
}

export interface LspRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

// ------------------------------------------------------------ extension -> webview

export interface UpdateMessage {
  readonly type: 'update';
  /** Counts the updates sent; the webview's `rendered` names the one it drew (the overview, and the list's rows in view once their pages came). */
  readonly seq: number;
  readonly scope: PanelScope;
  readonly documentUri: string | null;
  /** The summary to show; null with `notice` or `error`. */
  readonly summary: SummaryResult | null;
  /** Why there is nothing to show (no report open). */
  readonly notice: string | null;
  readonly error: string | null;
  /** The workspace's agreement figures (`findings/agreement`): workspace scope only; null when no article has two annotators' copies, absent while they are computed (a later update brings them). */
  readonly agreement?: AgreementDocument | null;
}

/** The answer to a `page` request: one page of the findings the filters match, with the counts. */
export type FindingsPageMessage = { readonly type: 'findingsPage'; readonly requestId: number } & FindingsPageResult;

/** A `page` request that will get no page: superseded (`error` null) or failed. */
export interface PageDroppedMessage {
  readonly type: 'pageDropped';
  readonly requestId: number;
  readonly error: string | null;
}

/** The keys a test presses on the findings list (`test:key`). */
export type ListKey = 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown' | 'Enter';

export type ToWebview =
  | { readonly type: 'init'; readonly state: PanelState }
  | UpdateMessage
  | { readonly type: 'loading'; readonly scope: PanelScope }
  | FindingsPageMessage
  | PageDroppedMessage
  // Test seams, honoured only in test builds (FINDINGS_TEST_SEAMS): read the DOM, or act on it as a user would, then answer with `inspected`.
  | { readonly type: 'inspect'; readonly id: number }
  | { readonly type: 'test:click'; readonly id: number; readonly index: number }
  | { readonly type: 'test:filter'; readonly id: number; readonly filters: Partial<PanelFilters>; readonly sort?: FindingsSort }
  /** Scrolls the list so that the finding at `index` (in the list's order) is at its top. */
  | { readonly type: 'test:scroll'; readonly id: number; readonly index: number }
  /** Presses a key on the list's row at `index` (focused first), else on the row that has the focus. */
  | { readonly type: 'test:key'; readonly id: number; readonly key: ListKey; readonly index?: number }
  | { readonly type: 'test:scope'; readonly id: number; readonly scope: PanelScope }
  | { readonly type: 'test:export'; readonly id: number }
  | { readonly type: 'test:post'; readonly id: number; readonly message: unknown };

// ------------------------------------------------------------ webview -> extension

/** What the webview displays, read back from its DOM (test builds only). */
export interface RenderedFacts {
  readonly scope: PanelScope;
  readonly generation: number | null;
  readonly heading: string;
  readonly notice: string;
  /** The tiles: reports, findings, errors, warnings. */
  readonly totals: Readonly<Record<string, number>>;
  /** The rows of the code and theme tables. */
  readonly byCode: Readonly<Record<string, number>>;
  readonly byTheme: Readonly<Record<string, number>>;
  /** The bars of the code chart (their value labels). */
  readonly codeBars: Readonly<Record<string, number>>;
  /** Tables of reports: area, framework, outcome, status, annotator -> value -> [reports, findings]. */
  readonly tallies: Readonly<Record<string, Readonly<Record<string, readonly [number, number]>>>>;
  /** The findings rows in the DOM (the list is virtual: those in view and a few around them). */
  readonly findingsRows: number;
  /** Every item of the list in the DOM, rows still loading included. */
  readonly listItems: number;
  readonly findingsMatching: number;
  readonly findingsTotal: number;
  /** The positions (0-based, in the list's order) of the first and last items in the DOM; null without any. */
  readonly renderedRange: readonly [number, number] | null;
  /** The height of the list's scrolled content in pixels (it stands for every matching finding). */
  readonly virtualHeight: number;
  /** The distinct heights of the items in the DOM: one, since rows have a fixed height. */
  readonly rowHeights: readonly number[];
  /** Rows whose content is taller than the row (a text not clamped). */
  readonly overflowingRows: number;
  /** The position of the row that has the focus; null when none has. */
  readonly focusedIndex: number | null;
  /** What the list's rows say of their position (`aria-posinset`, from 1) and the list's size (`aria-setsize`). */
  readonly rowPositions: readonly number[];
  readonly setSize: number;
  /** The text of the rows in the DOM. */
  readonly rowTexts: readonly string[];
  /** Where each of those rows says it is (`path:line`, then ` · area` when there is one). */
  readonly rowWheres: readonly string[];
  /** The memo each of those rows shows on one line ('' without one), and the whole memo its tooltip gives. */
  readonly rowMemos: readonly string[];
  readonly rowMemoTitles: readonly string[];
  readonly filters: PanelFilters;
  readonly sort: FindingsSort;
  /** The count shown beside each value of the code, theme and area filters. */
  readonly filterCounts: { readonly code: Readonly<Record<string, number>>; readonly theme: Readonly<Record<string, number>>; readonly area: Readonly<Record<string, number>> };
  /** Elements that would load something (img, iframe …) in the page, scripts in the rendered panel, on* attributes in the page: all 0 whatever the reports hold. */
  readonly images: number;
  readonly scripts: number;
  readonly handlers: number;
  /** `typeof window.__xss`. */
  readonly xss: string;
  /** The agreement section as displayed; null without one. */
  readonly agreement?: AgreementFacts | null;
}

/** The agreement section, read back: its statement, the per-code table (code -> column -> cell) and the pairwise matrix (row -> column -> cell). */
export interface AgreementFacts {
  readonly statement: string;
  readonly byCode: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly matrix: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export type FromWebview =
  | { readonly type: 'ready'; readonly state: PanelState | null }
  | { readonly type: 'state'; readonly state: PanelState }
  | { readonly type: 'setScope'; readonly scope: PanelScope }
  | { readonly type: 'refresh' }
  /** A page of the findings the filters match, in an order; the extension asks the server with the panel's scope and answers `findingsPage` or `pageDropped`. */
  | PageRequest
  /** "Export findings…", with the filters the list shows (the extension offers to export just those findings). */
  | { readonly type: 'export'; readonly filters: PanelFilters }
  | { readonly type: 'reveal'; readonly uri: string; readonly range: LspRange }
  | { readonly type: 'rendered'; readonly seq: number; readonly scope: PanelScope; readonly generation: number | null }
  /** Test builds only: the answer to a test seam. */
  | { readonly type: 'inspected'; readonly id: number; readonly facts: RenderedFacts | null };

export interface PageRequest {
  readonly type: 'page';
  /** The webview's own count: the answer names it. */
  readonly requestId: number;
  readonly filters: PanelFilters;
  readonly sort: FindingsSort;
  readonly offset: number;
  /** At most MAX_PAGE_FINDINGS; 0 for the counts alone. */
  readonly limit: number;
}

export type Parsed<T> = { readonly ok: true; readonly message: T } | { readonly ok: false; readonly reason: string };

const MAX_STRING = 4096;
const MAX_TEXT = 100_000;
const MAX_POSITION = 10_000_000;
const MAX_KEYS = 5000;
/** Far beyond any corpus: an offset past the matching findings gets an empty page. */
const MAX_OFFSET = 1_000_000_000;

class Invalid extends Error {}

function fail(reason: string): never {
  throw new Invalid(reason);
}

function object(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${what} is not an object`);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) fail(`${what} is not a plain object`);
  return value as Record<string, unknown>;
}

/** The object's keys must all be allowed (an unknown key means a sender that is not ours). */
function only(value: Record<string, unknown>, keys: readonly string[], what: string): void {
  for (const key of Object.keys(value)) if (!keys.includes(key)) fail(`${what} has an unexpected field "${key}"`);
}

function string(value: unknown, what: string, max = MAX_STRING): string {
  if (typeof value !== 'string') fail(`${what} is not a string`);
  if (value.length > max) fail(`${what} is too long`);
  return value;
}

function integer(value: unknown, what: string, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) fail(`${what} is not a whole number from 0 to ${max}`);
  return value;
}

function scope(value: unknown, what = 'scope'): PanelScope {
  if (value !== 'document' && value !== 'workspace') fail(`${what} is not "document" or "workspace"`);
  return value;
}

function position(value: unknown, what: string): { line: number; character: number } {
  const o = object(value, what);
  only(o, ['line', 'character'], what);
  return { line: integer(o.line, `${what}.line`, MAX_POSITION), character: integer(o.character, `${what}.character`, MAX_POSITION) };
}

function range(value: unknown): LspRange {
  const o = object(value, 'range');
  only(o, ['start', 'end'], 'range');
  const start = position(o.start, 'range.start');
  const end = position(o.end, 'range.end');
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) fail('range ends before it starts');
  return { start, end };
}

function filters(value: unknown): PanelFilters {
  const o = object(value, 'filters');
  only(o, ['code', 'theme', 'area', 'text'], 'filters');
  return {
    code: string(o.code, 'filters.code', 200),
    theme: string(o.theme, 'filters.theme', 200),
    area: string(o.area, 'filters.area', 200),
    text: string(o.text, 'filters.text', 1000),
  };
}

function sort(value: unknown, what = 'sort'): FindingsSort {
  const found = FINDINGS_SORTS.find((known) => known === value);
  if (found === undefined) fail(`${what} is not one of ${FINDINGS_SORTS.join(', ')}`);
  return found;
}

function state(value: unknown): PanelState {
  const o = object(value, 'state');
  only(o, ['scope', 'filters', 'sort', 'documentUri'], 'state');
  const documentUri = o.documentUri === null || o.documentUri === undefined ? null : string(o.documentUri, 'state.documentUri');
  return { scope: scope(o.scope, 'state.scope'), filters: filters(o.filters), sort: o.sort === undefined ? DEFAULT_SORT : sort(o.sort, 'state.sort'), documentUri };
}

function page(o: Record<string, unknown>): PageRequest {
  only(o, ['type', 'requestId', 'filters', 'sort', 'offset', 'limit'], 'page');
  return {
    type: 'page',
    requestId: integer(o.requestId, 'requestId'),
    filters: filters(o.filters),
    sort: sort(o.sort),
    offset: integer(o.offset, 'offset', MAX_OFFSET),
    limit: integer(o.limit, 'limit', MAX_PAGE_FINDINGS),
  };
}

function optionalInteger(value: unknown, what: string): number | null {
  return value === null ? null : integer(value, what);
}

function integers(value: unknown, what: string, max: number): number[] {
  if (!Array.isArray(value) || value.length > max) fail(`${what} is not a list of at most ${max}`);
  return value.map((n, i) => integer(n, `${what}[${i}]`));
}

function renderedRange(value: unknown): readonly [number, number] | null {
  if (value === null) return null;
  const pair = integers(value, 'facts.renderedRange', 2);
  if (pair.length !== 2 || pair[1] < pair[0]) fail('facts.renderedRange is not a range');
  return [pair[0], pair[1]];
}

function counts(value: unknown, what: string): Record<string, number> {
  const o = object(value, what);
  const keys = Object.keys(o);
  if (keys.length > MAX_KEYS) fail(`${what} has too many keys`);
  const result: Record<string, number> = {};
  for (const key of keys) {
    string(key, `${what} key`, 1000);
    result[key] = integer(o[key], `${what}.${key}`);
  }
  return result;
}

function tallies(value: unknown): Record<string, Record<string, readonly [number, number]>> {
  const o = object(value, 'facts.tallies');
  only(o, ['area', 'framework', 'outcome', 'status', 'annotator'], 'facts.tallies');
  const result: Record<string, Record<string, readonly [number, number]>> = {};
  for (const [field, table] of Object.entries(o)) {
    const rows = object(table, `facts.tallies.${field}`);
    if (Object.keys(rows).length > MAX_KEYS) fail(`facts.tallies.${field} has too many keys`);
    const copy: Record<string, readonly [number, number]> = {};
    for (const [key, pair] of Object.entries(rows)) {
      string(key, `facts.tallies.${field} key`, 1000);
      if (!Array.isArray(pair) || pair.length !== 2) fail(`facts.tallies.${field}.${key} is not a pair`);
      copy[key] = [integer(pair[0], 'reports'), integer(pair[1], 'findings')];
    }
    result[field] = copy;
  }
  return result;
}

function filterCounts(value: unknown): RenderedFacts['filterCounts'] {
  const o = object(value, 'facts.filterCounts');
  only(o, ['code', 'theme', 'area'], 'facts.filterCounts');
  return { code: counts(o.code, 'facts.filterCounts.code'), theme: counts(o.theme, 'facts.filterCounts.theme'), area: counts(o.area, 'facts.filterCounts.area') };
}

function texts(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.length > 1000) fail(`${what} is not a list`);
  return value.map((text, i) => string(text, `${what}[${i}]`, MAX_TEXT));
}

function cellTable(value: unknown, what: string): Record<string, Record<string, string>> {
  const o = object(value, what);
  if (Object.keys(o).length > MAX_KEYS) fail(`${what} has too many rows`);
  const rows: Record<string, Record<string, string>> = {};
  for (const [key, row] of Object.entries(o)) {
    const cells = object(row, `${what}.${key.slice(0, 50)}`);
    if (Object.keys(cells).length > MAX_KEYS) fail(`${what}.${key.slice(0, 50)} has too many cells`);
    const copy: Record<string, string> = {};
    for (const [column, text] of Object.entries(cells)) copy[string(column, `${what} column`, 1000)] = string(text, `${what} cell`, 1000);
    rows[string(key, `${what} key`, 1000)] = copy;
  }
  return rows;
}

function agreementFacts(value: unknown): AgreementFacts {
  const o = object(value, 'facts.agreement');
  only(o, ['statement', 'byCode', 'matrix'], 'facts.agreement');
  return { statement: string(o.statement, 'facts.agreement.statement', MAX_TEXT), byCode: cellTable(o.byCode, 'facts.agreement.byCode'), matrix: cellTable(o.matrix, 'facts.agreement.matrix') };
}

function facts(value: unknown): RenderedFacts {
  const o = object(value, 'facts');
  const keys = ['scope', 'generation', 'heading', 'notice', 'totals', 'byCode', 'byTheme', 'codeBars', 'tallies', 'findingsRows', 'listItems', 'findingsMatching', 'findingsTotal',
    'renderedRange', 'virtualHeight', 'rowHeights', 'overflowingRows', 'focusedIndex', 'rowPositions', 'setSize', 'rowTexts', 'rowWheres', 'rowMemos', 'rowMemoTitles',
    'filters', 'sort', 'filterCounts', 'images', 'scripts', 'handlers', 'xss', 'agreement'];
  only(o, keys, 'facts');
  return {
    scope: scope(o.scope, 'facts.scope'),
    generation: o.generation === null ? null : integer(o.generation, 'facts.generation'),
    heading: string(o.heading, 'facts.heading', MAX_TEXT),
    notice: string(o.notice, 'facts.notice', MAX_TEXT),
    totals: counts(o.totals, 'facts.totals'),
    byCode: counts(o.byCode, 'facts.byCode'),
    byTheme: counts(o.byTheme, 'facts.byTheme'),
    codeBars: counts(o.codeBars, 'facts.codeBars'),
    tallies: tallies(o.tallies),
    findingsRows: integer(o.findingsRows, 'facts.findingsRows'),
    listItems: integer(o.listItems, 'facts.listItems'),
    findingsMatching: integer(o.findingsMatching, 'facts.findingsMatching'),
    findingsTotal: integer(o.findingsTotal, 'facts.findingsTotal'),
    renderedRange: renderedRange(o.renderedRange),
    virtualHeight: integer(o.virtualHeight, 'facts.virtualHeight'),
    rowHeights: integers(o.rowHeights, 'facts.rowHeights', 1000),
    overflowingRows: integer(o.overflowingRows, 'facts.overflowingRows'),
    focusedIndex: optionalInteger(o.focusedIndex, 'facts.focusedIndex'),
    rowPositions: integers(o.rowPositions, 'facts.rowPositions', 1000),
    setSize: integer(o.setSize, 'facts.setSize'),
    rowTexts: texts(o.rowTexts, 'facts.rowTexts'),
    rowWheres: texts(o.rowWheres, 'facts.rowWheres'),
    rowMemos: texts(o.rowMemos, 'facts.rowMemos'),
    rowMemoTitles: texts(o.rowMemoTitles, 'facts.rowMemoTitles'),
    filters: filters(o.filters),
    sort: sort(o.sort, 'facts.sort'),
    filterCounts: filterCounts(o.filterCounts),
    images: integer(o.images, 'facts.images'),
    scripts: integer(o.scripts, 'facts.scripts'),
    handlers: integer(o.handlers, 'facts.handlers'),
    xss: string(o.xss, 'facts.xss', 100),
    ...(o.agreement === undefined ? {} : { agreement: o.agreement === null ? null : agreementFacts(o.agreement) }),
  };
}

/** Test builds only: the webview's answer to a test seam. */
function inspected(o: Record<string, unknown>): Parsed<FromWebview> {
  only(o, ['type', 'id', 'facts'], 'inspected');
  return { ok: true, message: { type: 'inspected', id: integer(o.id, 'id'), facts: o.facts === null ? null : facts(o.facts) } };
}

/** Checks a message from the webview; returns a checked copy, or why it was rejected. */
export function parseFromWebview(raw: unknown): Parsed<FromWebview> {
  try {
    const o = object(raw, 'the message');
    const type = o.type;
    switch (type) {
      case 'ready':
        only(o, ['type', 'state'], 'ready');
        // A saved state from an older or tampered webview is dropped, not fatal.
        return { ok: true, message: { type, state: o.state === null || o.state === undefined ? null : safely(() => state(o.state)) } };
      case 'state':
        only(o, ['type', 'state'], 'state');
        return { ok: true, message: { type, state: state(o.state) } };
      case 'setScope':
        only(o, ['type', 'scope'], 'setScope');
        return { ok: true, message: { type, scope: scope(o.scope) } };
      case 'refresh':
        only(o, ['type'], type);
        return { ok: true, message: { type } };
      case 'page':
        return { ok: true, message: page(o) };
      case 'export':
        only(o, ['type', 'filters'], 'export');
        return { ok: true, message: { type, filters: filters(o.filters) } };
      case 'reveal':
        only(o, ['type', 'uri', 'range'], 'reveal');
        return { ok: true, message: { type, uri: string(o.uri, 'uri'), range: range(o.range) } };
      case 'rendered':
        only(o, ['type', 'seq', 'scope', 'generation'], 'rendered');
        return { ok: true, message: { type, seq: integer(o.seq, 'seq'), scope: scope(o.scope), generation: o.generation === null ? null : integer(o.generation, 'generation') } };
      default:
        // Production builds know no `inspected` (its checks are compiled out with it).
        if (FINDINGS_TEST_SEAMS && type === 'inspected') return inspected(o);
        return { ok: false, reason: `unknown message type ${JSON.stringify(typeof type === 'string' ? type.slice(0, 50) : typeof type)}` };
    }
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, reason: error.message };
    throw error;
  }
}

function safely<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (error instanceof Invalid) return null;
    throw error;
  }
}

/** A saved panel state (the serializer's argument), or null when it is not one. */
export function parseState(raw: unknown): PanelState | null {
  return raw === null || raw === undefined ? null : safely(() => state(raw));
}
