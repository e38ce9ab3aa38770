import { CHARACTER_UNITS, POOLING, UNDEFINED, type AgreementFigures, type GroupFigures, type PairFigures, type SourceMismatch } from '../../core/agreement';
import { renderTable } from '../table';
import { plural } from '../formatters/types';
import { figure, labelName } from './numbers';

/**
 * The figures as plain-text tables: what is compared and how, the corpus
 * pooled (the group, each pair, and for three annotators or more the
 * pairwise matrices), then each article the same way.
 */
export function renderAgreementText(figures: AgreementFigures, mismatches: readonly SourceMismatch[]): string {
  const by = figures.by;
  const parts: string[] = [];
  const corpus = figures.corpus;
  parts.push(
    `Agreement by ${by}: ${plural(figures.annotators.length, 'annotator')} (${figures.annotators.join(', ')}), ${plural(figures.articles.length, 'article')}, ${corpus?.length ?? 0} code points`,
    `Unit: ${figures.unit}.`,
    `${by === 'code' ? 'Codes' : 'Themes'} compared: ${figures.labels.length > 0 ? figures.labels.join(', ') : '(none used)'}.`,
    `Character units: ${CHARACTER_UNITS}.`,
    `Span matching: ${figures.matching}.`,
    `Pooling: ${POOLING}.`,
    `${UNDEFINED}.`,
  );
  if (figures.single.length > 0) parts.push(`Not compared (one annotator's copy only): ${figures.single.map((article) => article.path).join(', ')}.`);
  if (mismatches.length > 0) parts.push(`Same source, other text (not compared with each other): ${mismatches.map((mismatch) => mismatch.path).join(', ')}.`);
  let text = parts.join('\n') + '\n';
  if (corpus) text += '\n' + renderGroup(`Corpus, pooled over ${plural(corpus.articles, 'article')} (${corpus.length} code points)`, corpus, by);
  for (const article of figures.articles) {
    const reports = article.reports.map((report) => `${report.path} (${report.annotator})`).join(', ');
    text += '\n' + renderGroup(`Article ${article.fingerprint.slice(0, 12)}… (${article.length} code points): ${reports}`, article.figures, by);
  }
  return text;
}

function renderGroup(title: string, group: GroupFigures, by: 'code' | 'theme'): string {
  const two = group.annotators.length === 2;
  const unitizing = group.unitizingArticles === group.articles ? '' : ` (alpha_U over the ${plural(group.unitizingArticles, 'article')} every annotator coded)`;
  const groupTable = renderTable(
    [by, `spans ${group.annotators.join('/')}`, two ? 'Scott pi (Fleiss)' : 'Fleiss kappa', 'Krippendorff alpha', 'alpha_U'],
    group.labels.map((row) => [labelName(row.label, by), row.spans.join('/'), figure(row.fleissKappa), figure(row.krippendorffAlpha), figure(row.unitizingAlpha)]),
  );
  let text = `${title}\n\nAll annotators, character units and alpha_U${unitizing}\n\n${groupTable}`;
  for (const pair of group.pairs) text += '\n' + renderPair(pair, by);
  if (group.annotators.length >= 3) text += '\n' + renderMatrices(group, by);
  return text;
}

function renderPair(pair: PairFigures, by: 'code' | 'theme'): string {
  const rows = pair.labels.map((row) => [
    labelName(row.label, by),
    `${row.spans[0]}/${row.spans[1]}`,
    figure(row.cohenKappa),
    figure(row.krippendorffAlpha),
    figure(row.unitizingAlpha),
    `${figure(row.exact.precision)} ${figure(row.exact.recall)} ${figure(row.exact.f1)}`,
    `${figure(row.overlap.precision)} ${figure(row.overlap.recall)} ${figure(row.overlap.f1)}`,
    row.counts.exact,
    row.counts.boundary,
    row.counts.label ?? '',
    row.counts.onlyFirst,
    row.counts.onlySecond,
  ]);
  const table = renderTable(
    [by, 'spans', 'Cohen kappa', 'alpha', 'alpha_U', 'exact P R F1', 'overlap P R F1', 'exact', 'boundary', `other ${by}`, `only ${pair.first}`, `only ${pair.second}`],
    rows,
  );
  return `Pair ${pair.first} / ${pair.second} (${plural(pair.articles, 'article')}, ${pair.length} code points; ${pair.first} is the reference for precision and recall)\n\n${table}`;
}

/** Symmetric matrices of the all-labels figures of each pair. */
function renderMatrices(group: GroupFigures, by: 'code' | 'theme'): string {
  const names = group.annotators;
  const lookup = new Map(group.pairs.map((pair) => [`${pair.first}\u0000${pair.second}`, pair.labels[pair.labels.length - 1]]));
  const cell = (a: string, b: string, pick: (row: PairFigures['labels'][number]) => number | null) => {
    if (a === b) return '—';
    const row = lookup.get(`${a}\u0000${b}`) ?? lookup.get(`${b}\u0000${a}`);
    return row ? figure(pick(row)) : '';
  };
  const matrix = (title: string, pick: (row: PairFigures['labels'][number]) => number | null) =>
    `${title}\n\n${renderTable(['', ...names], names.map((a) => [a, ...names.map((b) => cell(a, b, pick))]))}`;
  return [
    matrix(`Pairwise Cohen kappa, all ${by}s`, (row) => row.cohenKappa),
    matrix(`Pairwise alpha_U, all ${by}s`, (row) => row.unitizingAlpha),
    matrix(`Pairwise overlap F1, all ${by}s`, (row) => row.overlap.f1),
  ].join('\n');
}
