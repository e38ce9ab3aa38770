import { cohenKappa, scottPi } from './cohenKappa';
import { proportion } from './coefficient';
import { krippendorffAlpha } from './krippendorffAlpha';
import type { ArticleMeasures } from './articleMeasures';
import type { CharacterTable, MatchCounts, PairFigures, PairLabelFigures, SpanScores } from './agreementTypes';
import { talliesOfTable } from './unitTallies';
import { overallUnitizingAlpha, unitizingDisagreement, unitizingSample, type UnitizingSample } from './unitizingAlpha';

interface PairLabelTally {
  readonly table: { both: number; onlyFirst: number; onlySecond: number; neither: number };
  readonly samples: UnitizingSample[];
  readonly counts: { exact: number; boundary: number; onlyFirst: number; onlySecond: number };
  readonly spans: [number, number];
}

/** Two annotators' counts, over one article or every article both coded. */
export class PairTally {
  private articles = 0;
  private length = 0;
  private readonly perLabel = new Map<string, PairLabelTally>();
  private readonly overall = { exact: 0, boundary: 0, label: 0, onlyFirst: 0, onlySecond: 0 };

  constructor(readonly first: string, readonly second: string, private readonly labels: readonly string[]) {
    for (const label of labels) {
      this.perLabel.set(label, {
        table: { both: 0, onlyFirst: 0, onlySecond: 0, neither: 0 },
        samples: [],
        counts: { exact: 0, boundary: 0, onlyFirst: 0, onlySecond: 0 },
        spans: [0, 0],
      });
    }
  }

  /** Adds an article's measures for its annotators i and j (i before j), the pair's `pair`-th. */
  add(article: ArticleMeasures, i: number, j: number, pair: number): void {
    this.articles++;
    this.length += article.length;
    const matches = article.matches[pair];
    for (const key of ['exact', 'boundary', 'label', 'onlyFirst', 'onlySecond'] as const) this.overall[key] += matches[key];
    for (const [label, tally] of this.perLabel) {
      const measures = article.labels.get(label)!;
      const { table, distance } = measures.pairs[pair];
      for (const key of ['both', 'onlyFirst', 'onlySecond', 'neither'] as const) tally.table[key] += table[key];
      tally.samples.push(unitizingSample(article.length, [measures.units[i], measures.units[j]], [distance]));
      const counts = matches.perLabel.get(label);
      if (counts) for (const key of ['exact', 'boundary', 'onlyFirst', 'onlySecond'] as const) tally.counts[key] += counts[key];
      tally.spans[0] += measures.spans[i];
      tally.spans[1] += measures.spans[j];
    }
  }

  figures(): PairFigures {
    const rows: PairLabelFigures[] = [];
    const all = { both: 0, onlyFirst: 0, onlySecond: 0, neither: 0 };
    const disagreements = [];
    const spans: [number, number] = [0, 0];
    for (const label of this.labels) {
      const tally = this.perLabel.get(label)!;
      for (const key of ['both', 'onlyFirst', 'onlySecond', 'neither'] as const) all[key] += tally.table[key];
      spans[0] += tally.spans[0];
      spans[1] += tally.spans[1];
      const disagreement = unitizingDisagreement(tally.samples);
      disagreements.push(disagreement);
      rows.push(row(label, tally.spans, tally.table, overallUnitizingAlpha([disagreement]), tally.counts));
    }
    rows.push(row(null, spans, all, overallUnitizingAlpha(disagreements), this.overall));
    return { first: this.first, second: this.second, articles: this.articles, length: this.length, labels: rows };
  }
}

function row(label: string | null, spans: readonly [number, number], characters: CharacterTable, unitizingAlpha: PairLabelFigures['unitizingAlpha'], counts: MatchCounts): PairLabelFigures {
  // Category 0: not covered, 1: covered; rows the first annotator, columns the second.
  const table = [[characters.neither, characters.onlySecond], [characters.onlyFirst, characters.both]];
  return {
    label,
    spans: [spans[0], spans[1]],
    characters: { ...characters },
    cohenKappa: cohenKappa(table),
    scottPi: scottPi(table),
    krippendorffAlpha: krippendorffAlpha(talliesOfTable(table), 2),
    unitizingAlpha,
    exact: scores(counts.exact, spans),
    overlap: scores(counts.exact + counts.boundary, spans),
    counts: { ...counts },
  };
}

/** Precision, recall and F1 with the first annotator as reference. */
export function scores(matches: number, spans: readonly [number, number]): SpanScores {
  return {
    matches,
    precision: proportion(matches, spans[1]),
    recall: proportion(matches, spans[0]),
    f1: proportion(2 * matches, spans[0] + spans[1]),
  };
}
