import { passageKey } from './adjudication/passageKey';
import type { AnnotatedSpan } from './annotations';
import type { ArticleGroup } from './articleGroups';
import { computeAgreement } from './computeAgreement';
import { mergeOverlapping, type Interval } from './intervals';
import { PASSAGE_STATUSES, worseStatus, type PassageStatus } from './passageStatus';
import { CHARACTER_UNITS, MATCHING_RULE, UNDEFINED, UNIT } from './statements';
import type { ArticleComparison, ComparedCopy, ComparedPassage } from './comparisonTypes';

export type { ArticleComparison, ComparedCopy, ComparedPassage, ComparisonFigures } from './comparisonTypes';

/**
 * The copies of one article side by side: each annotator's passages with
 * their status (passageStatus.ts), and the article's figures by code. A
 * passage's status is the worst of its statuses against each other
 * annotator, so with three annotators a passage two agree on and the third
 * left out is one-sided. Null for an article with fewer than two copies.
 * Against each other copy: an index of its spans (by passage key, by bounds,
 * and its merged ranges per code), then one lookup or binary search per
 * passage: O(n log n) in the spans of the copies.
 */
export function compareArticle(group: ArticleGroup, codeOrder: readonly string[] = []): ArticleComparison | null {
  if (group.copies.length < 2) return null;
  const indexes = group.copies.map((copy) => spanIndex(copy.annotation.spans));
  const copies = group.copies.map((copy, self): ComparedCopy => {
    const counts = Object.fromEntries(PASSAGE_STATUSES.map((status) => [status, 0])) as Record<PassageStatus, number>;
    const passages = copy.annotation.spans.map((span): ComparedPassage => {
      const versus: Array<{ annotator: string; status: PassageStatus }> = [];
      let status: PassageStatus = 'agreed';
      group.copies.forEach((other, i) => {
        if (i === self) return;
        const against = statusAgainst(span, indexes[i]);
        versus.push({ annotator: other.annotator, status: against });
        status = worseStatus(status, against);
      });
      counts[status]++;
      return { index: span.index, status, versus };
    });
    return { annotator: copy.annotator, path: copy.annotation.path, passages, counts };
  });
  const figures = computeAgreement([group], { by: 'code', order: codeOrder });
  return {
    fingerprint: group.fingerprint,
    length: group.length,
    copies,
    figures: { unit: UNIT, matching: MATCHING_RULE, characterUnits: CHARACTER_UNITS, undefinedValues: UNDEFINED, labels: figures.labels, article: figures.articles[0] },
  };
}

/** What the status of another annotator's passage against this copy needs, built once per copy. */
interface SpanIndex {
  readonly keys: ReadonlySet<string>;
  /** The codes of the spans at each bounds (`start-end`). */
  readonly codesAt: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per code, the ranges its spans cover (overlapping ones merged, sorted). */
  readonly byCode: ReadonlyMap<string, readonly Interval[]>;
  /** The ranges any span covers. */
  readonly covered: readonly Interval[];
}

function spanIndex(spans: readonly AnnotatedSpan[]): SpanIndex {
  const keys = new Set<string>();
  const codesAt = new Map<string, Set<string>>();
  const rangesByCode = new Map<string, Interval[]>();
  for (const span of spans) {
    keys.add(passageKey(span));
    const bounds = `${span.start}-${span.end}`;
    let codes = codesAt.get(bounds);
    if (!codes) codesAt.set(bounds, (codes = new Set()));
    for (const code of span.codes) {
      codes.add(code);
      const ranges = rangesByCode.get(code);
      if (ranges) ranges.push(span);
      else rangesByCode.set(code, [span]);
    }
  }
  const byCode = new Map<string, Interval[]>();
  for (const [code, ranges] of rangesByCode) byCode.set(code, mergeOverlapping(ranges));
  return { keys, codesAt, byCode, covered: mergeOverlapping(spans) };
}

function statusAgainst(span: AnnotatedSpan, other: SpanIndex): PassageStatus {
  if (other.keys.has(passageKey(span))) return 'agreed';
  // The same bounds with a code in common: the bounds agree, the coding does not.
  const atBounds = other.codesAt.get(`${span.start}-${span.end}`);
  if (atBounds && span.codes.some((code) => atBounds.has(code))) return 'code';
  if (span.codes.some((code) => intersects(other.byCode.get(code), span))) return 'boundary';
  if (intersects(other.covered, span)) return 'code';
  return 'one-sided';
}

/** Whether a range shares a code point with sorted ranges that do not overlap (binary search; an empty range shares none). */
function intersects(ranges: readonly Interval[] | undefined, range: Interval): boolean {
  if (!ranges || range.end <= range.start) return false;
  let low = 0;
  let high = ranges.length;
  // The first range ending after this one starts.
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ranges[mid].end <= range.start) low = mid + 1;
    else high = mid;
  }
  return low < ranges.length && ranges[low].start < range.end;
}
