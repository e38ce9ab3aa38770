// The article's agreement figures above the copies: what is compared and in
// which unit, a table by code (for two annotators with Cohen's kappa and
// span F1, for more with Fleiss' kappa) and, for three annotators or more,
// a table by pair. Numbers to four places as `findings agree` prints them;
// "n/a" where a coefficient is undefined. Text content only.
import type { GroupLabelFigures, PairFigures, PairLabelFigures } from '../../../core/agreement/agreementTypes';
import type { CompareResult } from '../../../protocol/compare';
import { formatNumber, h } from '../../webview/dom';

/** A coefficient as the CLI's text tables show it. */
export function figure(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(4);
}

const ALL_CODES = '(all codes)';

interface Column<Row> {
  readonly heading: string;
  /** The heading's full words, for a screen reader and a tooltip. */
  readonly title: string;
  readonly cell: (row: Row) => string;
}

function table<Row>(caption: string, name: string, rows: readonly Row[], rowName: (row: Row) => string, columns: ReadonlyArray<Column<Row>>, first: string): HTMLTableElement {
  return h('table', { class: 'cmp-table', 'data-table': name },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, first), ...columns.map((column) => h('th', { scope: 'col', class: 'num', title: column.title, 'aria-label': column.title }, column.heading)))),
    h('tbody', {}, ...rows.map((row) => h('tr', { 'data-key': rowName(row), class: rowName(row) === ALL_CODES ? 'total' : null },
      h('th', { scope: 'row' }, rowName(row)),
      ...columns.map((column) => {
        const text = column.cell(row);
        return h('td', { class: text === 'n/a' ? 'num muted' : 'num', 'data-col': column.heading }, text);
      })))));
}

/** What is compared, how and in which unit. */
export function statement(result: CompareResult): HTMLElement {
  const { figures } = result;
  const annotators = figures.article.figures.annotators;
  return h('p', { class: 'cmp-statement' },
    `${annotators.length} annotators (${annotators.join(', ')}), ${formatNumber(result.length)} code points. `,
    `Unit: ${figures.unit}. `,
    `Codes compared: ${figures.labels.join(', ') || 'none'}. `,
    `The figures are those \`findings agree\` prints for these ${annotators.length} copies.`);
}

export function figuresSection(result: CompareResult): HTMLElement {
  const { figures } = result;
  const group = figures.article.figures;
  const annotators = group.annotators;
  const pairOf = (pair: PairFigures | undefined, label: string | null): PairLabelFigures | undefined => pair?.labels.find((row) => row.label === label);
  const only = annotators.length === 2 ? group.pairs[0] : undefined;
  const label = (row: { label: string | null }) => row.label ?? ALL_CODES;
  const byCode: Array<Column<GroupLabelFigures>> = [
    { heading: `Spans ${annotators.join(' / ')}`, title: `Passages with the code, by annotator (${annotators.join(', ')})`, cell: (row) => row.spans.join(' / ') },
    only
      ? { heading: 'Cohen κ', title: 'Cohen\'s kappa, character units', cell: (row) => figure(pairOf(only, row.label)?.cohenKappa ?? null) }
      : { heading: 'Fleiss κ', title: 'Fleiss\' kappa, character units', cell: (row) => figure(row.fleissKappa) },
    { heading: 'α', title: 'Krippendorff\'s alpha, nominal, character units', cell: (row) => figure(row.krippendorffAlpha) },
    { heading: 'α_U', title: 'Krippendorff\'s unitizing alpha', cell: (row) => figure(row.unitizingAlpha) },
  ];
  if (only) {
    byCode.push(
      { heading: 'F1 exact', title: 'Span F1, exact match (same start, end and code)', cell: (row) => figure(pairOf(only, row.label)?.exact.f1 ?? null) },
      { heading: 'F1 overlap', title: 'Span F1, overlap match (same code, at least one code point in common)', cell: (row) => figure(pairOf(only, row.label)?.overlap.f1 ?? null) },
    );
  }
  const sections: HTMLElement[] = [table(`By code, ${annotators.length === 2 ? 'the pair' : `all ${annotators.length} annotators`}`, 'byCode', group.labels, label, byCode, 'Code')];
  if (!only) {
    const pairRows = group.pairs.map((pair) => ({ pair, all: pairOf(pair, null) }));
    sections.push(table('By pair, all codes', 'byPair', pairRows, ({ pair }) => `${pair.first} / ${pair.second}`, [
      { heading: 'Cohen κ', title: 'Cohen\'s kappa, character units', cell: ({ all }) => figure(all?.cohenKappa ?? null) },
      { heading: 'α_U', title: 'Krippendorff\'s unitizing alpha', cell: ({ all }) => figure(all?.unitizingAlpha ?? null) },
      { heading: 'F1 exact', title: 'Span F1, exact match', cell: ({ all }) => figure(all?.exact.f1 ?? null) },
      { heading: 'F1 overlap', title: 'Span F1, overlap match', cell: ({ all }) => figure(all?.overlap.f1 ?? null) },
      { heading: 'Boundary', title: 'Passages matched with other bounds', cell: ({ all }) => String(all?.counts.boundary ?? 0) },
      { heading: 'Other code', title: 'Passages coded with other codes', cell: ({ all }) => String(all?.counts.label ?? 0) },
      { heading: 'One side', title: 'Passages only one of the pair has (first, second)', cell: ({ all }) => `${all?.counts.onlyFirst ?? 0} / ${all?.counts.onlySecond ?? 0}` },
    ], 'Pair'));
    const perCode = group.pairs.flatMap((pair) => pair.labels.map((row) => ({ pair, row })));
    sections.push(h('details', { class: 'cmp-details' },
      h('summary', {}, 'By pair and code'),
      table('By pair and code', 'byPairAndCode', perCode, ({ pair, row }) => `${pair.first} / ${pair.second}: ${label(row)}`, [
        { heading: 'Spans', title: 'Passages with the code: first, second', cell: ({ row }) => row.spans.join(' / ') },
        { heading: 'Cohen κ', title: 'Cohen\'s kappa, character units', cell: ({ row }) => figure(row.cohenKappa) },
        { heading: 'α', title: 'Krippendorff\'s alpha, nominal, character units', cell: ({ row }) => figure(row.krippendorffAlpha) },
        { heading: 'α_U', title: 'Krippendorff\'s unitizing alpha', cell: ({ row }) => figure(row.unitizingAlpha) },
        { heading: 'F1 exact', title: 'Span F1, exact match', cell: ({ row }) => figure(row.exact.f1) },
        { heading: 'F1 overlap', title: 'Span F1, overlap match', cell: ({ row }) => figure(row.overlap.f1) },
      ], 'Pair: code')));
  }
  return h('section', { class: 'cmp-figures', 'aria-label': 'Agreement figures for this article' },
    ...sections,
    h('p', { class: 'cmp-note muted' }, `Span matching: ${figures.matching} ${figures.undefinedValues}.`));
}
