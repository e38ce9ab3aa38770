import { strict as assert } from 'node:assert';
import type { Annotation } from '../../../core/agreement/annotations';
import { groupByArticle, type ArticleGroup } from '../../../core/agreement/articleGroups';

export interface SyntheticSpan {
  readonly start: number;
  readonly end: number;
  readonly codes: readonly string[];
  readonly themes?: readonly string[];
  readonly attributes?: Readonly<Record<string, string>>;
}

/**
 * An annotator's copy of an ASCII article of `length` characters (so code
 * points are UTF-16 units), with the spans given: the published examples
 * give positions only, and the figures read nothing else.
 */
export function copyOf(annotator: string, length: number, spans: readonly SyntheticSpan[], text = 'x'.repeat(length)): Annotation {
  assert.equal(text.length, length);
  return {
    path: `${annotator}.report.md`,
    annotator,
    fingerprint: `article-${text.length}-${hash(text)}`,
    text,
    length,
    source: {},
    spans: spans.map((span, index) => ({
      index,
      start: span.start,
      end: span.end,
      startUtf16: span.start,
      endUtf16: span.end,
      codes: span.codes,
      themes: span.themes ?? [],
      attributes: span.attributes ?? {},
    })),
  };
}

/** The one article the copies share. */
export function articleOf(...copies: Annotation[]): ArticleGroup {
  const groups = groupByArticle(copies);
  assert.equal(groups.length, 1, 'one article');
  return groups[0];
}

/** Spans of one code at the runs of 1 in a string of 0s and 1s (one character per position). */
export function runsOf(bits: string, code: string): SyntheticSpan[] {
  const spans: SyntheticSpan[] = [];
  for (const match of bits.matchAll(/1+/g)) spans.push({ start: match.index!, end: match.index! + match[0].length, codes: [code] });
  return spans;
}

/** Asserts a value equal to a fraction (or a number) within a tolerance. */
export function assertNear(actual: number | null, expected: number, tolerance: number, what = ''): void {
  assert.ok(actual !== null, `${what}: n/a, expected ${expected}`);
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual}, expected ${expected} ± ${tolerance}`);
}

function hash(text: string): number {
  let value = 0;
  for (let i = 0; i < text.length; i++) value = (value * 31 + text.charCodeAt(i)) | 0;
  return value;
}
