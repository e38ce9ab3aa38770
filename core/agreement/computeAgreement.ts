import { comparePaths } from '../workspace/reportIndex';
import type { AgreementFigures, ArticleFigures, GroupFigures, LabelKind } from './agreementTypes';
import type { ArticleGroup } from './articleGroups';
import { labelsOf, measureArticle, pairsOf, type ArticleMeasures } from './articleMeasures';
import { GroupTally } from './groupTally';
import { PairTally } from './pairTally';
import { MATCHING_RULE, POOLING, UNIT } from './statements';

export interface AgreementOptions {
  readonly by: LabelKind;
  /** Labels to list first, in this order (the codebook's codes or themes); the others follow sorted. */
  readonly order?: readonly string[];
}

/**
 * The agreement figures of the articles two annotators or more coded: per
 * article, and pooled over them all. Each article is measured once (one
 * pass over its spans per label); the corpus and every pair add the
 * measures up.
 */
export function computeAgreement(groups: readonly ArticleGroup[], options: AgreementOptions): AgreementFigures {
  const compared = groups.filter((group) => group.copies.length >= 2);
  const labels = labelsCompared(compared, options);
  const annotators = [...new Set(compared.flatMap((group) => group.copies.map((copy) => copy.annotator)))].sort(comparePaths);
  const corpus = new GroupTally(annotators, labels);
  const corpusPairs = new Map<string, PairTally>();
  const articles: ArticleFigures[] = [];
  for (const group of compared) {
    const measures = measureArticle(group, labels, options.by);
    const article = new GroupTally(measures.annotators, labels);
    article.add(measures);
    corpus.add(measures);
    const pairs = pairsOf(measures.annotators.length).map(([i, j], pair) => {
      const tally = new PairTally(measures.annotators[i], measures.annotators[j], labels);
      tally.add(measures, i, j, pair);
      corpusPairOf(corpusPairs, measures, i, j, labels).add(measures, i, j, pair);
      return tally;
    });
    articles.push({
      fingerprint: group.fingerprint,
      length: group.length,
      reports: group.copies.map((copy) => ({ path: copy.annotation.path, annotator: copy.annotator })),
      figures: groupFigures(article, pairs),
    });
  }
  const single = groups
    .filter((group) => group.copies.length === 1)
    .map((group) => ({ fingerprint: group.fingerprint, path: group.copies[0].annotation.path, annotator: group.copies[0].annotator }));
  const orderedPairs = [...corpusPairs.values()].sort((a, b) => comparePaths(a.first, b.first) || comparePaths(a.second, b.second));
  return {
    unit: UNIT,
    by: options.by,
    matching: MATCHING_RULE,
    pooling: POOLING,
    labels,
    annotators,
    articles,
    corpus: compared.length > 0 ? groupFigures(corpus, orderedPairs) : null,
    single,
  };
}

function corpusPairOf(pairs: Map<string, PairTally>, measures: ArticleMeasures, i: number, j: number, labels: readonly string[]): PairTally {
  const [first, second] = [measures.annotators[i], measures.annotators[j]];
  const key = `${first}\u0000${second}`;
  let tally = pairs.get(key);
  if (!tally) pairs.set(key, (tally = new PairTally(first, second, labels)));
  return tally;
}

function groupFigures(tally: GroupTally, pairs: readonly PairTally[]): GroupFigures {
  return {
    annotators: [...tally.annotators],
    articles: tally.articles,
    length: tally.length,
    unitizingArticles: tally.unitizingArticles,
    labels: tally.figures(),
    pairs: pairs.map((pair) => pair.figures()),
  };
}

/** Every label some annotator used in a compared article: the given order first, then the rest sorted. */
function labelsCompared(groups: readonly ArticleGroup[], options: AgreementOptions): string[] {
  const used = new Set<string>();
  for (const group of groups) for (const copy of group.copies) for (const span of copy.annotation.spans) for (const label of labelsOf(span, options.by)) used.add(label);
  const ordered = (options.order ?? []).filter((label) => used.has(label));
  const known = new Set(ordered);
  return [...ordered, ...[...used].filter((label) => !known.has(label)).sort(comparePaths)];
}
