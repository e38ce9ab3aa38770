import type { Coefficient } from './coefficient';

/** What the figures compare: each code, or each theme, as a label of its own. */
export type LabelKind = 'code' | 'theme';

/** Span precision, recall and F1 with the first annotator of a pair as reference. */
export interface SpanScores {
  /** True positives. */
  readonly matches: number;
  /** matches / spans of the second; recall: matches / spans of the first; F1: 2 matches / (both). */
  readonly precision: Coefficient;
  readonly recall: Coefficient;
  readonly f1: Coefficient;
}

/**
 * How a pair's passages matched (MATCHING_RULE). For one label, a passage
 * that met another label's is on one side only; the all-labels row counts
 * such pairs under `label` instead.
 */
export interface MatchCounts {
  readonly exact: number;
  readonly boundary: number;
  readonly label?: number;
  readonly onlyFirst: number;
  readonly onlySecond: number;
}

/** Two annotators' character units for one label (code points). */
export interface CharacterTable {
  readonly both: number;
  readonly onlyFirst: number;
  readonly onlySecond: number;
  readonly neither: number;
}

export interface PairLabelFigures {
  /** The code or theme; null for all of them together. */
  readonly label: string | null;
  /** Passages with the label: the first annotator's, the second's. */
  readonly spans: readonly [number, number];
  readonly characters: CharacterTable;
  readonly cohenKappa: Coefficient;
  /** Scott's pi: Fleiss' kappa for two. */
  readonly scottPi: Coefficient;
  readonly krippendorffAlpha: Coefficient;
  readonly unitizingAlpha: Coefficient;
  readonly exact: SpanScores;
  readonly overlap: SpanScores;
  readonly counts: MatchCounts;
}

export interface PairFigures {
  readonly first: string;
  readonly second: string;
  readonly articles: number;
  /** Code points compared. */
  readonly length: number;
  /** One entry per label, then the all-labels entry (label null). */
  readonly labels: readonly PairLabelFigures[];
}

export interface GroupLabelFigures {
  readonly label: string | null;
  /** Passages with the label, by annotator (in the group's order). */
  readonly spans: readonly number[];
  /** On character units: Fleiss' kappa (Scott's pi for two annotators) and Krippendorff's alpha, nominal. */
  readonly fleissKappa: Coefficient;
  readonly krippendorffAlpha: Coefficient;
  readonly unitizingAlpha: Coefficient;
}

/** Figures for a set of annotators over one article or the pooled corpus. */
export interface GroupFigures {
  readonly annotators: readonly string[];
  readonly articles: number;
  /** Code points compared (over the articles). */
  readonly length: number;
  /** The articles alpha_U pools: those every annotator of the group coded. */
  readonly unitizingArticles: number;
  readonly labels: readonly GroupLabelFigures[];
  /** Every pair of the group's annotators. */
  readonly pairs: readonly PairFigures[];
}

export interface ArticleFigures {
  readonly fingerprint: string;
  readonly length: number;
  readonly reports: ReadonlyArray<{ readonly path: string; readonly annotator: string }>;
  readonly figures: GroupFigures;
}

export interface AgreementFigures {
  readonly unit: string;
  readonly by: LabelKind;
  readonly matching: string;
  readonly pooling: string;
  /** The labels compared: every code (or theme) some annotator used, codebook order first. */
  readonly labels: readonly string[];
  readonly annotators: readonly string[];
  /** Each article with two annotators' copies or more. */
  readonly articles: readonly ArticleFigures[];
  /** Pooled over those articles; null when there is none. */
  readonly corpus: GroupFigures | null;
  /** Articles only one annotator coded: nothing to compare. */
  readonly single: ReadonlyArray<{ readonly fingerprint: string; readonly path: string; readonly annotator: string }>;
}

/**
 * A report that names the same source as another but whose article text
 * differs: their annotations cannot be compared. Data for a diagnostic on
 * the report (the editor's) or a line of output (the CLI's).
 */
export interface SourceMismatch {
  readonly path: string;
  /** The first report (in path order) naming the same source with another text. */
  readonly otherPath: string;
  /** What the two share: `source.url`, or the area, publication date (and publisher, where both name one). */
  readonly sameSource: 'source.url' | 'area and published';
  /** Where the clean texts first differ, in code points, and in UTF-16 units of this report's clean text. */
  readonly position: number;
  readonly positionUtf16: number;
  readonly message: string;
}
