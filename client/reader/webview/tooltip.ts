// The popover of a passage, on hover or keyboard focus: its codes, themes,
// attributes and memo, and those of the passages around it (innermost
// first), with the actions a passage has. One element, refilled with text
// nodes; it stays while the pointer is over it, so its button can be used.
import { safeCodeColor } from '../../../core/reader/highlightStyle';
import { readerLabels } from '../../../core/reader/passageLabels';
import type { ShownModel, ShownPassage } from './shownModel';
import { h, replaceChildren } from '../../webview/dom';

const HIDE_DELAY_MS = 200;

export class PassageTooltip {
  readonly element = h('div', { class: 'tooltip', role: 'tooltip', id: 'passage-tooltip', hidden: true });
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private shownFor: Element | null = null;

  constructor(private readonly onAddMemo: (passage: number) => void) {
    this.element.addEventListener('pointerenter', () => clearTimeout(this.hideTimer));
    this.element.addEventListener('pointerleave', () => this.hideSoon());
  }

  /** Shows the passages (model positions, innermost first) beside `anchor`. */
  show(anchor: HTMLElement, passages: readonly number[], model: ShownModel): void {
    clearTimeout(this.hideTimer);
    if (passages.length === 0) return this.hide();
    const labels = readerLabels(model.codes, model.themes);
    const colors = new Map(model.codes.map((code) => [code.name, safeCodeColor(code.color)]));
    replaceChildren(this.element, ...passages.map((p, i) => this.entry(p, model.passages[p], labels, colors, i > 0)),
      h('p', { class: 'tooltip-hint' }, 'Click or Enter: show in the source · Ctrl+Alt+M: memo'));
    this.element.hidden = false;
    this.shownFor = anchor;
    anchor.setAttribute('aria-describedby', this.element.id);
    this.place(anchor);
  }

  hideSoon(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => this.hide(), HIDE_DELAY_MS);
  }

  hide(): void {
    clearTimeout(this.hideTimer);
    this.element.hidden = true;
    this.shownFor?.removeAttribute('aria-describedby');
    this.shownFor = null;
  }

  get visible(): boolean {
    return !this.element.hidden;
  }

  private entry(p: number, passage: ShownPassage, labels: ReturnType<typeof readerLabels>, colors: ReadonlyMap<string, string>, around: boolean): HTMLElement {
    const codes = passage.codes.map((code) => {
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.setProperty('--code-color', colors.get(code) ?? safeCodeColor(undefined));
      return h('span', { class: 'tooltip-code' }, swatch, labels.code(code));
    });
    const rows: HTMLElement[] = [];
    if (passage.themes.length > 0) rows.push(row(passage.themes.length === 1 ? 'Theme' : 'Themes', passage.themes.map(labels.theme).join(', ')));
    for (const attribute of passage.attributes) rows.push(row(attribute.key, attribute.value));
    if (passage.id !== null) rows.push(row('id', passage.id));
    const memo = passage.memo === null ? null : h('p', { class: 'tooltip-memo' }, h('span', { class: 'row-label' }, 'Memo'), ' ', passage.memo);
    const button = h('button', { type: 'button', class: 'link-button' }, passage.memo === null ? 'Add memo…' : 'Edit memo…');
    button.addEventListener('click', () => this.onAddMemo(p));
    return h('section', { class: around ? 'tooltip-entry around' : 'tooltip-entry' },
      around ? h('p', { class: 'tooltip-within' }, 'Within') : null,
      h('p', { class: 'tooltip-codes' }, ...codes),
      rows.length > 0 ? h('dl', {}, ...rows) : null,
      memo,
      button);
  }

  /** Below the passage (its last line), else above it (its first line), inside the viewport: the passage stays readable. */
  private place(anchor: HTMLElement): void {
    const rects = anchor.getClientRects();
    const first = rects[0] ?? anchor.getBoundingClientRect();
    const last = rects[rects.length - 1] ?? first;
    const box = this.element.getBoundingClientRect();
    const margin = 8;
    const gap = 6;
    const fitsBelow = last.bottom + gap + box.height <= window.innerHeight - margin;
    const fitsAbove = first.top - gap - box.height >= margin;
    const top = fitsBelow ? last.bottom + gap : fitsAbove ? first.top - gap - box.height : Math.max(margin, window.innerHeight - margin - box.height);
    const left = Math.max(margin, Math.min((fitsBelow ? last : first).left, window.innerWidth - box.width - margin));
    this.element.style.setProperty('left', `${Math.round(left)}px`);
    this.element.style.setProperty('top', `${Math.round(top)}px`);
  }
}

function row(label: string, value: string): HTMLElement {
  return h('div', { class: 'tooltip-row' }, h('dt', {}, label), h('dd', {}, value));
}
