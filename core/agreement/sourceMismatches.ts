import { codePointOffsets } from '../text/codePoints';
import { comparePaths } from '../workspace/reportIndex';
import type { SourceMismatch } from './agreementTypes';
import type { SourcedText } from './annotations';

export type { SourceMismatch };


/**
 * Candidates scanned per report for another text: reports of one area and
 * day are a handful; a pathological corpus of thousands of different
 * sources sharing both stops here rather than comparing every pair.
 */
const MAX_SCAN = 256;

/**
 * Different texts one area and day may have before they stop counting as
 * copies of one source: a team collects a handful of articles a day for an
 * area; many more with neither URL nor publisher to tell them apart are
 * different articles, not one article copied with changes (and comparing
 * them would flag every report of the day at each edit of the first).
 */
const MAX_TEXTS_A_DAY = 16;

/**
 * Reports name the same source when they give the same `source.url`, or,
 * where at least one gives none, the same `area` and `published` date and
 * no different `source.publisher` (two papers covering one inspection on
 * one day are two sources). Each report whose text differs from such a
 * report's is named once, against the first of them in path order.
 */
export function sourceMismatches(annotations: readonly SourcedText[]): SourceMismatch[] {
  const ordered = [...annotations].sort((a, b) => comparePaths(a.path, b.path));
  const byUrl = groupBy(ordered, (annotation) => annotation.source.url);
  const byDay = groupBy(ordered, ({ source }) => (source.area !== undefined && source.published !== undefined ? `${source.area}\u0000${source.published}` : undefined));
  for (const [day, group] of byDay) if (new Set(group.map((annotation) => annotation.fingerprint)).size > MAX_TEXTS_A_DAY) byDay.delete(day);
  const mismatches: SourceMismatch[] = [];
  for (const annotation of ordered) {
    const { url } = annotation.source;
    const sameUrl = url === undefined ? undefined : firstOther(annotation, byUrl.get(url) ?? [], () => true);
    if (sameUrl) {
      mismatches.push(mismatch(annotation, sameUrl, 'source.url'));
      continue;
    }
    const { area, published } = annotation.source;
    if (area === undefined || published === undefined) continue;
    const sameDay = firstOther(annotation, byDay.get(`${area}\u0000${published}`) ?? [], (other) => sameDaySource(annotation, other));
    if (sameDay) mismatches.push(mismatch(annotation, sameDay, 'area and published'));
  }
  return mismatches;
}

function sameDaySource(a: SourcedText, b: SourcedText): boolean {
  if (a.source.url !== undefined && b.source.url !== undefined) return false;
  return a.source.publisher === undefined || b.source.publisher === undefined || a.source.publisher === b.source.publisher;
}

/** The first report of the group with another text that `also` accepts. */
function firstOther(annotation: SourcedText, group: readonly SourcedText[], also: (other: SourcedText) => boolean): SourcedText | undefined {
  let scanned = 0;
  for (const other of group) {
    if (other.fingerprint !== annotation.fingerprint && also(other)) return other;
    if (++scanned >= MAX_SCAN) return undefined;
  }
  return undefined;
}

function mismatch(annotation: SourcedText, other: SourcedText, sameSource: SourceMismatch['sameSource']): SourceMismatch {
  const { utf16, points } = firstDifference(annotation.text, other.text);
  const what = sameSource === 'source.url' ? `the same source.url` : 'the same area and publication date';
  return {
    path: annotation.path,
    otherPath: other.path,
    sameSource,
    position: points,
    positionUtf16: utf16,
    message: `${other.path} names ${what} but its article text differs from this one from code point ${points} on: their annotations cannot be compared.`,
  };
}

/** Where two texts first differ: at a whole code point, in UTF-16 units and in code points. */
function firstDifference(text: string, other: string): { utf16: number; points: number } {
  const common = Math.min(text.length, other.length);
  let at = 0;
  while (at < common && text.charCodeAt(at) === other.charCodeAt(at)) at++;
  // Inside a surrogate pair whose second half differs: the code point starts one unit before.
  if (at > 0 && isHighSurrogate(text.charCodeAt(at - 1)) && at < text.length && isLowSurrogate(text.charCodeAt(at))) at--;
  return { utf16: at, points: codePointOffsets(text, [at])[0] };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Reports by key, each group keeping only the first report of each text,
 * publisher and presence of a URL (what decides a match): a thousand copies
 * of one article are one entry to scan.
 */
function groupBy(annotations: readonly SourcedText[], key: (annotation: SourcedText) => string | undefined): Map<string, SourcedText[]> {
  const groups = new Map<string, SourcedText[]>();
  const seen = new Set<string>();
  for (const annotation of annotations) {
    const value = key(annotation);
    if (value === undefined) continue;
    const { fingerprint, source } = annotation;
    const kind = `${value}\u0000${fingerprint}\u0000${source.publisher ?? ''}\u0000${source.url === undefined ? 0 : 1}`;
    if (seen.has(kind)) continue;
    seen.add(kind);
    const group = groups.get(value);
    if (group) group.push(annotation);
    else groups.set(value, [annotation]);
  }
  return groups;
}
