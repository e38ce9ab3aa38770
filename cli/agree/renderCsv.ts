import { csvCell } from '../../core/export/serializers';
import { MATCHING_RULE_SHORT, UNIT, type AgreementFigures, type GroupFigures } from '../../core/agreement';
import { fullFigure } from './numbers';

const COLUMNS = [
  'scope', 'text_sha256', 'reports', 'level', 'annotators', 'by', 'label', 'unit', 'length', 'articles', 'spans',
  'fleiss_kappa', 'cohen_kappa', 'scott_pi', 'krippendorff_alpha', 'alpha_u',
  'exact_matches', 'boundary', 'label_differences', 'only_first', 'only_second',
  'exact_precision', 'exact_recall', 'exact_f1', 'overlap_precision', 'overlap_recall', 'overlap_f1', 'matching',
];

/**
 * One CSV record per scope (the corpus, each article), set of annotators
 * (the group, each pair) and label, `(all)` for all labels together;
 * coefficients at full precision, `n/a` where undefined; every record says
 * its unit, length and matching rule.
 */
export function renderAgreementCsv(figures: AgreementFigures): string {
  const lines = [COLUMNS.map(csvCell).join(',')];
  const emit = (scope: string, fingerprint: string, reports: string, group: GroupFigures) => {
    for (const row of group.labels) {
      lines.push(record({
        scope, text_sha256: fingerprint, reports, level: 'group', annotators: group.annotators.join(' '), label: row.label ?? '(all)',
        length: group.length, articles: group.articles, spans: row.spans.join(' '),
        fleiss_kappa: fullFigure(row.fleissKappa), krippendorff_alpha: fullFigure(row.krippendorffAlpha), alpha_u: fullFigure(row.unitizingAlpha),
      }, figures.by));
    }
    for (const pair of group.pairs) {
      for (const row of pair.labels) {
        lines.push(record({
          scope, text_sha256: fingerprint, reports, level: 'pair', annotators: `${pair.first} ${pair.second}`, label: row.label ?? '(all)',
          length: pair.length, articles: pair.articles, spans: row.spans.join(' '),
          cohen_kappa: fullFigure(row.cohenKappa), scott_pi: fullFigure(row.scottPi), krippendorff_alpha: fullFigure(row.krippendorffAlpha), alpha_u: fullFigure(row.unitizingAlpha),
          exact_matches: row.counts.exact, boundary: row.counts.boundary, label_differences: row.counts.label ?? '', only_first: row.counts.onlyFirst, only_second: row.counts.onlySecond,
          exact_precision: fullFigure(row.exact.precision), exact_recall: fullFigure(row.exact.recall), exact_f1: fullFigure(row.exact.f1),
          overlap_precision: fullFigure(row.overlap.precision), overlap_recall: fullFigure(row.overlap.recall), overlap_f1: fullFigure(row.overlap.f1),
        }, figures.by));
      }
    }
  };
  if (figures.corpus) emit('corpus', '', '', figures.corpus);
  for (const article of figures.articles) emit('article', article.fingerprint, article.reports.map((report) => report.path).join(' '), article.figures);
  return lines.join('\r\n') + '\r\n';
}

function record(cells: Record<string, string | number>, by: string): string {
  const full: Record<string, string | number> = { ...cells, by, unit: UNIT, matching: MATCHING_RULE_SHORT };
  return COLUMNS.map((column) => csvCell(String(full[column] ?? ''))).join(',');
}
