// The coded reader's webview: the clean article with its coded passages
// highlighted, coding stripes in the margin, a toolbar to tag a selection
// and to filter, drawn from the models the extension sends (`modelJson`,
// then `modelDelta` with what changed) with DOM APIs only. Every message is checked first (validate.ts). The view
// keeps its place (a clean-text offset) across redraws and reloads.
import { h, replaceChildren } from '../../webview/dom';
import type { FromReader, ReaderFilters, ReaderState, ToReader } from '../readerMessages';
import { ArticleView } from './articleView';
import { PassageFilter } from './filtering';
import { headerKey, reportHeader } from './header';
import { ScrollPosition } from './scrolling';
import type { ShownDelta, ShownModel } from './shownModel';
import { chordLetter, MEMO_KEY, TAG_KEYS } from './shortcuts';
import { answerProbe } from './testSeams';
import { Toolbar } from './toolbar';
import { PassageTooltip } from './tooltip';
import { appliedDelta, filtersOrNone, parseToReader, type CheckedMessage } from './validate';
import { warmUp } from './warmUp';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface Drawn {
  readonly seq: number;
  readonly uri: string;
  readonly model: ShownModel;
}

const vscode = acquireVsCodeApi();
let drawn: Drawn | null = null;
/** Filters and position to take up with the next model: from the saved state, or the host's `restore`. */
let pending: { readonly uri: string | null; readonly filters: ReaderFilters; readonly offset: number } | null = savedState(vscode.getState());
/** The last selection made in the article, as clean offsets (a click on a toolbar button must not lose it). */
let selection: { start: number; end: number } | null = null;
let topOffset = 0;
/** What the header in the page shows (headerKey). */
let shownHeader = '';

function post(message: FromReader): void {
  vscode.postMessage(message);
}

function savedState(value: unknown): typeof pending {
  if (typeof value !== 'object' || value === null) return null;
  const state = value as Partial<Record<keyof ReaderState, unknown>>;
  if (typeof state.uri !== 'string' || typeof state.offset !== 'number' || !Number.isSafeInteger(state.offset) || state.offset < 0) return null;
  return { uri: state.uri, filters: filtersOrNone(state.filters), offset: state.offset };
}

function saveState(): void {
  if (!drawn) return;
  const state: ReaderState = { uri: drawn.uri, filters: toolbar.filters, offset: topOffset };
  vscode.setState(state);
}

// ------------------------------------------------------------------ skeleton

const app = document.getElementById('app') ?? document.body.appendChild(h('main', { id: 'app' }));
const view = new ArticleView();
const filter = new PassageFilter(view);
view.onDrawn = (block) => filter.mark(block);
const tooltip = new PassageTooltip((passage) => post({ type: 'addMemo', passage }));
const toolbar = new Toolbar({
  tag: (code) => tag(code),
  filters: (filters) => {
    refilter();
    post({ type: 'filters', codes: filters.codes, themes: filters.themes });
    saveState();
  },
  saveHtml: () => post({ type: 'saveHtml' }),
});
const content = h('div', { class: 'content' });
const scroll = new ScrollPosition(view, () => toolbar.element.getBoundingClientRect().bottom, (offset) => {
  topOffset = offset;
  post({ type: 'scrolled', offset });
  saveState();
});
replaceChildren(app, toolbar.element, content, tooltip.element);
app.removeAttribute('aria-busy');
// While the extension asks for the model: unless it is here already.
setTimeout(() => {
  if (drawn === null) warmUp();
});

// ------------------------------------------------------------------ drawing

function render(message: Extract<CheckedMessage, { type: 'model' }>, delta: ShownDelta | null = null): void {
  const { model } = message;
  const restore = pending && (pending.uri === null || pending.uri === message.uri) ? pending : null;
  pending = null;
  const anchor = Math.min(restore ? restore.offset : drawn?.uri === message.uri ? scroll.topOffset() : 0, model.cleanText.length);
  // The first drawing starts at the top: nothing to scroll (and no layout to force for it).
  const placed = drawn !== null || anchor > 0;
  drawn = { seq: message.seq, uri: message.uri, model };
  tooltip.hide();
  toolbar.update(model);
  if (restore) toolbar.setFilters(restore.filters, false);
  // Only the header is replaced, and only when it shows something else: the article stays in the page, so its
  // kept blocks keep their layout.
  const key = headerKey(model);
  const inPlace = view.element.parentNode === content && content.firstElementChild?.classList.contains('report-header');
  if (!inPlace) replaceChildren(content, reportHeader(model), view.element);
  else if (key !== shownHeader) content.replaceChild(reportHeader(model), content.firstElementChild as Element);
  shownHeader = key;
  view.render(model, anchor, delta);
  refilter();
  topOffset = anchor;
  if (placed) scroll.scrollToOffset(anchor, true);
  saveState();
  const counts = view.shownCounts();
  post({ type: 'rendered', seq: message.seq, passages: counts.passages, stripes: counts.stripes });
}

/** A delta to the model drawn; for any other model (one drawn since, none after a reload), or one that does not check, the whole model is asked for. */
function update(message: Extract<CheckedMessage, { type: 'delta' }>): void {
  const next = drawn && drawn.seq === message.base ? appliedDelta(drawn.model, message.delta) : null;
  if (!next || !next.ok) {
    if (next && !next.ok) console.warn(`coded reader: a delta was dropped: ${next.reason}`);
    post({ type: 'needModel' });
    return;
  }
  render({ type: 'model', seq: message.seq, uri: message.uri, model: next.message }, message.delta);
}

function notice(message: Extract<ToReader, { type: 'notice' }>): void {
  drawn = null;
  tooltip.hide();
  view.clear();
  replaceChildren(content, h('p', { class: 'notice', role: 'status' }, message.text));
  post({ type: 'rendered', seq: message.seq, passages: 0, stripes: 0 });
}

function refilter(): void {
  if (!drawn) return;
  toolbar.showFilterCount(filter.apply(drawn.model, toolbar.filters), drawn.model.passages.length);
}

// ------------------------------------------------------------------ tagging

/** The article's selection as clean offsets, or null when nothing in it is selected. */
function selectedRange(): { start: number; end: number } | null {
  const current = window.getSelection();
  if (!current || current.rangeCount === 0 || current.isCollapsed) return null;
  const range = current.getRangeAt(0);
  const start = view.offsetOf(range.startContainer, range.startOffset);
  const end = view.offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  return { start: Math.min(start, end), end: Math.max(start, end) };
}

/** The article text a selection in the reader holds, exactly (null when it reaches outside the article). */
function selectedText(): string | null {
  const range = drawn && selectedRange();
  return drawn && range ? drawn.model.cleanText.slice(range.start, range.end) : null;
}

// A copy of article text is the clean text itself: the browser's own text of a selection adds line breaks
// between the blocks the article is drawn in (a long paragraph is drawn in several).
document.addEventListener('copy', (event) => {
  const text = selectedText();
  if (text === null || !event.clipboardData) return;
  event.clipboardData.setData('text/plain', text);
  event.preventDefault();
});

document.addEventListener('selectionchange', () => {
  const current = window.getSelection();
  if (!current || current.rangeCount === 0) return;
  // A caret elsewhere (focus on a button) keeps the selection made; text selected elsewhere replaces it with none.
  if (current.isCollapsed) {
    if (view.element.contains(current.anchorNode)) selection = null;
    return;
  }
  selection = selectedRange();
});

function tag(code: string): void {
  if (!drawn) return;
  const range = selectedRange() ?? selection;
  const label = drawn.model.codes.find((c) => c.name === code)?.label ?? code;
  if (!range || range.end <= range.start) {
    toolbar.setStatus(`Select the text to tag as ${label} in the article first.`, 'error');
    return;
  }
  toolbar.setStatus(`Tagging as ${label}…`);
  post({ type: 'tag', start: range.start, end: range.end, codes: [code], themes: toolbar.tagThemes });
}

// ------------------------------------------------------------------ passages

function passagesAround(mark: HTMLElement): number[] {
  const found: number[] = [];
  for (let m: HTMLElement | null = mark; m; m = m.parentElement ? view.markAt(m.parentElement) : null) {
    const passage = view.passageOf(m);
    if (passage !== null && !found.includes(passage)) found.push(passage);
    if (!m.classList.contains('hl')) break;
  }
  return found;
}

function showTooltip(mark: HTMLElement): void {
  if (drawn) tooltip.show(mark, passagesAround(mark), drawn.model);
}

function openPassage(mark: HTMLElement): void {
  const passage = view.passageOf(mark);
  if (passage !== null) post({ type: 'open', passage });
}

view.element.addEventListener('click', (event) => {
  // The end of a drag that selected text is not a click on a passage.
  const current = window.getSelection();
  if (current && !current.isCollapsed && view.element.contains(current.anchorNode)) return;
  const mark = view.markAt(event.target as Node);
  if (mark) openPassage(mark);
});
view.element.addEventListener('keydown', (event) => {
  const mark = view.markAt(event.target as Node);
  if (!mark || event.target !== mark) return;
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    openPassage(mark);
  } else if (event.key === 'Escape') {
    tooltip.hide();
  }
});
view.element.addEventListener('pointerover', (event) => {
  const mark = view.markAt(event.target as Node);
  if (mark) showTooltip(mark);
});
view.element.addEventListener('pointerout', (event) => {
  const to = view.markAt(event.relatedTarget as Node | null);
  if (!to) tooltip.hideSoon();
});
view.element.addEventListener('focusin', (event) => {
  const mark = view.markAt(event.target as Node);
  if (!mark) return;
  view.drawNeighbours(mark);
  showTooltip(mark);
});
view.element.addEventListener('focusout', () => tooltip.hideSoon());

// The editor's shortcuts: Ctrl+Alt+<letter> tags the selection; Ctrl+Alt+M adds a memo to the focused passage.
document.addEventListener('keydown', (event) => {
  const letter = chordLetter(event);
  if (letter === null || !drawn) return;
  if (letter === MEMO_KEY) {
    const focused = document.activeElement instanceof HTMLElement ? view.markAt(document.activeElement) : null;
    const start = selectedRange()?.start;
    const mark = focused ?? (start === undefined ? null : markAtOffset(start));
    const passage = mark ? view.passageOf(mark) : null;
    event.preventDefault();
    if (passage !== null) post({ type: 'addMemo', passage });
    else toolbar.setStatus('Focus a passage (Tab) or put the selection in one to add a memo.', 'error');
    return;
  }
  const code = Object.keys(TAG_KEYS).find((name) => TAG_KEYS[name] === letter);
  if (code && drawn.model.codes.some((c) => c.name === code)) {
    event.preventDefault();
    tag(code);
  }
});

function markAtOffset(offset: number): HTMLElement | null {
  const point = view.pointAt(offset);
  return point ? view.markAt(point.node) : null;
}

// ------------------------------------------------------------------ messages

function onMessage(message: CheckedMessage): void {
  switch (message.type) {
    case 'model':
      render(message);
      break;
    case 'delta':
      update(message);
      break;
    case 'notice':
      notice(message);
      break;
    case 'reveal':
      topOffset = message.offset;
      scroll.scrollToOffset(message.offset, true);
      saveState();
      break;
    case 'tagged':
      toolbar.setStatus(message.ok ? message.message ?? 'Tagged.' : message.message ?? 'The selection could not be tagged.', message.ok ? 'info' : 'error');
      break;
    case 'restore':
      if (drawn) {
        toolbar.setFilters(message.filters, false);
        refilter();
        topOffset = message.offset;
        scroll.scrollToOffset(message.offset, true);
        saveState();
      } else {
        pending = { uri: null, filters: message.filters, offset: message.offset };
      }
      break;
    default:
      // Test builds only: compiled out of the production bundle.
      if (FINDINGS_TEST_SEAMS) {
        void answerProbe(message, {
          post: (reply) => vscode.postMessage(reply),
          view,
          toolbar,
          scroll,
          seq: () => drawn?.seq ?? null,
          model: () => drawn?.model ?? null,
        });
      }
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseToReader(event.data);
  if (message) onMessage(message);
});

post({ type: 'ready' });
