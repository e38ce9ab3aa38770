// One row of the virtual findings list: a list item that says its position
// in the whole list (screen readers cannot count rows that do not exist),
// holding a button: the finding's codes, themes and place, its text (the
// stylesheet clamps it to two lines) and its memo on one line. A row whose
// page has not come yet, or could not be had, says so; a finding of an older
// generation shown while its fresh copy comes is drawn but opens nothing.
import type { SummaryFinding } from '../../protocol';
import { PAGE_TEXT_LIMIT } from '../../protocol/findingsPaging';
import { swatch } from './charts';
import { formatNumber, h, icon } from './dom';
import type { RowContent } from './findingsPages';

/** What a row is drawn from; a row is drawn again only when this changes. */
export interface RowModel {
  readonly index: number;
  readonly count: number;
  readonly content: RowContent;
}

export function sameRow(a: RowModel, b: RowModel): boolean {
  if (a.index !== b.index || a.count !== b.count || a.content.kind !== b.content.kind) return false;
  const x = a.content;
  const y = b.content;
  if (x.kind === 'finding' || x.kind === 'stale') return (y.kind === 'finding' || y.kind === 'stale') && x.finding === y.finding;
  if (x.kind === 'failed') return y.kind === 'failed' && x.error === y.error;
  return true;
}

/** Which finding a row shows, whatever its position: to keep the focus on it across updates. */
export function findingIdentity(finding: SummaryFinding): string {
  return `${finding.uri}\n${finding.codes.join(' ')}\n${finding.text}`;
}

/** The list item for a row; its button is the item's only child. */
export function rowItem(model: RowModel, colors: ReadonlyMap<string, string | undefined>): HTMLLIElement {
  return h('li', { 'aria-setsize': model.count, 'aria-posinset': model.index + 1, 'data-index': model.index }, rowButton(model, colors));
}

function rowButton(model: RowModel, colors: ReadonlyMap<string, string | undefined>): HTMLButtonElement {
  const { content, index } = model;
  switch (content.kind) {
    case 'finding':
      return findingButton(content.finding, index, colors, 'row-button finding');
    case 'stale':
      return findingButton(content.finding, index, colors, 'row-button finding-stale');
    case 'failed':
      return h('button', { type: 'button', class: 'row-button finding-failed', 'data-index': index, tabindex: -1 },
        h('span', { class: 'finding-text' }, icon('warning'), ` Finding ${formatNumber(index + 1)} could not be loaded: ${content.error}`));
    case 'loading':
      return h('button', { type: 'button', class: 'row-button finding-pending', 'data-index': index, tabindex: -1, 'aria-busy': 'true' },
        h('span', { class: 'finding-text muted' }, `Loading finding ${formatNumber(index + 1)}…`));
  }
}

function findingButton(finding: SummaryFinding, index: number, colors: ReadonlyMap<string, string | undefined>, className: string): HTMLButtonElement {
  const line = finding.range.start.line + 1;
  const stale = className.includes('stale');
  return h('button', { type: 'button', class: className, 'data-index': index, tabindex: -1, title: `Open ${finding.path} at line ${line}`, 'aria-busy': stale ? 'true' : null },
    h('span', { class: 'finding-head' },
      ...finding.codes.map((code) => h('span', { class: 'chip', 'data-code': code }, swatch(colors.get(code)), code)),
      finding.themes.length ? h('span', { class: 'finding-themes' }, finding.themes.join(' · ')) : null,
      h('span', { class: 'finding-where' }, `${finding.path}:${line}`, finding.area ? ` · ${finding.area}` : '')),
    // A text the page cut shows an ellipsis (drawn by the stylesheet, so the text stays the finding's).
    h('span', { class: wasCut(finding, finding.text) ? 'finding-text cut' : 'finding-text' }, finding.text),
    // A blank memo is no memo (the Memos view lists none either).
    finding.memo && finding.memo.trim() !== '' ? memoLine(finding.memo, wasCut(finding, finding.memo)) : null);
}

/** `cut` is for the text or the memo: the one the page cut is the one at the limit (one unit short when a surrogate pair was kept whole). */
function wasCut(finding: SummaryFinding, value: string): boolean {
  return finding.cut === true && value.length >= PAGE_TEXT_LIMIT - 1;
}

/** The passage's memo under its text: a memo icon and the memo on one line (the stylesheet cuts it with an ellipsis), the whole memo its tooltip. */
function memoLine(memo: string, cut: boolean): HTMLElement {
  const flat = memo.replace(/\s+/g, ' ').trim();
  return h('span', { class: 'finding-memo', title: cut ? `${memo}…` : memo }, icon('note'), h('span', { class: 'finding-memo-text' }, flat));
}
