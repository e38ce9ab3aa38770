import { cutText } from './cutText';
import { areaOf, compileFilters, countFacets, emptyFacetCounts, holdsText, NO_AREA, passesText, type FacetCounts, type FindingFilters } from './findingsQuery';
import type { DigestFinding } from './reportDigest';
import { summaryFinding, type ReportSummaryPart } from './summarizeReports';
import type { SummaryFindingData } from './types';

/** The orders of the findings list: by report (path, then span order), by first code, by area; ties keep report order. */
export type FindingsSort = 'report' | 'code' | 'area';

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

/** One pass over the reports' digests, in their order (the summary's: path, then URI), by the findings list's one predicate. */
export function matchFindings(parts: readonly ReportSummaryPart[], filters: FindingFilters, sort: FindingsSort): MatchedFindings {
  const compiled = compileFilters(filters);
  const counts = emptyFacetCounts();
  let total = 0;
  for (const part of parts) total += part.digest.findings.length;
  const reports = new Uint32Array(total);
  const findings = new Uint32Array(total);
  let length = 0;
  for (let r = 0; r < parts.length; r++) {
    const part = parts[r];
    // A report's path and area are its findings': tested once per report.
    const pathHolds = holdsText(compiled, part.path);
    const area = areaOf(part.digest.fields);
    const list = part.digest.findings;
    for (let f = 0; f < list.length; f++) {
      const finding = list[f];
      if (!passesText(compiled, finding, pathHolds) || !countFacets(compiled, counts, finding.codes, finding.themes, area)) continue;
      reports[length] = r;
      findings[length] = f;
      length++;
    }
  }
  const order = sort === 'report' ? undefined : sortedOrder(length, sort === 'code' ? (i) => parts[reports[i]].digest.findings[findings[i]].codes[0] : (i) => areaOf(parts[reports[i]].digest.fields), sort === 'code' ? undefined : NO_AREA);
  return {
    length,
    reports: order ? order.map((i) => reports[i]) : reports.slice(0, length),
    findings: order ? order.map((i) => findings[i]) : findings.slice(0, length),
    counts,
  };
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

/**
 * Positions 0..length-1 ordered by a key, ties in position order, the
 * findings without a key (no code) and those with `lastKey` ("(none)" area)
 * last: grouped by key, then the few keys sorted, so linear in the findings.
 */
function sortedOrder(length: number, keyOf: (position: number) => string | undefined, lastKey: string | undefined): Uint32Array {
  const groups = new Map<string | undefined, number[]>();
  for (let i = 0; i < length; i++) {
    const key = keyOf(i);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(i);
  }
  const rank = (key: string | undefined) => (key === undefined || key === lastKey ? 1 : 0);
  const keys = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || (a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : a < b ? -1 : 1));
  const order = new Uint32Array(length);
  let at = 0;
  for (const key of keys) for (const position of groups.get(key)!) order[at++] = position;
  return order;
}
