// The reader's toolbar, built from the model's codes and themes: a button per
// code to tag the selection (with the editor's shortcut beside it), a theme
// picker for tagging, filter chips per code and theme with their counts,
// "Save as HTML", and the status line that says what became of a tag.
// Native buttons, checkboxes and <details>: every control works from the keyboard.
import { safeCodeColor } from '../../../core/reader/highlightStyle';
import type { ShownModel } from './shownModel';
import { h, replaceChildren } from '../../webview/dom';
import type { ReaderFilters } from '../readerMessages';
import { keyHint, TAG_KEYS } from './shortcuts';

export interface ToolbarActions {
  tag(code: string): void;
  filters(filters: ReaderFilters): void;
  saveHtml(): void;
}

export class Toolbar {
  readonly element: HTMLElement;
  private readonly codeButtons = h('div', { class: 'code-buttons', role: 'group', 'aria-label': 'Tag the selection as' });
  private readonly themeList = h('div', { class: 'menu-list', role: 'group', 'aria-label': 'Themes for tagging' });
  private readonly themeSummary = h('summary', { title: 'Themes written with the next tag' }, 'Themes: none');
  private readonly themePicker = h('details', { class: 'menu theme-picker' }, this.themeSummary, this.themeList);
  private readonly filterCodes = h('div', { class: 'chips', role: 'group', 'aria-label': 'Codes that stand out' });
  private readonly filterThemes = h('div', { class: 'chips', role: 'group', 'aria-label': 'Themes that stand out' });
  private readonly filterSummary = h('summary', {}, 'Filter');
  private readonly filterCount = h('span', { class: 'filter-count', 'aria-live': 'polite' });
  private readonly clearFilters = h('button', { type: 'button', class: 'link-button' }, 'Show all');
  private readonly filterPanel = h('details', { class: 'menu filter-panel' }, this.filterSummary,
    h('div', { class: 'menu-list filters' },
      h('div', { class: 'filter-row' }, h('span', { class: 'row-label' }, 'Codes'), this.filterCodes),
      h('div', { class: 'filter-row' }, h('span', { class: 'row-label' }, 'Themes'), this.filterThemes),
      h('div', { class: 'filter-row' }, this.filterCount, this.clearFilters)));
  private readonly saveButton = h('button', { type: 'button', class: 'secondary', title: 'Save the coded report as one HTML file' }, 'Save as HTML…');
  readonly status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  private chosenThemes = new Set<string>();
  private filterState: ReaderFilters = { codes: [], themes: [] };
  private signature = '';
  private chipsSignature = '';

  constructor(private readonly actions: ToolbarActions) {
    this.element = h('div', { class: 'toolbar' },
      h('div', { class: 'toolbar-row' },
        h('span', { class: 'row-label', 'aria-hidden': 'true' }, 'Tag'), this.codeButtons, this.themePicker,
        this.filterPanel, this.saveButton),
      this.status);
    this.saveButton.addEventListener('click', () => actions.saveHtml());
    this.clearFilters.addEventListener('click', () => this.setFilters({ codes: [], themes: [] }, true));
    for (const menu of [this.themePicker, this.filterPanel]) {
      menu.addEventListener('keydown', (event) => {
        if (event.key !== 'Escape' || !menu.open) return;
        menu.open = false;
        menu.querySelector('summary')?.focus();
        event.stopPropagation();
      });
    }
  }

  /** Rebuilds the controls when the codes or themes changed (their counts are refreshed every time). */
  update(model: ShownModel): void {
    const signature = JSON.stringify([model.codes.map((c) => [c.name, c.label, c.color]), model.themes.map((t) => [t.name, t.label])]);
    if (signature !== this.signature) {
      this.signature = signature;
      replaceChildren(this.codeButtons, ...model.codes.map((code) => this.codeButton(code)));
      const known = new Set(model.themes.map((theme) => theme.name));
      this.chosenThemes = new Set([...this.chosenThemes].filter((name) => known.has(name)));
      replaceChildren(this.themeList, ...model.themes.map((theme) => this.themeBox(theme.name, theme.label)));
      this.showChosenThemes();
    }
    this.drawChips(model);
  }

  get tagThemes(): string[] {
    return [...this.chosenThemes];
  }

  get filters(): ReaderFilters {
    return this.filterState;
  }

  /** The code names of the tag buttons, in order. */
  codeNames(): string[] {
    return [...this.codeButtons.querySelectorAll<HTMLButtonElement>('button[data-code]')].map((button) => button.dataset.code ?? '');
  }

  codeButtonOf(code: string): HTMLButtonElement | null {
    return [...this.codeButtons.querySelectorAll<HTMLButtonElement>('button[data-code]')].find((button) => button.dataset.code === code) ?? null;
  }

  /** Chips that match the filters, pressed (as if clicked); `announce` posts the change. */
  setFilters(filters: ReaderFilters, announce: boolean): void {
    this.filterState = { codes: [...new Set(filters.codes)], themes: [...new Set(filters.themes)] };
    for (const chip of this.element.querySelectorAll<HTMLButtonElement>('button[data-filter]')) {
      const chosen = chip.dataset.filter === 'code' ? this.filterState.codes : this.filterState.themes;
      chip.setAttribute('aria-pressed', String(chosen.includes(chip.dataset.name ?? '')));
    }
    const n = this.filterState.codes.length + this.filterState.themes.length;
    this.filterSummary.textContent = n === 0 ? 'Filter' : `Filter (${n})`;
    this.clearFilters.disabled = n === 0;
    if (announce) this.actions.filters(this.filterState);
  }

  /** "12 of 40 passages stand out". */
  showFilterCount(standing: number, total: number): void {
    const filtering = this.filterState.codes.length + this.filterState.themes.length > 0;
    this.filterCount.textContent = filtering ? `${standing} of ${total} ${total === 1 ? 'passage stands' : 'passages stand'} out` : `${total} ${total === 1 ? 'passage' : 'passages'}`;
  }

  setStatus(text: string, kind: 'info' | 'error' = 'info'): void {
    this.status.textContent = text;
    this.status.classList.toggle('error', kind === 'error');
  }

  private codeButton(code: ShownModel['codes'][number]): HTMLButtonElement {
    const letter = TAG_KEYS[code.name];
    const hint = letter ? keyHint(letter) : null;
    const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.setProperty('--code-color', safeCodeColor(code.color));
    const button = h('button', {
      type: 'button', class: 'code-button', 'data-code': code.name,
      title: `Tag the selection in the article as ${code.label}${hint ? ` (${hint.shown})` : ''}`,
      'aria-keyshortcuts': hint?.aria,
    }, swatch, h('span', {}, code.label), hint ? h('kbd', { 'aria-hidden': 'true' }, hint.shown) : null);
    // Keep the article's selection: a press on the button must not move it.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => this.actions.tag(code.name));
    return button;
  }

  private themeBox(name: string, label: string): HTMLElement {
    const box = h('input', { type: 'checkbox', value: name });
    box.checked = this.chosenThemes.has(name);
    box.addEventListener('change', () => {
      if (box.checked) this.chosenThemes.add(name);
      else this.chosenThemes.delete(name);
      this.showChosenThemes();
    });
    return h('label', { class: 'menu-item' }, box, h('span', {}, label));
  }

  private showChosenThemes(): void {
    const labels = new Map<string, string>();
    for (const box of this.themeList.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) labels.set(box.value, box.nextElementSibling?.textContent ?? box.value);
    const chosen = [...this.chosenThemes].map((name) => labels.get(name) ?? name);
    this.themeSummary.textContent = chosen.length === 0 ? 'Themes: none' : `Themes: ${chosen.join(', ')}`;
  }

  private drawChips(model: ShownModel): void {
    // Unchanged counts and filters (most edits): the chips stay.
    const signature = JSON.stringify([model.codes.map((c) => [c.name, c.label, c.color, c.passages]), model.themes.map((t) => [t.name, t.label, t.passages]), this.filterState]);
    if (signature === this.chipsSignature) return;
    this.chipsSignature = signature;
    const chip = (kind: 'code' | 'theme', name: string, label: string, count: number, color: string | null) => {
      const chosen = (kind === 'code' ? this.filterState.codes : this.filterState.themes).includes(name);
      const swatch = color === null ? null : h('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch?.style.setProperty('--code-color', color as string);
      const button = h('button', { type: 'button', class: 'chip', 'data-filter': kind, 'data-name': name, 'aria-pressed': String(chosen), title: `${label}: ${count} ${count === 1 ? 'passage' : 'passages'}` },
        swatch, h('span', {}, label), h('span', { class: 'count' }, String(count)));
      button.addEventListener('click', () => {
        const list = kind === 'code' ? this.filterState.codes : this.filterState.themes;
        const next = list.includes(name) ? list.filter((item) => item !== name) : [...list, name];
        this.setFilters(kind === 'code' ? { codes: next, themes: this.filterState.themes } : { codes: this.filterState.codes, themes: next }, true);
      });
      return button;
    };
    // A chip for every code and theme the report uses, and for any still chosen.
    const codes = model.codes.filter((code) => code.passages > 0 || this.filterState.codes.includes(code.name));
    const themes = model.themes.filter((theme) => theme.passages > 0 || this.filterState.themes.includes(theme.name));
    replaceChildren(this.filterCodes, ...(codes.length > 0 ? codes.map((code) => chip('code', code.name, code.label, code.passages, safeCodeColor(code.color))) : [h('span', { class: 'muted' }, 'none yet')]));
    replaceChildren(this.filterThemes, ...(themes.length > 0 ? themes.map((theme) => chip('theme', theme.name, theme.label, theme.passages, null)) : [h('span', { class: 'muted' }, 'none yet')]));
    this.setFilters(this.filterState, false);
  }
}
