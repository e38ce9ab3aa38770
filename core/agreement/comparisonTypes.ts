// What the comparison of an article's copies gives (comparison.ts computes
// it): plain types with no runtime imports, so that the protocol and the
// webviews can name them without pulling in the computation.
import type { ArticleFigures } from './agreementTypes';
import type { PassageStatus } from './passageStatus';

/** One span of one copy, with how it stands against the other copies. */
export interface ComparedPassage {
  /** The span's index in its report (order of opening brackets). */
  readonly index: number;
  /** The worst of `versus`. */
  readonly status: PassageStatus;
  /** Against each other annotator, in the group's order. */
  readonly versus: ReadonlyArray<{ readonly annotator: string; readonly status: PassageStatus }>;
}

export interface ComparedCopy {
  readonly annotator: string;
  readonly path: string;
  /** Every span of the copy, in its order. */
  readonly passages: readonly ComparedPassage[];
  /** How many of its passages have each status. */
  readonly counts: Readonly<Record<PassageStatus, number>>;
}

/** The article's figures, as `findings agree` prints them for its copies alone, with what every output states beside them. */
export interface ComparisonFigures {
  readonly unit: string;
  readonly matching: string;
  readonly characterUnits: string;
  readonly undefinedValues: string;
  /** The codes compared: those some annotator of the article used, the codebook's order first. */
  readonly labels: readonly string[];
  readonly article: ArticleFigures;
}

export interface ArticleComparison {
  readonly fingerprint: string;
  /** The clean text's length in code points. */
  readonly length: number;
  readonly copies: readonly ComparedCopy[];
  readonly figures: ComparisonFigures;
}
