import type { AnnotatedSpan } from './annotations';
import type { CharacterTable, LabelKind } from './agreementTypes';
import type { ArticleGroup } from './articleGroups';
import { coverageCounts, coveredLength, mergeOverlapping, sharedLength, type Interval } from './intervals';
import { matchSpans, type LabelledRange } from './spanMatching';
import { pairDistance } from './unitizingAlpha';

/** One label in one article: what the coefficients of any group of its annotators are built from. */
export interface LabelMeasures {
  /** coverage[k]: the code points exactly k annotators cover with the label. */
  readonly coverage: readonly number[];
  /** Each annotator's units of the label (overlapping spans merged). */
  readonly units: ReadonlyArray<readonly Interval[]>;
  /** Each annotator's passages with the label. */
  readonly spans: readonly number[];
  /** For each pair (pairsOf order): their character table and alpha_U distance. */
  readonly pairs: ReadonlyArray<{ readonly table: CharacterTable; readonly distance: bigint }>;
}

/** How one pair's passages matched, per label and in all. */
export interface PairMatches {
  readonly perLabel: ReadonlyMap<string, { exact: number; boundary: number; onlyFirst: number; onlySecond: number }>;
  readonly exact: number;
  readonly boundary: number;
  readonly label: number;
  readonly onlyFirst: number;
  readonly onlySecond: number;
}

export interface ArticleMeasures {
  readonly annotators: readonly string[];
  readonly length: number;
  /** Every label compared in the corpus, used in this article or not. */
  readonly labels: ReadonlyMap<string, LabelMeasures>;
  /** For each pair (pairsOf order). */
  readonly matches: readonly PairMatches[];
}

/** The pairs of n annotators, by index: (0,1), (0,2) … (1,2) … */
export function pairsOf(n: number): Array<readonly [number, number]> {
  const pairs: Array<readonly [number, number]> = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
  return pairs;
}

/** A span's labels: its codes, or its themes. */
export function labelsOf(span: AnnotatedSpan, by: LabelKind): readonly string[] {
  return by === 'code' ? span.codes : span.themes;
}

/** Each passage with each of its labels: a span with two codes is two passages. */
export function labelledRanges(spans: readonly AnnotatedSpan[], by: LabelKind): LabelledRange[] {
  const ranges: LabelledRange[] = [];
  for (const span of spans) for (const label of labelsOf(span, by)) ranges.push({ start: span.start, end: span.end, label });
  return ranges;
}

/** Measures an article's copies once; every figure of the article and of the corpus adds these up. */
export function measureArticle(group: ArticleGroup, labels: readonly string[], by: LabelKind): ArticleMeasures {
  const annotators = group.copies.map((copy) => copy.annotator);
  const ranges = group.copies.map((copy) => labelledRanges(copy.annotation.spans, by));
  const pairs = pairsOf(annotators.length);
  const measures = new Map<string, LabelMeasures>();
  const byLabel = ranges.map((list) => {
    const grouped = new Map<string, Interval[]>();
    for (const range of list) {
      const intervals = grouped.get(range.label);
      if (intervals) intervals.push(range);
      else grouped.set(range.label, [range]);
    }
    return grouped;
  });
  for (const label of labels) {
    const passages = byLabel.map((grouped) => grouped.get(label) ?? []);
    const units = passages.map((list) => mergeOverlapping(list));
    const covered = units.map((list) => coveredLength(list));
    measures.set(label, {
      coverage: coverageCounts(units, group.length),
      units,
      spans: passages.map((list) => list.length),
      pairs: pairs.map(([i, j]) => {
        const both = sharedLength(units[i], units[j]);
        const table = { both, onlyFirst: covered[i] - both, onlySecond: covered[j] - both, neither: group.length - covered[i] - covered[j] + both };
        return { table, distance: pairDistance(units[i], units[j]) };
      }),
    });
  }
  return { annotators, length: group.length, labels: measures, matches: pairs.map(([i, j]) => pairMatches(ranges[i], ranges[j])) };
}

function pairMatches(first: readonly LabelledRange[], second: readonly LabelledRange[]): PairMatches {
  const matching = matchSpans(first, second);
  const perLabel = new Map<string, { exact: number; boundary: number; onlyFirst: number; onlySecond: number }>();
  const entry = (label: string) => {
    let counts = perLabel.get(label);
    if (!counts) perLabel.set(label, (counts = { exact: 0, boundary: 0, onlyFirst: 0, onlySecond: 0 }));
    return counts;
  };
  for (const [i] of matching.exact) entry(first[i].label).exact++;
  for (const [i] of matching.boundary) entry(first[i].label).boundary++;
  // Per label, a passage that met another label's is unmatched on its side.
  for (const [i, j] of matching.label) {
    entry(first[i].label).onlyFirst++;
    entry(second[j].label).onlySecond++;
  }
  for (const i of matching.onlyFirst) entry(first[i].label).onlyFirst++;
  for (const j of matching.onlySecond) entry(second[j].label).onlySecond++;
  return {
    perLabel,
    exact: matching.exact.length,
    boundary: matching.boundary.length,
    label: matching.label.length,
    onlyFirst: matching.onlyFirst.length,
    onlySecond: matching.onlySecond.length,
  };
}
