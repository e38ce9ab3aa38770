// The findings of a summary as a list of buttons (Enter or a click opens the
// report with the span selected; arrow keys move between them), filtered by
// code, theme, area and free text.
import { areaOf, hasFilters, queryFindings, type FindingsQueryResult } from '../../core/summary/findingsQuery';
import type { SummaryFinding, SummaryResult } from '../../protocol';
import type { PanelFilters } from '../summary/messages';
import { swatch } from './charts';
import { formatNumber, h, icon, replaceChildren } from './dom';
import { codeColors } from './overview';

/** Rows rendered at once; "Show more" adds as many again. */
const PAGE = 200;

export class FindingsList {
  readonly element: HTMLElement;
  private readonly code = h('select', { id: 'filter-code', 'data-filter': 'code' });
  private readonly theme = h('select', { id: 'filter-theme', 'data-filter': 'theme' });
  private readonly area = h('select', { id: 'filter-area', 'data-filter': 'area' });
  private readonly text = h('input', { id: 'filter-text', type: 'search', placeholder: 'Filter by text, memo or file', spellcheck: 'false', autocomplete: 'off', 'data-filter': 'text' });
  private readonly clearButton = h('button', { type: 'button', class: 'secondary', id: 'clear-filters' }, icon('clear-all'), ' Clear');
  private readonly count = h('p', { class: 'count', id: 'findings-count', role: 'status' });
  private readonly list = h('ol', { class: 'findings', id: 'findings-list', 'aria-labelledby': 'findings-title' });
  private readonly more = h('button', { type: 'button', class: 'secondary more', id: 'more-findings', hidden: true });
  private summary: SummaryResult | null = null;
  private filters: PanelFilters;
  private limit = PAGE;
  private textTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(filters: PanelFilters, private readonly reveal: (finding: SummaryFinding) => void, private readonly filtersChanged: (filters: PanelFilters) => void) {
    this.filters = filters;
    this.text.value = filters.text;
    const field = (label: string, control: HTMLElement, id: string): HTMLElement => h('div', { class: 'field' }, h('label', { for: id }, label), control);
    this.element = h('section', { class: 'card wide findings-card', id: 'findings', 'aria-labelledby': 'findings-title' },
      h('h2', { id: 'findings-title' }, 'Findings'),
      h('div', { class: 'filters', role: 'search', 'aria-label': 'Filter the findings' },
        field('Code', this.code, 'filter-code'),
        field('Theme', this.theme, 'filter-theme'),
        field('Area', this.area, 'filter-area'),
        h('div', { class: 'field grow' }, h('label', { for: 'filter-text' }, 'Text'), this.text),
        h('div', { class: 'field end' }, this.clearButton)),
      this.count,
      this.list,
      this.more);
    for (const select of [this.code, this.theme, this.area]) select.addEventListener('change', () => this.readControls());
    this.text.addEventListener('input', () => {
      clearTimeout(this.textTimer);
      this.textTimer = setTimeout(() => this.readControls(), 120);
    });
    this.clearButton.addEventListener('click', () => {
      this.code.value = this.theme.value = this.area.value = this.text.value = '';
      this.readControls();
      this.text.focus();
    });
    this.more.addEventListener('click', () => {
      const first = this.limit;
      this.limit += PAGE;
      this.renderRows();
      this.rows()[first]?.focus();
    });
    this.list.addEventListener('keydown', (event) => this.onKey(event));
  }

  get currentFilters(): PanelFilters {
    return this.filters;
  }

  /** Sets the controls as a user would, then filters (tests). */
  applyFilters(filters: Partial<PanelFilters>): void {
    if (filters.code !== undefined) this.code.value = filters.code;
    if (filters.theme !== undefined) this.theme.value = filters.theme;
    if (filters.area !== undefined) this.area.value = filters.area;
    if (filters.text !== undefined) this.text.value = filters.text;
    this.readControls();
  }

  update(summary: SummaryResult): void {
    this.summary = summary;
    this.renderRows();
  }

  rows(): HTMLButtonElement[] {
    return [...this.list.querySelectorAll<HTMLButtonElement>('button.finding')];
  }

  private readControls(): void {
    const next: PanelFilters = { code: this.code.value, theme: this.theme.value, area: this.area.value, text: this.text.value };
    if (JSON.stringify(next) === JSON.stringify(this.filters)) return;
    this.filters = next;
    this.limit = PAGE;
    this.renderRows();
    this.filtersChanged(next);
  }

  /**
   * Each filter lists every value of the summary, with the number of
   * findings it would match beside the other filters as set: the counts
   * add up with the "N of M findings match" line.
   */
  private fillFilters(summary: SummaryResult, counts: FindingsQueryResult<SummaryFinding>['counts']): void {
    fillSelect(this.code, 'All codes', Object.keys(summary.byCode).sort(), this.filters.code, (key) => counts.code.get(key) ?? 0);
    fillSelect(this.theme, 'All themes', Object.keys(summary.byTheme).sort(), this.filters.theme, (key) => counts.theme.get(key) ?? 0);
    fillSelect(this.area, 'All areas', allAreas(summary), this.filters.area, (key) => counts.area.get(key) ?? 0);
  }

  private renderRows(): void {
    const summary = this.summary;
    if (!summary) return;
    // Keep the focus on the same finding across live updates.
    const focused = document.activeElement instanceof HTMLElement && this.list.contains(document.activeElement) ? document.activeElement.dataset.key : undefined;
    const { matching, counts } = queryFindings(summary.findings, this.filters);
    this.fillFilters(summary, counts);
    const shown = matching.slice(0, this.limit);
    const colors = codeColors(summary);
    replaceChildren(this.list, ...shown.map((finding, i) => h('li', {}, row(finding, i, colors, () => this.reveal(finding)))));
    const filtered = hasFilters(this.filters);
    const total = h('span', { 'data-count': 'total' }, formatNumber(summary.findings.length));
    const noun = summary.findings.length === 1 ? ' finding' : ' findings';
    replaceChildren(this.count,
      ...(filtered ? [h('span', { 'data-count': 'matching' }, formatNumber(matching.length)), ' of ', total, noun, ' match the filters'] : [total, noun]),
      shown.length < matching.length ? ` (showing the first ${formatNumber(shown.length)})` : '');
    this.count.dataset.matching = String(matching.length);
    this.clearButton.disabled = !filtered && this.filters.text === '';
    this.more.hidden = shown.length >= matching.length;
    this.more.textContent = `Show ${formatNumber(Math.min(PAGE, matching.length - shown.length))} more`;
    if (focused) this.rows().find((button) => button.dataset.key === focused)?.focus();
  }

  private onKey(event: KeyboardEvent): void {
    const rows = this.rows();
    const at = rows.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    const to = event.key === 'ArrowDown' ? at + 1 : event.key === 'ArrowUp' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? rows.length - 1 : undefined;
    if (to === undefined) return;
    event.preventDefault();
    rows[Math.max(0, Math.min(rows.length - 1, to))]?.focus();
  }
}

/** Every area of the summary's findings, sorted. */
function allAreas(summary: SummaryResult): string[] {
  return [...new Set(summary.findings.map(areaOf))].sort();
}

function fillSelect(select: HTMLSelectElement, all: string, keys: readonly string[], selected: string, count: (key: string) => number): void {
  // A filter set before an edit removed its last finding stays selectable, at 0.
  const values = selected !== '' && !keys.includes(selected) ? [...keys, selected] : keys;
  replaceChildren(select, h('option', { value: '' }, all), ...values.map((key) => h('option', { value: key }, `${key} (${formatNumber(count(key))})`)));
  select.value = selected;
}

function row(finding: SummaryFinding, i: number, colors: Map<string, string | undefined>, open: () => void): HTMLButtonElement {
  const line = finding.range.start.line + 1;
  const button = h('button', { type: 'button', class: 'finding', 'data-index': i, 'data-key': `${finding.uri}#${finding.index}`, title: `Open ${finding.path} at line ${line}` },
    h('span', { class: 'finding-head' },
      ...finding.codes.map((code) => h('span', { class: 'chip', 'data-code': code }, swatch(colors.get(code)), code)),
      finding.themes.length ? h('span', { class: 'finding-themes' }, finding.themes.join(' · ')) : null,
      h('span', { class: 'finding-where' }, `${finding.path}:${line}`, finding.area ? ` · ${finding.area}` : '')),
    h('span', { class: 'finding-text' }, finding.text),
    // A blank memo is no memo (the Memos view lists none either).
    finding.memo && finding.memo.trim() !== '' ? memoLine(finding.memo) : null);
  button.addEventListener('click', open);
  return button;
}

/** The passage's memo under its text: a memo icon and the memo on one line (the stylesheet cuts it with an ellipsis), the whole memo its tooltip. */
function memoLine(memo: string): HTMLElement {
  const flat = memo.replace(/\s+/g, ' ').trim();
  return h('span', { class: 'finding-memo', title: memo }, icon('note'), h('span', { class: 'finding-memo-text' }, flat));
}
