import { comparePaths } from '../workspace/reportIndex';
import { isReferenceAnnotator } from './adjudication/referenceReports';
import type { Annotation } from './annotations';

/** One annotator's copy in an article's group, under the name the figures use. */
export interface AnnotatorCopy {
  /** The `annotator` field; the path when there is none; with the path added when two copies of the article share one. */
  readonly annotator: string;
  readonly annotation: Annotation;
}

/** The copies of one article: reports whose clean texts have the same fingerprint, whatever their names and folders. */
export interface ArticleGroup {
  readonly fingerprint: string;
  /** The clean text they share, and its length in code points. */
  readonly text: string;
  readonly length: number;
  /** By annotator name. */
  readonly copies: readonly AnnotatorCopy[];
}

/**
 * Groups the copies by fingerprint: groups in the order of their first path,
 * copies by annotator. Reference reports (`annotator: adjudicated`) are left
 * out: they are what the annotators settled, not one more annotator.
 */
/**
 * How many articles the copies hold, and those two copies or more code
 * (reference reports aside, as groupByArticle sets them aside): the only
 * articles whose spans agreement compares. Each copy needs only its
 * fingerprint and annotator, so that an index can tell without parsing.
 */
export function articlesOfCopies(copies: Iterable<{ readonly fingerprint: string; readonly annotator: string | undefined }>): { readonly articles: number; readonly codedTwice: ReadonlySet<string> } {
  const seen = new Set<string>();
  const codedTwice = new Set<string>();
  for (const copy of copies) {
    if (isReferenceAnnotator(copy.annotator)) continue;
    if (seen.has(copy.fingerprint)) codedTwice.add(copy.fingerprint);
    else seen.add(copy.fingerprint);
  }
  return { articles: seen.size, codedTwice };
}

export function groupByArticle(annotations: readonly Annotation[]): ArticleGroup[] {
  const byFingerprint = new Map<string, Annotation[]>();
  for (const annotation of [...annotations].sort((a, b) => comparePaths(a.path, b.path))) {
    if (isReferenceAnnotator(annotation.annotator)) continue;
    const copies = byFingerprint.get(annotation.fingerprint);
    if (copies) copies.push(annotation);
    else byFingerprint.set(annotation.fingerprint, [annotation]);
  }
  return [...byFingerprint.values()].map((copies) => ({
    fingerprint: copies[0].fingerprint,
    text: copies[0].text,
    length: copies[0].length,
    copies: namedCopies(copies),
  }));
}

function namedCopies(copies: readonly Annotation[]): AnnotatorCopy[] {
  const named = new Map<string, number>();
  for (const copy of copies) named.set(copy.annotator ?? copy.path, (named.get(copy.annotator ?? copy.path) ?? 0) + 1);
  return copies
    .map((annotation) => {
      const name = annotation.annotator ?? annotation.path;
      // One person's two copies of an article are two sets of codes: told apart by path, never merged.
      return { annotator: named.get(name)! > 1 ? `${name} (${annotation.path})` : name, annotation };
    })
    .sort((a, b) => comparePaths(a.annotator, b.annotator));
}
