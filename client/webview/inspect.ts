// Reads back what the panel displays, from its DOM (not from the data it was
// given), so that the tests check what a user sees: the totals, the code and
// theme tables, the chart's bars, the tallies, the findings rows (those the
// virtual list has in the DOM, their positions and heights), and that
// nothing in the page could run or load (no img, one script, no on* handler).
import type { FindingsSort, PanelFilters, PanelScope, RenderedFacts } from '../summary/messages';
import { agreementFacts } from './agreementFacts';
import { readNumber } from './dom';
import { TALLIES } from './overview';

/** A displayed number; 0 where none is shown (a test comparing counts then fails on it). */
function num(value: string | null | undefined): number {
  const n = readNumber(value);
  return Number.isNaN(n) ? 0 : n;
}

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function tableCounts(root: ParentNode, table: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of root.querySelectorAll(`table[data-table="${table}"] tbody tr`)) {
    counts[text(row.querySelector('.key'))] = num(row.querySelector('[data-col="findings"]')?.textContent);
  }
  return counts;
}

/** The values of a filter with the count shown beside each, read from its options' labels: `value (n)`. */
function optionCounts(filter: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const option of document.querySelectorAll<HTMLOptionElement>(`select[data-filter="${filter}"] option`)) {
    if (option.value === '') continue;
    const label = /\(([^()]*)\)$/.exec(option.textContent ?? '');
    counts[option.value] = num(label?.[1]);
  }
  return counts;
}

function handlerCount(): number {
  let n = 0;
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.getAttributeNames()) if (attribute.toLowerCase().startsWith('on')) n++;
  }
  return n;
}

/** The list's items in the DOM: positions, heights, and the rows whose content is taller than they are. */
function listFacts(): Pick<RenderedFacts, 'listItems' | 'renderedRange' | 'virtualHeight' | 'rowHeights' | 'overflowingRows' | 'focusedIndex' | 'setSize'> {
  const items = [...document.querySelectorAll<HTMLLIElement>('#findings-list > li')];
  const positions = items.map((item) => Number(item.getAttribute('aria-posinset')) - 1);
  // A row overflows when its button's content is taller than the row, or a part of it ends below the row.
  const overflowing = items.filter((item) => {
    const button = item.firstElementChild;
    const bottom = item.getBoundingClientRect().bottom + 1;
    return (button instanceof HTMLElement && button.scrollHeight > item.clientHeight + 1)
      || [...item.querySelectorAll('.finding-head, .finding-text, .finding-memo')].some((part) => part.getBoundingClientRect().bottom > bottom);
  }).length;
  const focused = document.activeElement instanceof HTMLElement && document.activeElement.closest('#findings-list') ? document.activeElement.closest<HTMLElement>('button.row-button')?.dataset.index : undefined;
  const spacer = document.querySelector<HTMLElement>('#findings-viewport .findings-spacer');
  return {
    listItems: items.length,
    renderedRange: items.length ? [Math.min(...positions), Math.max(...positions)] : null,
    virtualHeight: Math.round(spacer?.getBoundingClientRect().height ?? 0),
    rowHeights: [...new Set(items.map((item) => Math.round(item.getBoundingClientRect().height)))],
    overflowingRows: overflowing,
    focusedIndex: focused === undefined ? null : Number(focused),
    setSize: num(items[0]?.getAttribute('aria-setsize')),
  };
}

export function inspect(scope: PanelScope, generation: number | null, filters: PanelFilters): RenderedFacts {
  const totals: Record<string, number> = {};
  for (const tile of document.querySelectorAll<HTMLElement>('[data-total]')) totals[tile.dataset.total ?? ''] = num(tile.querySelector('.tile-value')?.textContent);
  const codeBars: Record<string, number> = {};
  for (const bar of document.querySelectorAll('svg[data-chart="code"] .bar-row')) codeBars[bar.getAttribute('data-key') ?? ''] = num(bar.querySelector('.bar-value')?.textContent);
  const tallies: Record<string, Record<string, [number, number]>> = {};
  for (const { field } of TALLIES) {
    const rows: Record<string, [number, number]> = {};
    for (const row of document.querySelectorAll(`table[data-tally="${field}"] tbody tr`)) {
      rows[text(row.querySelector('.key'))] = [num(row.querySelector('[data-col="reports"]')?.textContent), num(row.querySelector('[data-col="findings"]')?.textContent)];
    }
    tallies[field] = rows;
  }
  const rows = [...document.querySelectorAll('#findings-list button.finding')];
  const count = document.getElementById('findings-count');
  const total = num(count?.querySelector('[data-count="total"]')?.textContent);
  const matching = count?.querySelector('[data-count="matching"]') ? num(count.querySelector('[data-count="matching"]')?.textContent) : total;
  return {
    scope,
    generation,
    heading: text(document.getElementById('heading')),
    notice: text(document.querySelector('.notice')),
    totals,
    byCode: tableCounts(document, 'byCode'),
    byTheme: tableCounts(document, 'byTheme'),
    codeBars,
    tallies,
    findingsRows: rows.length,
    ...listFacts(),
    findingsMatching: matching,
    findingsTotal: total,
    rowPositions: rows.slice(0, 500).map((row) => num(row.parentElement?.getAttribute('aria-posinset'))),
    rowTexts: rows.slice(0, 500).map((row) => row.querySelector('.finding-text')?.textContent ?? ''),
    rowWheres: rows.slice(0, 500).map((row) => text(row.querySelector('.finding-where'))),
    rowMemos: rows.slice(0, 500).map((row) => row.querySelector('.finding-memo-text')?.textContent ?? ''),
    rowMemoTitles: rows.slice(0, 500).map((row) => row.querySelector('.finding-memo')?.getAttribute('title') ?? ''),
    filters,
    // The extension checks that it is one of the orders.
    sort: ((document.getElementById('findings-sort') as HTMLSelectElement | null)?.value ?? '') as FindingsSort,
    filterCounts: { code: optionCounts('code'), theme: optionCounts('theme'), area: optionCounts('area') },
    images: document.querySelectorAll('img, image, picture, iframe, object, embed').length,
    // The workbench injects its own script into the page: count those in what the panel renders.
    scripts: document.getElementById('app')?.querySelectorAll('script').length ?? 0,
    handlers: handlerCount(),
    xss: typeof (window as unknown as { __xss?: unknown }).__xss,
    agreement: agreementFacts(),
  };
}
