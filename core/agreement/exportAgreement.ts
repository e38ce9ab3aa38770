/**
 * The agreement figures an export carries with `--with-agreement`: for each
 * article coded by two annotators or more, who coded it and its figures, on
 * character units of the clean text, for all codes together and per code.
 * Plain data keyed by the article's fingerprint (the export's `text_sha256`).
 */
import type { AgreementFigures, GroupLabelFigures } from './agreementTypes';
import { UNIT } from './statements';

export interface LabelAgreement {
  /** Fleiss' kappa (Scott's pi for two annotators) and Krippendorff's alpha, nominal, on character units; alpha_U on passages. Null: n/a. */
  readonly kappa: number | null;
  readonly alpha: number | null;
  readonly alpha_u: number | null;
}

export interface ArticleAgreement extends LabelAgreement {
  /** The annotators whose copies were compared, in order. */
  readonly annotators: readonly string[];
  readonly unit: string;
  /** Per code (or theme) of the comparison. */
  readonly labels: Readonly<Record<string, LabelAgreement>>;
}

/** The figures of each compared article, by fingerprint. */
export function exportAgreement(figures: AgreementFigures): Record<string, ArticleAgreement> {
  const byArticle: Record<string, ArticleAgreement> = {};
  for (const article of figures.articles) {
    const labels: Record<string, LabelAgreement> = {};
    let all: LabelAgreement = { kappa: null, alpha: null, alpha_u: null };
    for (const row of article.figures.labels) {
      if (row.label === null) all = labelAgreement(row);
      else labels[row.label] = labelAgreement(row);
    }
    byArticle[article.fingerprint] = { annotators: article.figures.annotators, unit: UNIT, ...all, labels };
  }
  return byArticle;
}

function labelAgreement(row: GroupLabelFigures): LabelAgreement {
  return { kappa: row.fleissKappa, alpha: row.krippendorffAlpha, alpha_u: row.unitizingAlpha };
}
