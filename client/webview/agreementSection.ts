// The summary panel's agreement section (workspace scope): the figures
// `findings agree` prints for the workspace's articles with two annotators'
// copies or more, pooled over them: per code alpha_U, kappa (Cohen's for a
// pair, Fleiss' for more), alpha and overlap F1, then the pairwise matrix of
// overlap F1. Absent when no article has two copies. Text content only.
import type { GroupFigures, PairLabelFigures } from '../../core/agreement/agreementTypes';
import type { AgreementDocument } from '../../protocol';
import { formatNumber, h, plural } from './dom';

const ALL_CODES = '(all codes)';
/** Pairs shown as F1 columns of the per-code table; with more, the matrix alone shows them. */
const MAX_PAIR_COLUMNS = 3;

function figure(value: number | null | undefined): string {
  return value === null || value === undefined ? 'n/a' : value.toFixed(4);
}

function cell(text: string, column: string): HTMLTableCellElement {
  return h('td', { class: text === 'n/a' || text === '—' ? 'num muted' : 'num', 'data-col': column }, text);
}

export function agreementSection(figures: AgreementDocument | null | undefined): HTMLElement | null {
  const corpus = figures?.corpus;
  if (!figures || !corpus) return null;
  const pairs = corpus.pairs;
  const two = corpus.annotators.length === 2 && pairs.length === 1;
  const pairRow = (index: number, label: string | null): PairLabelFigures | undefined => pairs[index]?.labels.find((row) => row.label === label);
  const columns: Array<{ heading: string; title: string; value: (label: string | null, spans: readonly number[]) => string }> = [
    { heading: `Spans ${corpus.annotators.join(' / ')}`, title: 'Passages with the code, by annotator', value: (_, spans) => spans.join(' / ') },
    two
      ? { heading: 'Cohen κ', title: 'Cohen\'s kappa, character units', value: (label) => figure(pairRow(0, label)?.cohenKappa) }
      : { heading: 'Fleiss κ', title: 'Fleiss\' kappa, character units', value: (label) => figure(corpus.labels.find((row) => row.label === label)?.fleissKappa) },
    { heading: 'α', title: 'Krippendorff\'s alpha, nominal, character units', value: (label) => figure(corpus.labels.find((row) => row.label === label)?.krippendorffAlpha) },
    { heading: 'α_U', title: `Krippendorff's unitizing alpha (over the ${corpus.unitizingArticles} articles every annotator coded)`, value: (label) => figure(corpus.labels.find((row) => row.label === label)?.unitizingAlpha) },
  ];
  if (pairs.length <= MAX_PAIR_COLUMNS) {
    pairs.forEach((pair, i) => columns.push({
      heading: two ? 'F1 overlap' : `F1 overlap ${pair.first} / ${pair.second}`,
      title: `Span F1, overlap match, ${pair.first} / ${pair.second} (${plural(pair.articles, 'article')} both coded)`,
      value: (label) => figure(pairRow(i, label)?.overlap.f1),
    }));
  }
  const byCode = h('table', { class: 'data', 'data-table': 'agreementByCode' },
    h('caption', { class: 'visually-hidden' }, 'Agreement by code, pooled over the articles'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Code'), ...columns.map((column) => h('th', { scope: 'col', class: 'num', title: column.title }, column.heading)))),
    h('tbody', {}, ...corpus.labels.map((row) => h('tr', { 'data-key': row.label ?? ALL_CODES, class: row.label === null ? 'total' : null },
      h('th', { scope: 'row' }, h('span', { class: 'key' }, row.label ?? ALL_CODES)),
      ...columns.map((column) => cell(column.value(row.label, row.spans), column.heading))))));
  return h('section', { class: 'card wide', id: 'agreement', 'aria-labelledby': 'agreement-title' },
    h('h2', { id: 'agreement-title' }, 'Agreement between annotators'),
    h('p', { class: 'muted agreement-statement' }, statement(figures, corpus)),
    h('div', { class: 'scroll-x' }, byCode),
    h('h3', { class: 'agreement-subtitle' }, 'Overlap F1 by pair, all codes'),
    h('div', { class: 'scroll-x' }, matrix(corpus)));
}

/** What is compared, in which unit, and how the corpus figures are made. */
function statement(figures: AgreementDocument, corpus: GroupFigures): string {
  const single = figures.single.length > 0 ? ` ${plural(figures.single.length, 'article')} with one copy only: not compared.` : '';
  return `${plural(corpus.articles, 'article')} with two copies or more, ${corpus.annotators.length} annotators (${corpus.annotators.join(', ')}), ${formatNumber(corpus.length)} code points. `
    + `Unit: ${figures.unit}. Pooled: the counts of every article added up, not a mean of per-article figures. `
    + `The same figures as \`findings agree\`.${single}`;
}

/** Annotators by annotators: the pair's overlap F1 over all codes; "—" on the diagonal and for a pair with no article in common. */
function matrix(corpus: GroupFigures): HTMLTableElement {
  const names = corpus.annotators;
  const f1 = new Map<string, string>();
  for (const pair of corpus.pairs) {
    const value = figure(pair.labels.find((row) => row.label === null)?.overlap.f1);
    f1.set(`${pair.first}\u0000${pair.second}`, value);
    f1.set(`${pair.second}\u0000${pair.first}`, value);
  }
  return h('table', { class: 'data matrix', 'data-table': 'agreementMatrix' },
    h('caption', { class: 'visually-hidden' }, 'Overlap F1 by pair of annotators, all codes'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Annotator'), ...names.map((name) => h('th', { scope: 'col', class: 'num' }, name)))),
    h('tbody', {}, ...names.map((row) => h('tr', { 'data-key': row },
      h('th', { scope: 'row' }, h('span', { class: 'key' }, row)),
      ...names.map((column) => cell(row === column ? '—' : f1.get(`${row}\u0000${column}`) ?? '—', column))))));
}
