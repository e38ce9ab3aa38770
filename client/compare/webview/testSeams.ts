// Test builds only (the comparison calls it under FINDINGS_TEST_SEAMS, so
// the production bundle leaves it out): probes from the extension's tests,
// each acting as a user would, then answering with what the comparison
// displays, read back from its DOM.
import type { ColumnFacts, CompareFacts, ToCompare } from '../compareMessages';
import type { ColumnScroll } from './columnScroll';
import type { CopyColumn } from './copyColumn';

export interface ProbeContext {
  post(message: unknown): void;
  seq(): number | null;
  /** Every copy's column, shown or not. */
  columns(): readonly CopyColumn[];
  visible(): readonly CopyColumn[];
  readonly scroll: ColumnScroll;
  toggle(annotator: string): void;
}

const SETTLE_MS = 150;

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A table's body as row name -> column heading -> cell text. */
function tableCells(name: string): Record<string, Record<string, string>> {
  const rows: Record<string, Record<string, string>> = {};
  for (const row of document.querySelectorAll(`table[data-table="${name}"] tbody tr`)) {
    const cells: Record<string, string> = {};
    for (const cell of row.querySelectorAll('td')) cells[cell.getAttribute('data-col') ?? ''] = text(cell);
    rows[text(row.querySelector('th'))] = cells;
  }
  return rows;
}

function columnFacts(column: CopyColumn, context: ProbeContext): ColumnFacts {
  const { passages, statuses, labels } = column.facts();
  return { annotator: column.copy.annotator, text: column.view.renderedText(), passages, statuses, labels, topOffset: context.scroll.topOffset(column) };
}

function facts(context: ProbeContext): CompareFacts {
  let handlers = 0;
  for (const element of document.querySelectorAll('*')) for (const name of element.getAttributeNames()) if (name.toLowerCase().startsWith('on')) handlers++;
  const toggles: Record<string, boolean> = {};
  for (const button of document.querySelectorAll<HTMLButtonElement>('.cmp-toggle')) toggles[button.dataset.annotator ?? ''] = button.getAttribute('aria-pressed') === 'true';
  const focused = document.activeElement;
  return {
    seq: context.seq(),
    title: text(document.querySelector('.cmp-title')),
    statement: text(document.querySelector('.cmp-statement')),
    columns: context.visible().map((column) => columnFacts(column, context)),
    toggles,
    byCode: tableCells('byCode'),
    byPair: tableCells('byPair'),
    legend: [...document.querySelectorAll('.cmp-legend li')].map((item) => text(item)),
    notice: text(document.querySelector('.notice')),
    focused: focused && focused !== document.body ? focused.getAttribute('aria-label') ?? text(focused) : '',
    themeKind: document.body.dataset.vscodeThemeKind ?? '',
    images: document.querySelectorAll('img, image, picture, iframe, object, embed, video, audio').length,
    // The workbench injects its own script into the page: count those in what the comparison draws.
    scripts: document.getElementById('app')?.querySelectorAll('script').length ?? 0,
    handlers,
  };
}

function number(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

function frames(n: number): Promise<void> {
  return new Promise((resolve) => {
    const next = (left: number) => (left <= 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
    next(n);
  });
}

/** Waits until no column scrolled for a while (the others have followed by then). */
function scrollSettled(columns: readonly CopyColumn[]): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, SETTLE_MS);
    function onScroll(): void {
      clearTimeout(timer);
      timer = setTimeout(done, SETTLE_MS);
    }
    function done(): void {
      for (const column of columns) column.scroller.removeEventListener('scroll', onScroll);
      resolve();
    }
    for (const column of columns) column.scroller.addEventListener('scroll', onScroll, { passive: true });
  });
}

/** The opening highlight of a copy's passage. */
function markOf(context: ProbeContext, copy: number, passage: number): HTMLElement | undefined {
  const column = context.columns()[copy];
  const drawnPassage = column?.copy.passages[passage];
  if (!column || !drawnPassage) return undefined;
  return column.view.marksOf(passage, drawnPassage.start, drawnPassage.end)[0];
}

export async function answerProbe(message: Extract<ToCompare, { type: `test:${string}` }>, context: ProbeContext): Promise<void> {
  const reply = (withFacts: boolean) => context.post({ type: 'test:reply', id: message.id, facts: withFacts ? facts(context) : null });
  switch (message.type) {
    case 'test:inspect':
      await frames(2);
      return reply(true);
    case 'test:toggle':
      document.querySelector<HTMLButtonElement>(`.cmp-toggle[data-annotator="${CSS.escape(String(message.annotator))}"]`)?.click();
      await frames(2);
      return reply(true);
    case 'test:click': {
      const mark = markOf(context, number(message.copy), number(message.passage));
      mark?.scrollIntoView({ block: 'center' });
      mark?.click();
      return reply(true);
    }
    case 'test:key': {
      const mark = markOf(context, number(message.copy), number(message.passage));
      mark?.focus();
      (mark ?? document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key: String(message.key ?? ''), bubbles: true, cancelable: true }));
      return reply(true);
    }
    case 'test:scroll': {
      const column = context.columns()[number(message.copy)];
      if (column) {
        const settled = scrollSettled(context.visible());
        context.scroll.scrollToOffset(column, number(message.offset));
        await settled;
        await frames(2);
      }
      return reply(true);
    }
    case 'test:post':
      context.post(message.message);
      return reply(true);
    default:
      return reply(false);
  }
}
