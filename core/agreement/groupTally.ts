import type { ArticleMeasures } from './articleMeasures';
import type { GroupLabelFigures } from './agreementTypes';
import { fleissKappa } from './fleissKappa';
import { krippendorffAlpha } from './krippendorffAlpha';
import type { UnitTally } from './unitTallies';
import { overallUnitizingAlpha, unitizingDisagreement, unitizingSample, type Disagreement, type UnitizingSample } from './unitizingAlpha';

interface GroupLabelTally {
  /** Code points by (annotators present, how many of them covered it): `m,k` → weight. */
  readonly tallies: Map<string, number>;
  readonly samples: UnitizingSample[];
  readonly spans: number[];
}

/**
 * A set of annotators' character units and alpha_U samples, over one
 * article or the corpus. An article some of them did not code adds units
 * with fewer values (missing values, which alpha and the generalised
 * Fleiss allow) and is left out of alpha_U, which needs every annotator.
 */
export class GroupTally {
  articles = 0;
  length = 0;
  unitizingArticles = 0;
  private readonly perLabel = new Map<string, GroupLabelTally>();

  constructor(readonly annotators: readonly string[], private readonly labels: readonly string[]) {
    for (const label of labels) this.perLabel.set(label, { tallies: new Map(), samples: [], spans: new Array<number>(annotators.length).fill(0) });
  }

  add(article: ArticleMeasures): void {
    this.articles++;
    this.length += article.length;
    const m = article.annotators.length;
    const everyone = m === this.annotators.length;
    if (everyone) this.unitizingArticles++;
    const at = article.annotators.map((name) => this.annotators.indexOf(name));
    for (const [label, tally] of this.perLabel) {
      const measures = article.labels.get(label)!;
      measures.coverage.forEach((weight, k) => {
        if (weight === 0) return;
        const key = `${m},${k}`;
        tally.tallies.set(key, (tally.tallies.get(key) ?? 0) + weight);
      });
      measures.spans.forEach((count, i) => (tally.spans[at[i]] += count));
      if (everyone) tally.samples.push(unitizingSample(article.length, measures.units, measures.pairs.map((pair) => pair.distance)));
    }
  }

  figures(): GroupLabelFigures[] {
    const rows: GroupLabelFigures[] = [];
    const pooled = new Map<string, number>();
    const spans = new Array<number>(this.annotators.length).fill(0);
    const disagreements: Disagreement[] = [];
    for (const label of this.labels) {
      const tally = this.perLabel.get(label)!;
      for (const [key, weight] of tally.tallies) pooled.set(key, (pooled.get(key) ?? 0) + weight);
      tally.spans.forEach((count, i) => (spans[i] += count));
      const disagreement = unitizingDisagreement(tally.samples);
      disagreements.push(disagreement);
      rows.push(row(label, tally.spans, tally.tallies, [disagreement]));
    }
    rows.push(row(null, spans, pooled, disagreements));
    return rows;
  }
}

function row(label: string | null, spans: readonly number[], tallies: ReadonlyMap<string, number>, disagreements: readonly Disagreement[]): GroupLabelFigures {
  const units = unitTallies(tallies);
  return {
    label,
    spans: [...spans],
    fleissKappa: fleissKappa(units, 2).overall,
    krippendorffAlpha: krippendorffAlpha(units, 2),
    unitizingAlpha: overallUnitizingAlpha(disagreements),
  };
}

/** Binary units: category 0 not covered, 1 covered. */
function unitTallies(tallies: ReadonlyMap<string, number>): UnitTally[] {
  return [...tallies].map(([key, weight]) => {
    const [m, k] = key.split(',').map(Number);
    return { counts: [m - k, k], weight };
  });
}
