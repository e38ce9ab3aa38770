// The findings of a scope as a virtual list: a scrolling box whose content
// stands for every finding the filters match, at a fixed row height, with
// only the rows in view (and a few around them) in the DOM. Their pages are
// asked of the extension, which asks the server with the panel's scope; the
// server filters, searches, orders and counts. Enter or a click opens a
// finding; the arrow keys, Home, End, PageUp and PageDown move the focus
// across rows, fetching what they reach. The focus stays on its finding when
// an edit moves it.
import type { FindingsPageResult, SummaryFinding, SummaryResult } from '../../protocol';
import { MAX_PAGE_FINDINGS } from '../../protocol/findingsPaging';
import type { FindingsSort, ListKey, PageRequest, PanelFilters } from '../summary/messages';
import { h } from './dom';
import { FindingsControls } from './findingsControls';
import { FindingsPages } from './findingsPages';
import { findingIdentity, rowItem, sameRow, type RowModel } from './findingRow';
import { fullHeight, listOffset, offsetShowing, rowsInView, rowWindow, scrollHeight, scrollTopFor, type ListGeometry, type RowWindow } from './listGeometry';
import { codeColors } from './overview';

/** Findings asked for at once. */
const PAGE_SIZE = Math.min(100, MAX_PAGE_FINDINGS);
/** Pages kept; those in view are never dropped. */
const MAX_PAGES = 20;
/** Rows drawn beyond each edge of the view. */
const OVERSCAN = 8;
/**
 * Requests awaited at once: a fast scroll asks for the pages in view when
 * the last answers come, not for every page it passes (which the server
 * would answer one after the other).
 */
const MAX_PENDING = 2;
/** Rows drawn at most, however tall the view. */
const MAX_ROWS = 100;
/** The view's height in rows while the box has none (a panel not laid out yet). */
const FALLBACK_ROWS = 10;

export interface FindingsListHost {
  /** Sends a `page` request (its requestId is the list's). */
  request(message: PageRequest): void;
  reveal(finding: SummaryFinding): void;
  /** The filters or order changed (to keep them with setState). */
  changed(filters: PanelFilters, sort: FindingsSort): void;
}

interface DrawnRow {
  readonly model: RowModel;
  readonly item: HTMLLIElement;
}

export class FindingsList {
  readonly element: HTMLElement;
  private readonly controls: FindingsControls;
  private readonly viewport = h('div', { class: 'findings-viewport', id: 'findings-viewport' });
  private readonly spacer = h('div', { class: 'findings-spacer' });
  private readonly list = h('ol', { class: 'findings', id: 'findings-list', 'aria-labelledby': 'findings-title', tabindex: -1 });
  private readonly empty = h('p', { class: 'muted empty', id: 'findings-empty', hidden: true });
  /** An empty row-high box: the stylesheet's row height, read in whole pixels. */
  private readonly gauge = h('div', { class: 'row-gauge', 'aria-hidden': 'true' });
  private readonly pages = new FindingsPages(PAGE_SIZE, MAX_PAGES);
  private readonly drawn = new Map<number, DrawnRow>();
  private summary: SummaryResult | null = null;
  private colors = new Map<string, string | undefined>();
  /** Bumped when generations start again (a restarted server): its pages are another query's. */
  private epoch = 0;
  private rowHeight = 0;
  private geometry: ListGeometry = { count: 0, rowHeight: 0, viewportHeight: 0 };
  private window: RowWindow = { first: 0, end: 0, top: 0 };
  /** A scroll position the list set itself, with the exact list offset it stands for (positions are rounded). */
  private pinned: { readonly scrollTop: number; readonly offset: number } | null = null;
  /** The row the keyboard is on (the list's one tab stop), and which finding it showed. */
  private active = -1;
  private activeIdentity: string | null = null;
  private tabStop: HTMLButtonElement | null = null;
  private frame = 0;
  private nextRequestId = 1;
  private waiters: Array<() => void> = [];

  constructor(filters: PanelFilters, sort: FindingsSort, private readonly host: FindingsListHost) {
    this.controls = new FindingsControls(filters, sort, () => this.queryChanged());
    this.spacer.append(this.list);
    this.viewport.append(this.spacer);
    this.element = h('section', { class: 'card wide findings-card', id: 'findings', 'aria-labelledby': 'findings-title' },
      h('h2', { id: 'findings-title' }, 'Findings'),
      this.controls.element,
      this.controls.count,
      this.viewport,
      this.empty,
      this.gauge);
    this.viewport.addEventListener('scroll', () => this.schedule(), { passive: true });
    window.addEventListener('resize', () => {
      this.rowHeight = 0;
      this.schedule();
    });
    this.list.addEventListener('keydown', (event) => this.onKey(event));
    this.list.addEventListener('click', (event) => this.onClick(event));
    this.list.addEventListener('focusin', (event) => {
      const index = indexOf(event.target);
      if (index !== undefined) this.setActive(index);
    });
  }

  get filters(): PanelFilters {
    return this.controls.filters;
  }

  get sort(): FindingsSort {
    return this.controls.sort;
  }

  /** Sets the controls as a user would (tests). */
  applyFilters(filters: Partial<PanelFilters>, sort?: FindingsSort): void {
    this.controls.apply(filters, sort);
  }

  /** A new summary: another scope starts at the top; a newer generation asks again for the rows in view. */
  update(summary: SummaryResult): void {
    const previous = this.summary;
    // Summaries come in order: an older generation is a restarted server's, whose pages are another query's.
    if (previous && summary.generation < previous.generation) this.epoch++;
    this.summary = summary;
    this.colors = codeColors(summary);
    this.pages.retry();
    if (!previous || JSON.stringify(previous.scope) !== JSON.stringify(summary.scope)) this.toTop();
    this.pages.setQuery(this.query(), summary.generation);
    this.draw();
  }

  /** The answer to one of the list's requests. */
  page(requestId: number, answer: FindingsPageResult): void {
    if (!this.summary || !this.pages.isPending(requestId)) return;
    // Asked with the scope shown, answered for another: the summary of that scope is on its way.
    if (JSON.stringify(answer.scope) !== JSON.stringify(this.summary.scope)) {
      this.pages.dropped(requestId, null);
      return;
    }
    const accepted = this.pages.accept(requestId, this.query(), answer, (page) => this.inView(page));
    if (accepted === 'dropped') return;
    this.followFocus();
    this.draw();
  }

  pageDropped(requestId: number, error: string | null): void {
    if (this.pages.dropped(requestId, error)) this.draw();
  }

  /** Resolves once the rows in view are drawn from answers (or their failure) for the current query. */
  whenSettled(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.settle();
    });
  }

  /** The rows drawn with a finding of the current generation, in order. */
  rows(): HTMLButtonElement[] {
    return [...this.list.querySelectorAll<HTMLButtonElement>('button.finding')];
  }

  /** Scrolls so that the row at `index` is at the top, as the scroll bar would (tests). */
  scrollTo(index: number): void {
    this.pinned = null;
    this.viewport.scrollTop = scrollTopFor(this.geometry, index * this.geometry.rowHeight);
    this.draw();
  }

  /** Presses a key on the row at `index` (focused first), else on the one focused (tests). */
  press(key: ListKey, index?: number): void {
    if (index !== undefined) this.moveTo(index);
    const target = document.activeElement instanceof HTMLElement && this.list.contains(document.activeElement) ? document.activeElement : this.list;
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  }

  // ------------------------------------------------------------ drawing

  private query(): string {
    return JSON.stringify([this.epoch, this.summary?.scope ?? null, this.controls.filters, this.controls.sort]);
  }

  private queryChanged(): void {
    this.host.changed(this.controls.filters, this.controls.sort);
    if (!this.summary) return;
    this.toTop();
    this.pages.setQuery(this.query(), this.summary.generation);
    this.draw();
  }

  private toTop(): void {
    this.pinned = null;
    this.viewport.scrollTop = 0;
    this.active = -1;
    this.activeIdentity = null;
  }

  private schedule(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.draw());
  }

  private measureRow(): number {
    if (this.rowHeight <= 0) {
      this.rowHeight = Math.max(1, Math.round(this.gauge.getBoundingClientRect().height));
      this.list.style.setProperty('--row-height', `${this.rowHeight}px`);
    }
    return this.rowHeight;
  }

  /** How many rows the list has: the answer's count, else (before one) the summary's, or a page of rows still loading while filtered. */
  private count(): number {
    const counts = this.pages.counts;
    if (counts) return counts.matching;
    const total = this.summary?.totals.findings ?? 0;
    const { code, theme, area, text } = this.controls.filters;
    return code || theme || area || text.trim() ? Math.min(total, PAGE_SIZE) : total;
  }

  private draw(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const summary = this.summary;
    if (!summary) return;
    const rowHeight = this.measureRow();
    const count = this.count();
    // Touched only when it changes: a style change costs a layout of the page.
    const height = `${scrollHeight({ count, rowHeight, viewportHeight: 0 })}px`;
    if (this.spacer.style.height !== height) this.spacer.style.height = height;
    const viewportHeight = this.viewport.clientHeight > 0 ? this.viewport.clientHeight : FALLBACK_ROWS * rowHeight;
    this.geometry = { count, rowHeight, viewportHeight };
    const scrollTop = this.viewport.scrollTop;
    const offset = this.pinned && Math.abs(this.pinned.scrollTop - scrollTop) < 1 ? this.pinned.offset : listOffset(this.geometry, scrollTop);
    this.window = rowWindow(this.geometry, scrollTop, offset, OVERSCAN, MAX_ROWS);
    this.requestMissing();
    this.drawRows();
    this.list.style.transform = `translateY(${this.window.top}px)`;
    const counts = this.pages.counts;
    this.controls.showFacets(counts?.facets ?? null);
    this.controls.showCounts(counts?.matching ?? null, counts?.total ?? summary.totals.findings);
    const none = counts !== null && counts.matching === 0;
    this.viewport.hidden = none;
    this.empty.hidden = !none;
    if (none) this.empty.textContent = counts.total === 0 ? 'No findings.' : 'No findings match the filters.';
    this.settle();
  }

  /** Asks for the pages of the rows drawn (every answer brings the counts, so an empty list asks for its first page). */
  private requestMissing(): void {
    const room = Math.max(0, MAX_PENDING - this.pages.pendingCount);
    for (const page of this.pages.missing(this.window.first, this.window.end).slice(0, room)) {
      const requestId = this.nextRequestId++;
      this.pages.requested(requestId, page);
      this.host.request({ type: 'page', requestId, filters: this.controls.filters, sort: this.controls.sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
    }
  }

  private inView(page: number): boolean {
    return page * PAGE_SIZE < this.window.end && (page + 1) * PAGE_SIZE > this.window.first;
  }

  /** Keeps the rows still in the window, draws the others, and leaves the focus where it was. */
  private drawRows(): void {
    const { first, end } = this.window;
    const focused = document.activeElement instanceof HTMLElement && this.list.contains(document.activeElement);
    for (const [index, row] of this.drawn) {
      if (index >= first && index < end) continue;
      row.item.remove();
      this.drawn.delete(index);
    }
    let next: HTMLLIElement | null = null;
    for (let index = end - 1; index >= first; index--) {
      const model: RowModel = { index, count: this.geometry.count, content: this.pages.content(index) };
      const row = this.drawn.get(index);
      if (row && sameRow(row.model, model)) {
        next = row.item;
        continue;
      }
      const item = rowItem(model, this.colors);
      if (row) row.item.replaceWith(item);
      else this.list.insertBefore(item, next);
      this.drawn.set(index, { model, item });
      next = item;
    }
    this.placeTabStop(focused);
  }

  /** The active row (else the first drawn) is the list's tab stop; the focus goes back to it after a redraw took it. */
  private placeTabStop(hadFocus: boolean): void {
    const row = this.drawn.get(this.active) ?? this.drawn.get(this.window.first);
    const button = row?.item.firstElementChild instanceof HTMLButtonElement ? row.item.firstElementChild : null;
    if (this.tabStop !== button) {
      this.tabStop?.setAttribute('tabindex', '-1');
      button?.setAttribute('tabindex', '0');
      this.tabStop = button;
    }
    if (!hadFocus) return;
    const activeButton = this.drawn.get(this.active)?.item.firstElementChild;
    const target = activeButton instanceof HTMLButtonElement ? activeButton : this.list;
    if (document.activeElement !== target) target.focus({ preventScroll: true });
  }

  private settle(): void {
    if (this.waiters.length === 0 || this.frame !== 0 || !this.summary || !this.pages.settled(this.window.first, this.window.end)) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  // ------------------------------------------------------------ focus and keys

  private setActive(index: number): void {
    this.active = index;
    const content = this.pages.content(index);
    if (content.kind === 'finding') this.activeIdentity = findingIdentity(content.finding);
  }

  /** Moves the keyboard to row `index`, scrolling it into view; its page is asked for if it is not held. */
  private moveTo(index: number): void {
    const count = this.geometry.count;
    if (count === 0) return;
    const to = Math.max(0, Math.min(count - 1, index));
    this.active = to;
    this.activeIdentity = null;
    const current = this.pinned && Math.abs(this.pinned.scrollTop - this.viewport.scrollTop) < 1 ? this.pinned.offset : listOffset(this.geometry, this.viewport.scrollTop);
    const offset = offsetShowing(this.geometry, current, to);
    if (offset !== current) this.scrollToOffset(offset);
    this.draw();
    const button = this.drawn.get(to)?.item.firstElementChild;
    if (button instanceof HTMLButtonElement) button.focus({ preventScroll: true });
    this.setActive(to);
  }

  private scrollToOffset(offset: number): void {
    this.viewport.scrollTop = scrollTopFor(this.geometry, offset);
    this.pinned = { scrollTop: this.viewport.scrollTop, offset: Math.min(offset, Math.max(0, fullHeight(this.geometry) - this.geometry.viewportHeight)) };
  }

  /** After an edit the focused finding may sit elsewhere: follow it (keeping it where it was on screen), or stay at its position when it is gone. */
  private followFocus(): void {
    if (this.active < 0 || this.activeIdentity === null) return;
    const here = this.pages.content(this.active);
    if (here.kind !== 'finding' || findingIdentity(here.finding) === this.activeIdentity) return;
    let found = -1;
    for (const [index, finding] of this.pages.held()) {
      if (findingIdentity(finding) === this.activeIdentity && (found < 0 || Math.abs(index - this.active) < Math.abs(found - this.active))) found = index;
    }
    if (found < 0) {
      this.activeIdentity = findingIdentity(here.finding);
      return;
    }
    const moved = found - this.active;
    this.active = found;
    if (this.list.contains(document.activeElement)) {
      const current = this.pinned && Math.abs(this.pinned.scrollTop - this.viewport.scrollTop) < 1 ? this.pinned.offset : listOffset(this.geometry, this.viewport.scrollTop);
      this.scrollToOffset(current + moved * this.geometry.rowHeight);
    }
  }

  private onKey(event: KeyboardEvent): void {
    const from = indexOf(event.target) ?? this.active;
    const page = rowsInView(this.geometry);
    const to = event.key === 'ArrowDown' ? from + 1
      : event.key === 'ArrowUp' ? from - 1
        : event.key === 'PageDown' ? from + page
          : event.key === 'PageUp' ? from - page
            : event.key === 'Home' ? 0
              : event.key === 'End' ? this.geometry.count - 1
                : undefined;
    if (event.key === 'Enter') {
      if (from < 0) return;
      event.preventDefault();
      this.open(from);
      return;
    }
    if (to === undefined) return;
    event.preventDefault();
    this.moveTo(from < 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp') ? this.window.first : to);
  }

  private onClick(event: MouseEvent): void {
    const index = indexOf(event.target);
    if (index !== undefined) this.open(index);
  }

  /** Opens a row's finding; a stand-in of an older generation, or a row still loading, opens nothing. */
  private open(index: number): void {
    const content = this.drawn.get(index)?.model.content;
    if (content?.kind === 'finding') this.host.reveal(content.finding);
  }
}

/** The position of the row an event target is in (its button carries it). */
function indexOf(target: EventTarget | null): number | undefined {
  if (!(target instanceof Element)) return undefined;
  const button = target.closest('button.row-button');
  const value = button instanceof HTMLElement ? Number(button.dataset.index) : NaN;
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}
