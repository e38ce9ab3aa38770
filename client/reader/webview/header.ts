// The compact header above the article: the area as title, the front
// matter's fields as chips, the report's memo, and the legend of the codes
// the report uses. Text content only.
import type { ShownModel } from './shownModel';
import { safeCodeColor } from '../../../core/reader/highlightStyle';
import { h } from '../../webview/dom';

/** What the header shows, as a key: an edit of the article alone leaves it as it is. */
export function headerKey(model: ShownModel): string {
  return JSON.stringify([model.name, model.header, model.codes, model.passages.length]);
}

export function reportHeader(model: ShownModel): HTMLElement {
  const fields = model.header.fields.map((field) =>
    h('div', { class: 'field', 'data-key': field.key }, h('span', { class: 'field-label' }, field.label), h('span', { class: 'field-value' }, field.value)));
  const memo = model.header.memo === null ? null : h('section', { class: 'report-memo', 'aria-label': 'Report memo' },
    h('h2', {}, 'Memo'), h('p', { class: 'memo-text' }, model.header.memo));
  return h('header', { class: 'report-header' },
    h('div', { class: 'title-row' }, h('h1', { class: 'title' }, model.header.title), h('span', { class: 'file-name' }, model.name)),
    fields.length > 0 ? h('div', { class: 'fields', role: 'list', 'aria-label': 'Report fields' }, ...fields.map((field) => { field.setAttribute('role', 'listitem'); return field; })) : null,
    memo,
    legend(model));
}

function legend(model: ShownModel): HTMLElement {
  const used = model.codes.filter((code) => code.passages > 0);
  const items = used.map((code) => {
    const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.setProperty('--code-color', safeCodeColor(code.color));
    return h('li', { 'data-code': code.name }, swatch, h('span', {}, code.label), h('span', { class: 'count' }, String(code.passages)));
  });
  const count = model.passages.length;
  return h('section', { class: 'legend', 'aria-label': 'Legend' },
    items.length > 0 ? h('ul', {}, ...items) : null,
    h('span', { class: 'legend-total' }, count === 0 ? 'No coded passages yet: select text and choose a code.' : `${count} coded ${count === 1 ? 'passage' : 'passages'}`));
}
