import { cutText } from './cutText';
import { areaOf, compileFilters, countFacets, emptyFacetCounts, holdsText, NO_AREA, passesText, type CompiledFilters, type FacetCounts, type FindingFilters } from './findingsQuery';
import type { DigestFinding } from './reportDigest';
import { summaryFinding, type ReportSummaryPart } from './summarizeReports';
import type { FindingsSort } from './findingsSort';
import type { SummaryFindingData } from './types';

export type { FindingsSort };

/**
 * The findings of a list of reports that the filters match, in a sort
 * order, each as its report's position in the list and its own in the
 * report's digest: a page is then read from any offset without walking the
 * findings before it.
 */
export interface MatchedFindings {
  readonly length: number;
  readonly reports: Uint32Array;
  readonly findings: Uint32Array;
  /** Each filter's values counted under the other filters (findingsQuery's facets). */
  readonly counts: FacetCounts;
}

/** One value of a filter and the number of findings it would match beside the other filters as set. */
export interface FacetValue {
  readonly value: string;
  readonly count: number;
}

/**
 * One pass over the reports' digests by the findings list's one predicate,
 * linear in the findings: in the reports' order (the summary's: path, then
 * URI), or with the reports taken by area, or the findings placed by their
 * first code (a counting sort over the few codes).
 */
export function matchFindings(parts: readonly ReportSummaryPart[], filters: FindingFilters, sort: FindingsSort): MatchedFindings {
  const compiled = compileFilters(filters);
  const counts = emptyFacetCounts();
  let total = 0;
  for (const part of parts) total += part.digest.findings.length;
  const reports = new Uint32Array(total);
  const findings = new Uint32Array(total);
  const codes = sort === 'code' ? new KeyNumbers() : undefined;
  const codeOf = codes ? new Uint32Array(total) : undefined;
  let length = 0;
  for (const r of sort === 'area' ? reportsByArea(parts) : parts.keys()) {
    matchReport(compiled, parts[r], counts, (f, finding) => {
      reports[length] = r;
      findings[length] = f;
      if (codes && codeOf) codeOf[length] = codes.of(finding.codes[0]);
      length++;
    });
  }
  if (!codes || !codeOf) return { length, reports: reports.slice(0, length), findings: findings.slice(0, length), counts };
  // By first code, findings without a code last; ties keep their order.
  const start = codes.starts(codeOf, length);
  const byCode = { reports: new Uint32Array(length), findings: new Uint32Array(length) };
  for (let i = 0; i < length; i++) {
    const at = start[codeOf[i]]++;
    byCode.reports[at] = reports[i];
    byCode.findings[at] = findings[i];
  }
  return { length, ...byCode, counts };
}

/**
 * The matches of a query after some reports got new digests (at the same
 * positions, their paths unchanged), walking those reports alone and copying
 * the positions of the others; for the orders in which a report's findings
 * stay together (by report; by area while those reports keep theirs).
 * Undefined when the query must be made again.
 */
export function rematchFindings(matched: MatchedFindings, before: readonly ReportSummaryPart[], after: readonly ReportSummaryPart[], changed: readonly number[], filters: FindingFilters, sort: FindingsSort): MatchedFindings | undefined {
  if (sort === 'code' || (sort === 'area' && changed.some((r) => areaOf(before[r].digest.fields) !== areaOf(after[r].digest.fields)))) return undefined;
  const compiled = compileFilters(filters);
  const counts = { code: new Map(matched.counts.code), theme: new Map(matched.counts.theme), area: new Map(matched.counts.area) };
  const found = new Map<number, number[]>();
  let added = 0;
  for (const r of new Set(changed)) {
    const gone = emptyFacetCounts();
    matchReport(compiled, before[r], gone, () => undefined);
    for (const facet of ['code', 'theme', 'area'] as const) subtract(counts[facet], gone[facet]);
    const positions: number[] = [];
    matchReport(compiled, after[r], counts, (f) => void positions.push(f));
    found.set(r, positions);
    added += positions.length;
  }
  // Where each report stands in the order: its position, or its place among the reports taken by area.
  const rank = sort === 'area' ? new Uint32Array(after.length) : undefined;
  if (rank) reportsByArea(after).forEach((r, place) => (rank[r] = place));
  const rankOf = (r: number) => (rank ? rank[r] : r);
  const pending = [...found.keys()].sort((a, b) => rankOf(a) - rankOf(b));
  const reports = new Uint32Array(matched.length + added);
  const findings = new Uint32Array(matched.length + added);
  let length = 0;
  let next = 0;
  const emitUpTo = (limit: number) => {
    for (; next < pending.length && rankOf(pending[next]) <= limit; next++) {
      for (const f of found.get(pending[next])!) {
        reports[length] = pending[next];
        findings[length++] = f;
      }
    }
  };
  for (let i = 0; i < matched.length; i++) {
    const r = matched.reports[i];
    emitUpTo(rankOf(r));
    if (found.has(r)) continue;
    reports[length] = r;
    findings[length++] = matched.findings[i];
  }
  emitUpTo(Infinity);
  return { length, reports: reports.slice(0, length), findings: findings.slice(0, length), counts };
}

/** The findings from `offset`, at most `limit`, their text and memo cut to `textLimit` UTF-16 units (`cut: true` then). */
export function pageOf(parts: readonly ReportSummaryPart[], matched: MatchedFindings, offset: number, limit: number, textLimit: number): SummaryFindingData[] {
  const page: SummaryFindingData[] = [];
  const end = Math.min(matched.length, offset + limit);
  for (let i = offset; i < end; i++) {
    const part = parts[matched.reports[i]];
    page.push(pageFinding(part, part.digest.findings[matched.findings[i]], textLimit));
  }
  return page;
}

/**
 * The page of an unfiltered list in report order, without a query: the
 * findings are the reports' in order, so the page is found by skipping whole
 * reports (linear in the reports before it, not in their findings).
 */
export function unfilteredPageOf(parts: readonly ReportSummaryPart[], offset: number, limit: number, textLimit: number): SummaryFindingData[] {
  const page: SummaryFindingData[] = [];
  let before = 0;
  for (const part of parts) {
    const list = part.digest.findings;
    if (page.length >= limit) break;
    if (before + list.length <= offset) {
      before += list.length;
      continue;
    }
    for (let f = Math.max(0, offset - before); f < list.length && page.length < limit; f++) page.push(pageFinding(part, list[f], textLimit));
    before += list.length;
  }
  return page;
}

/** Each value a filter can take, in order, with its count (0 when the other filters leave it none). */
export function facetValues(values: readonly string[], counts: ReadonlyMap<string, number>): FacetValue[] {
  return values.map((value) => ({ value, count: counts.get(value) ?? 0 }));
}

function pageFinding(part: ReportSummaryPart, finding: DigestFinding, textLimit: number): SummaryFindingData {
  const shown = summaryFinding(part, finding);
  const text = cutText(finding.text, textLimit);
  const memo = finding.memo === null ? null : cutText(finding.memo, textLimit);
  return text === finding.text && memo === finding.memo ? shown : { ...shown, text, memo, cut: true };
}

/** A report's findings the filters match, each counted under the other filters (findingsQuery) and handed to `found`. */
function matchReport(compiled: CompiledFilters, part: ReportSummaryPart, counts: FacetCounts, found: (position: number, finding: DigestFinding) => void): void {
  // A report's path and area are its findings': tested once per report.
  const pathHolds = holdsText(compiled, part.path);
  const area = areaOf(part.digest.fields);
  const list = part.digest.findings;
  for (let f = 0; f < list.length; f++) {
    const finding = list[f];
    if (passesText(compiled, finding, pathHolds) && countFacets(compiled, counts, finding.codes, finding.themes, area)) found(f, finding);
  }
}

/** Takes counts away, dropping the values left at none (as if never counted). */
function subtract(counts: Map<string, number>, taken: ReadonlyMap<string, number>): void {
  for (const [value, count] of taken) {
    const left = (counts.get(value) ?? 0) - count;
    if (left > 0) counts.set(value, left);
    else counts.delete(value);
  }
}

/** The positions of the reports ordered by area, "(none)" last; ties keep the reports' order. */
function reportsByArea(parts: readonly ReportSummaryPart[]): number[] {
  const areas = parts.map((part) => areaOf(part.digest.fields));
  return [...parts.keys()].sort((a, b) => compareKeys(areas[a], areas[b], NO_AREA) || a - b);
}

/** Small numbers for the keys met (undefined too), and where each key's run starts once sorted. */
class KeyNumbers {
  private readonly numbers = new Map<string | undefined, number>();

  of(key: string | undefined): number {
    let number = this.numbers.get(key);
    if (number === undefined) this.numbers.set(key, (number = this.numbers.size));
    return number;
  }

  /** For each key's number, the position of its first item when the items are ordered by key, undefined last. */
  starts(numbers: Uint32Array, length: number): Uint32Array {
    const sizes = new Uint32Array(this.numbers.size);
    for (let i = 0; i < length; i++) sizes[numbers[i]]++;
    const starts = new Uint32Array(this.numbers.size);
    let at = 0;
    for (const key of [...this.numbers.keys()].sort((a, b) => compareKeys(a, b, undefined))) {
      const number = this.numbers.get(key)!;
      starts[number] = at;
      at += sizes[number];
    }
    return starts;
  }
}

/** Keys in code-unit order, `last` (and undefined) after every other. */
function compareKeys(a: string | undefined, b: string | undefined, last: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined || a === last) return 1;
  if (b === undefined || b === last) return -1;
  return a < b ? -1 : 1;
}
