import type { AnnotatedSpan } from './annotations';
import type { ArticleGroup } from './articleGroups';

/**
 * What annotators disagree on about a passage: one codes it and another
 * not at all (missing), all code it but with other bounds (boundary), with
 * other codes (code), with the same code and bounds but other themes
 * (theme) or other attributes (attribute).
 */
export type DisagreementKind = 'missing' | 'boundary' | 'code' | 'theme' | 'attribute';

export const DISAGREEMENT_KINDS: readonly DisagreementKind[] = ['missing', 'boundary', 'code', 'theme', 'attribute'];

/** A span as one annotator coded it, offsets in code points. */
export interface CodedPassage {
  readonly start: number;
  readonly end: number;
  readonly codes: readonly string[];
  readonly themes: readonly string[];
  readonly attributes: Readonly<Record<string, string>>;
}

/** One disputed passage and who coded what there. */
export interface Disagreement {
  readonly fingerprint: string;
  /** From the first code point any annotator coded to the last, in code points of the clean text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: DisagreementKind;
  /** The codes in dispute. */
  readonly codes: readonly string[];
  /** Every annotator of the article, in order, with their spans in the passage (none: they coded nothing there). */
  readonly coded: ReadonlyArray<{ readonly annotator: string; readonly path: string; readonly spans: readonly CodedPassage[] }>;
}

interface Item {
  readonly annotator: number;
  readonly span: AnnotatedSpan;
  readonly code: string;
}

interface Cluster {
  readonly code: string;
  readonly items: Item[];
  start: number;
  end: number;
  readonly annotators: Set<number>;
}

/**
 * The disagreements of every article two annotators or more coded, by
 * passage. Per code, the passages of all annotators that intersect form a
 * cluster; a cluster every annotator is in is agreed when all gave the same
 * bounds, themes and attributes. A cluster some annotators are missing from
 * is joined with the clusters of other codes it intersects whose
 * annotators are all different (A says weakness where B says strength):
 * together a code difference; alone, a missing passage.
 */
export function disagreementsOf(groups: readonly ArticleGroup[], order: readonly string[] = []): Disagreement[] {
  const rank = new Map(order.map((code, i) => [code, i]));
  const byCode = (a: string, b: string) => (rank.get(a) ?? order.length) - (rank.get(b) ?? order.length) || (a < b ? -1 : a > b ? 1 : 0);
  const rows: Disagreement[] = [];
  for (const group of groups) {
    if (group.copies.length < 2) continue;
    const articleRows: Disagreement[] = [];
    const m = group.copies.length;
    const incomplete: Cluster[] = [];
    for (const cluster of clustersOf(group)) {
      if (cluster.annotators.size < m) {
        incomplete.push(cluster);
        continue;
      }
      const kind = completeKind(cluster, m);
      if (kind) articleRows.push(row(group, [cluster], kind, byCode));
    }
    for (const component of codeDifferences(incomplete)) articleRows.push(row(group, component, component.length > 1 ? 'code' : 'missing', byCode));
    articleRows.sort((a, b) => a.start - b.start || a.end - b.end || kindOrder(a.kind) - kindOrder(b.kind) || byCode(a.codes[0], b.codes[0]));
    rows.push(...articleRows);
  }
  return rows;
}

/** Per code, the intersecting passages of all annotators (touching ones stay apart), in order of start. */
function clustersOf(group: ArticleGroup): Cluster[] {
  const byCode = new Map<string, Item[]>();
  group.copies.forEach((copy, annotator) => {
    for (const span of copy.annotation.spans) {
      if (span.end <= span.start) continue;
      for (const code of span.codes) {
        const items = byCode.get(code);
        if (items) items.push({ annotator, span, code });
        else byCode.set(code, [{ annotator, span, code }]);
      }
    }
  });
  const clusters: Cluster[] = [];
  for (const [code, items] of byCode) {
    items.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.annotator - b.annotator);
    let current: Cluster | undefined;
    for (const item of items) {
      if (current && item.span.start < current.end) {
        current.items.push(item);
        current.end = Math.max(current.end, item.span.end);
        current.annotators.add(item.annotator);
      } else {
        current = { code, items: [item], start: item.span.start, end: item.span.end, annotators: new Set([item.annotator]) };
        clusters.push(current);
      }
    }
  }
  return clusters;
}

/** What a cluster every annotator is in disagrees on, if anything. */
function completeKind(cluster: Cluster, m: number): DisagreementKind | undefined {
  // Each annotator's ranges; agreed bounds mean the same ranges for all.
  const ranges: Array<Map<string, AnnotatedSpan>> = Array.from({ length: m }, () => new Map());
  for (const item of cluster.items) {
    const key = `${item.span.start}:${item.span.end}`;
    if (!ranges[item.annotator].has(key)) ranges[item.annotator].set(key, item.span);
  }
  const keys = [...ranges[0].keys()].sort().join(' ');
  if (ranges.some((map) => [...map.keys()].sort().join(' ') !== keys)) return 'boundary';
  let kind: DisagreementKind | undefined;
  for (const key of ranges[0].keys()) {
    const spans = ranges.map((map) => map.get(key)!);
    const themes = (span: AnnotatedSpan) => [...span.themes].sort().join(' ');
    if (spans.some((span) => themes(span) !== themes(spans[0]))) return 'theme';
    const attributes = JSON.stringify(spans[0].attributes);
    if (spans.some((span) => JSON.stringify(span.attributes) !== attributes)) kind = 'attribute';
  }
  return kind;
}

/**
 * Joins the incomplete clusters that intersect and have no annotator in
 * common (they are clusters of different codes: one code's never
 * intersect). A sweep in order of start; the clusters open at a point are
 * at most one per code.
 */
function codeDifferences(clusters: Cluster[]): Cluster[][] {
  const parent = clusters.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const order = clusters.map((_, i) => i).sort((a, b) => clusters[a].start - clusters[b].start || clusters[a].end - clusters[b].end);
  let open: number[] = [];
  for (const i of order) {
    const cluster = clusters[i];
    open = open.filter((j) => clusters[j].end > cluster.start);
    for (const j of open) {
      if ([...cluster.annotators].some((annotator) => clusters[j].annotators.has(annotator))) continue;
      parent[root(i)] = root(j);
    }
    open.push(i);
  }
  const components = new Map<number, Cluster[]>();
  for (const i of order) {
    const r = root(i);
    const component = components.get(r);
    if (component) component.push(clusters[i]);
    else components.set(r, [clusters[i]]);
  }
  return [...components.values()];
}

function row(group: ArticleGroup, clusters: readonly Cluster[], kind: DisagreementKind, byCode: (a: string, b: string) => number): Disagreement {
  let first = clusters[0].items[0].span;
  let last = first;
  const spans: Array<Map<number, AnnotatedSpan>> = group.copies.map(() => new Map());
  for (const cluster of clusters) {
    for (const item of cluster.items) {
      if (item.span.start < first.start) first = item.span;
      if (item.span.end > last.end) last = item.span;
      spans[item.annotator].set(item.span.index, item.span);
    }
  }
  return {
    fingerprint: group.fingerprint,
    start: first.start,
    end: last.end,
    text: group.text.slice(first.startUtf16, last.endUtf16),
    kind,
    codes: [...new Set(clusters.map((cluster) => cluster.code))].sort(byCode),
    coded: group.copies.map((copy, annotator) => ({
      annotator: copy.annotator,
      path: copy.annotation.path,
      spans: [...spans[annotator].values()]
        .sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index)
        .map((span) => ({ start: span.start, end: span.end, codes: span.codes, themes: span.themes, attributes: span.attributes })),
    })),
  };
}

function kindOrder(kind: DisagreementKind): number {
  return DISAGREEMENT_KINDS.indexOf(kind);
}
