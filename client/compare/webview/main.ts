// The "Compare Annotations" webview: the article's figures on top, a legend,
// a toggle per copy, then the annotators' copies side by side in the coded
// reader's style, each passage marked with its status, the columns
// scrolling together. Drawn from the `model` messages of the extension with
// DOM APIs only; every message is checked first (validate.ts).
import { PASSAGE_STATUS_WORDS, PASSAGE_STATUSES } from '../../../core/agreement/passageStatus';
import { safeCodeColor } from '../../../core/reader/highlightStyle';
import type { CompareResult } from '../../../protocol/compare';
import { h, replaceChildren } from '../../webview/dom';
import type { CompareState, FromCompare, ToCompare } from '../compareMessages';
import { ColumnScroll } from './columnScroll';
import { CopyColumn, STATUS_ICONS } from './copyColumn';
import { figuresSection, statement } from './figuresTables';
import { answerProbe } from './testSeams';
import { parseToCompare } from './validate';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** Columns shown by default: room for three side by side. */
const DEFAULT_COLUMNS = 3;

interface Drawn {
  readonly seq: number;
  readonly uri: string;
  readonly result: CompareResult;
  readonly columns: readonly CopyColumn[];
  readonly toggles: readonly HTMLButtonElement[];
}

const vscode = acquireVsCodeApi();
let drawn: Drawn | null = null;
let lastSeq: number | null = null;

function post(message: FromCompare): void {
  vscode.postMessage(message);
}

const app = document.getElementById('app') ?? document.body.appendChild(h('main', { id: 'app' }));
const scroll = new ColumnScroll();

// ------------------------------------------------------------------ drawing

function render(message: Extract<ToCompare, { type: 'model' }>): void {
  const { result } = message;
  const previous = drawn;
  const shown = initialShown(message, previous);
  // Redrawn for the same report (a copy was edited): the columns stay where they were.
  const leaderBefore = previous?.uri === message.uri ? visibleColumns()[0] : undefined;
  const keep = leaderBefore ? { annotator: leaderBefore.copy.annotator, offset: scroll.topOffset(leaderBefore) } : null;
  const columns = result.copies.map((copy, i) => new CopyColumn(i, copy, result));
  const toggles = result.copies.map((copy) => {
    const button = h('button', { type: 'button', class: 'cmp-toggle', 'aria-pressed': String(shown.has(copy.annotator)), 'data-annotator': copy.annotator, title: `Show or hide ${copy.annotator}'s copy (${copy.path})` }, copy.annotator);
    button.addEventListener('click', () => toggle(copy.annotator));
    return button;
  });
  const columnsElement = h('div', { class: 'cmp-columns' }, ...columns.map((column) => column.element));
  // The figures on top (scrolling on their own when tall), the copies' toggles always in view, the copies filling the rest of the panel.
  replaceChildren(app,
    h('div', { class: 'cmp-top' },
      h('header', { class: 'cmp-header' }, h('h1', { class: 'cmp-title' }, message.title), statement(result)),
      figuresSection(result),
      legend(result)),
    h('div', { class: 'cmp-toggles', role: 'group', 'aria-label': 'Copies shown side by side' }, h('span', { class: 'row-label' }, 'Copies'), ...toggles),
    columnsElement);
  app.removeAttribute('aria-busy');
  drawn = { seq: message.seq, uri: message.uri, result, columns, toggles };
  lastSeq = message.seq;
  applyShown(shown);
  const leader = visibleColumns().find((column) => column.copy.annotator === keep?.annotator) ?? visibleColumns()[0];
  if (keep && keep.offset > 0 && leader) scroll.scrollToOffset(leader, keep.offset);
  post({ type: 'rendered', seq: message.seq, columns: visibleColumns().length, passages: visibleColumns().reduce((sum, column) => sum + column.view.shownCounts().passages, 0) });
}

function notice(message: Extract<ToCompare, { type: 'notice' }>): void {
  drawn = null;
  lastSeq = message.seq;
  scroll.set([]);
  replaceChildren(app, h('p', { class: 'notice', role: 'status' }, message.text));
  app.removeAttribute('aria-busy');
  post({ type: 'rendered', seq: message.seq, columns: 0, passages: 0 });
}

/** The copies to show: as the host says (what was shown before, or restored), else the report's own copy and the next ones, up to three. */
function initialShown(message: Extract<ToCompare, { type: 'model' }>, previous: Drawn | null): Set<string> {
  const { result, uri } = message;
  const names = result.copies.map((copy) => copy.annotator);
  const kept = message.shown.length > 0 ? message.shown : previous?.uri === uri ? previous.columns.filter((column) => !column.element.hidden).map((column) => column.copy.annotator) : [];
  const known = kept.filter((name) => names.includes(name));
  if (known.length > 0) return new Set(known);
  if (names.length <= DEFAULT_COLUMNS) return new Set(names);
  const current = result.current ?? 0;
  const order = [current, ...names.map((_, i) => i).filter((i) => i !== current)];
  return new Set(order.slice(0, DEFAULT_COLUMNS).map((i) => names[i]));
}

function applyShown(shown: ReadonlySet<string>): void {
  if (!drawn) return;
  const leader = visibleColumns()[0];
  drawn.columns.forEach((column, i) => {
    const on = shown.has(column.copy.annotator);
    column.element.hidden = !on;
    drawn!.toggles[i].setAttribute('aria-pressed', String(on));
  });
  const visible = visibleColumns();
  scroll.set(visible);
  // A column shown again starts where the others are.
  if (leader && visible.includes(leader)) scroll.follow(leader);
  const state: CompareState = { uri: drawn.uri, shown: [...shown] };
  vscode.setState(state);
  post({ type: 'columns', shown: [...shown] });
}

function toggle(annotator: string): void {
  if (!drawn) return;
  const shown = new Set(visibleColumns().map((column) => column.copy.annotator));
  // At least one copy stays in view.
  if (shown.has(annotator) && shown.size === 1) return;
  if (shown.has(annotator)) shown.delete(annotator);
  else shown.add(annotator);
  applyShown(shown);
}

function visibleColumns(): CopyColumn[] {
  return drawn ? drawn.columns.filter((column) => !column.element.hidden) : [];
}

function legend(result: CompareResult): HTMLElement {
  const statuses = PASSAGE_STATUSES.map((status) =>
    h('li', { class: `cmp-legend-status status-${status}`, 'data-status': status },
      h('span', { class: 'cmp-icon', 'aria-hidden': 'true' }, STATUS_ICONS[status]),
      h('span', {}, h('strong', {}, PASSAGE_STATUS_WORDS[status].name), `: ${PASSAGE_STATUS_WORDS[status].meaning}`)));
  const codes = result.codes.filter((code) => code.passages > 0).map((code) => {
    const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.setProperty('--code-color', safeCodeColor(code.color));
    return h('li', { 'data-code': code.name }, swatch, h('span', {}, code.label));
  });
  return h('section', { class: 'cmp-legend', 'aria-label': 'Legend' },
    h('ul', { class: 'cmp-legend-statuses', 'aria-label': 'Passage status (against the other copies; the worst one counts)' }, ...statuses),
    h('ul', { class: 'cmp-legend-codes', 'aria-label': 'Codes' }, ...codes));
}

// ------------------------------------------------------------------ passages

function columnOf(node: Node | null): CopyColumn | undefined {
  return drawn?.columns.find((column) => column.view.element.contains(node));
}

function open(column: CopyColumn, mark: HTMLElement): void {
  const passage = column.view.passageOf(mark);
  if (passage !== null) post({ type: 'open', copy: column.index, passage });
}

app.addEventListener('click', (event) => {
  const column = columnOf(event.target as Node);
  if (!column) return;
  // The end of a drag that selected text is not a click on a passage.
  const selection = window.getSelection();
  if (selection && !selection.isCollapsed && column.view.element.contains(selection.anchorNode)) return;
  const mark = column.view.markAt(event.target as Node);
  if (mark) open(column, mark);
});
app.addEventListener('keydown', (event) => {
  const column = columnOf(event.target as Node);
  const mark = column?.view.markAt(event.target as Node);
  if (!column || !mark || event.target !== mark) return;
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    open(column, mark);
  }
});

// ------------------------------------------------------------------ messages

function onMessage(message: ToCompare): void {
  switch (message.type) {
    case 'model':
      render(message);
      break;
    case 'notice':
      notice(message);
      break;
    default:
      // Test builds only: compiled out of the production bundle.
      if (FINDINGS_TEST_SEAMS) {
        void answerProbe(message, {
          post: (reply) => vscode.postMessage(reply),
          seq: () => lastSeq,
          columns: () => drawn?.columns ?? [],
          visible: visibleColumns,
          scroll,
          toggle,
        });
      }
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseToCompare(event.data);
  if (message) onMessage(message);
});

post({ type: 'ready' });
