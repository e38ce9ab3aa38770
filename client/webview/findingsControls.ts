// The findings list's controls: the code, theme and area filters (each value
// with the number of findings it would match beside the other filters, as
// the server counts them), the order, the text filter (debounced) and the
// "N of M findings match" line.
import { hasFilters } from '../../core/summary/findingsQuery';
import type { FacetValue, FindingsPageResult } from '../../protocol';
import { FINDINGS_SORTS, type FindingsSort } from '../../protocol/findingsPaging';
import type { PanelFilters } from '../summary/messages';
import { formatNumber, h, icon, replaceChildren } from './dom';

const SORT_LABELS: Readonly<Record<FindingsSort, string>> = { report: 'Report order', code: 'Code', area: 'Area' };
const TEXT_DELAY_MS = 120;

export class FindingsControls {
  readonly element: HTMLElement;
  readonly count = h('p', { class: 'count', id: 'findings-count', role: 'status' });
  private readonly code = h('select', { id: 'filter-code', 'data-filter': 'code' });
  private readonly theme = h('select', { id: 'filter-theme', 'data-filter': 'theme' });
  private readonly area = h('select', { id: 'filter-area', 'data-filter': 'area' });
  private readonly order = h('select', { id: 'findings-sort' }, ...FINDINGS_SORTS.map((sort) => h('option', { value: sort }, SORT_LABELS[sort])));
  private readonly text = h('input', { id: 'filter-text', type: 'search', placeholder: 'Filter by text, memo or file', spellcheck: 'false', autocomplete: 'off', 'data-filter': 'text' });
  private readonly clearButton = h('button', { type: 'button', class: 'secondary', id: 'clear-filters' }, icon('clear-all'), ' Clear');
  private filtersHeld: PanelFilters;
  private sortHeld: FindingsSort;
  /** What the selects list, to leave them alone (and open) when an answer brings the same. */
  private facetsShown = '';
  private countsShown = '';
  private textTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(filters: PanelFilters, sort: FindingsSort, private readonly changed: () => void) {
    this.filtersHeld = filters;
    this.sortHeld = sort;
    this.text.value = filters.text;
    this.order.value = sort;
    this.showFacets(null);
    const field = (label: string, control: HTMLElement, id: string, className = 'field'): HTMLElement => h('div', { class: className }, h('label', { for: id }, label), control);
    this.element = h('div', { class: 'filters', role: 'search', 'aria-label': 'Filter and order the findings' },
      field('Code', this.code, 'filter-code'),
      field('Theme', this.theme, 'filter-theme'),
      field('Area', this.area, 'filter-area'),
      field('Text', this.text, 'filter-text', 'field grow'),
      field('Order', this.order, 'findings-sort'),
      h('div', { class: 'field end' }, this.clearButton));
    for (const select of [this.code, this.theme, this.area, this.order]) select.addEventListener('change', () => this.read());
    this.text.addEventListener('input', () => {
      clearTimeout(this.textTimer);
      this.textTimer = setTimeout(() => this.read(), TEXT_DELAY_MS);
    });
    this.clearButton.addEventListener('click', () => {
      this.code.value = this.theme.value = this.area.value = this.text.value = '';
      this.read();
      this.text.focus();
    });
    this.clearButton.disabled = !hasFilters(filters) && filters.text === '';
  }

  get filters(): PanelFilters {
    return this.filtersHeld;
  }

  get sort(): FindingsSort {
    return this.sortHeld;
  }

  /** Sets the controls as a user would, then reads them (tests). */
  apply(filters: Partial<PanelFilters>, sort?: FindingsSort): void {
    if (filters.code !== undefined) setSelect(this.code, filters.code);
    if (filters.theme !== undefined) setSelect(this.theme, filters.theme);
    if (filters.area !== undefined) setSelect(this.area, filters.area);
    if (filters.text !== undefined) this.text.value = filters.text;
    if (sort !== undefined) this.order.value = sort;
    this.read();
  }

  /**
   * Each filter lists every value of the scope with the number of findings
   * it would match beside the other filters as set: the counts add up with
   * the "N of M findings match" line. Before the first answer, just the
   * values chosen.
   */
  showFacets(facets: FindingsPageResult['facets'] | null): void {
    const shown = JSON.stringify([facets, this.filtersHeld.code, this.filtersHeld.theme, this.filtersHeld.area]);
    if (shown === this.facetsShown) return;
    this.facetsShown = shown;
    fillSelect(this.code, 'All codes', facets?.code ?? null, this.filtersHeld.code);
    fillSelect(this.theme, 'All themes', facets?.theme ?? null, this.filtersHeld.theme);
    fillSelect(this.area, 'All areas', facets?.area ?? null, this.filtersHeld.area);
  }

  /** "N of M findings match the filters", or "M findings"; `matching` is null while the answer for the filters is awaited. */
  showCounts(matching: number | null, total: number): void {
    const filtered = hasFilters(this.filtersHeld);
    // Drawn again only when it changes: the list asks for it on every scrolled frame.
    const shown = `${filtered} ${matching} ${total}`;
    if (shown === this.countsShown) return;
    this.countsShown = shown;
    const totalText = h('span', { 'data-count': 'total' }, formatNumber(total));
    const noun = total === 1 ? ' finding' : ' findings';
    const matchingText = matching === null ? h('span', { 'data-count': 'counting' }, 'Counting the findings that match') : h('span', { 'data-count': 'matching' }, formatNumber(matching));
    replaceChildren(this.count, ...(filtered ? [matchingText, matching === null ? ' among ' : ' of ', totalText, noun, matching === null ? '…' : ' match the filters'] : [totalText, noun]));
    this.count.setAttribute('aria-busy', String(matching === null));
  }

  private read(): void {
    clearTimeout(this.textTimer);
    const filters: PanelFilters = { code: this.code.value, theme: this.theme.value, area: this.area.value, text: this.text.value };
    const sort = FINDINGS_SORTS.find((known) => known === this.order.value) ?? this.sortHeld;
    if (JSON.stringify(filters) === JSON.stringify(this.filtersHeld) && sort === this.sortHeld) return;
    this.filtersHeld = filters;
    this.sortHeld = sort;
    this.clearButton.disabled = !hasFilters(filters) && filters.text === '';
    this.changed();
  }
}

/** Chooses a value, listing it first if the select does not have it yet (a value restored before the counts came). */
function setSelect(select: HTMLSelectElement, value: string): void {
  if (value !== '' && ![...select.options].some((option) => option.value === value)) select.appendChild(h('option', { value }, value));
  select.value = value;
}

function fillSelect(select: HTMLSelectElement, all: string, values: readonly FacetValue[] | null, selected: string): void {
  const options = (values ?? []).map(({ value, count }) => h('option', { value }, `${value} (${formatNumber(count)})`));
  // A filter set before an edit removed its last finding stays selectable, at 0; before any counts, without one.
  if (selected !== '' && !(values ?? []).some((facet) => facet.value === selected)) options.push(h('option', { value: selected }, values ? `${selected} (0)` : selected));
  replaceChildren(select, h('option', { value: '' }, all), ...options);
  select.value = selected;
}
