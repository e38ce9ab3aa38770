import { facetValues, matchFindings, pageOf, rematchFindings, unfilteredPageOf, type FacetValue, type FindingsSort, type MatchedFindings } from './findingsPage';
import { hasFilters, NO_AREA, searchedText, type FindingFilters } from './findingsQuery';
import { compareSummaryParts, type ReportSummaryPart } from './summarizeReports';
import { SummaryAggregate } from './summaryAggregate';
import type { ReportsAggregates, SummaryFindingData } from './types';

export interface FindingsPageQuery {
  readonly filters: FindingFilters;
  readonly sort: FindingsSort;
  /** The first matching finding to give, in the sort order. */
  readonly offset: number;
  /** How many to give; 0 for the counts alone. */
  readonly limit: number;
}

export interface FindingsPage {
  /** Findings in the scope. */
  readonly total: number;
  /** Findings the filters match. */
  readonly matching: number;
  readonly offset: number;
  readonly findings: readonly SummaryFindingData[];
  /** Every value of each filter among the scope's findings, sorted ("(none)" area last), with its count under the other filters. */
  readonly facets: { readonly code: readonly FacetValue[]; readonly theme: readonly FacetValue[]; readonly area: readonly FacetValue[] };
}

/**
 * The summary of one scope (a report, a folder, the workspace), kept from
 * answer to answer: told the scope's reports, it takes away and adds again
 * only those whose digest or path changed, or told just the reports that
 * changed, only those; so that a summary after an edit costs that report.
 * The last findings query is kept too, so that scrolling through its pages
 * costs a page each.
 */
export class ScopeSummary {
  /** By URI: a report is once in a scope. */
  private parts = new Map<string, ReportSummaryPart>();
  private readonly aggregate = new SummaryAggregate();
  /** The parts in the summary's order and each URI's position there; made again when the reports change, patched when only digests do. */
  private ordered: { readonly parts: readonly ReportSummaryPart[]; readonly positions: ReadonlyMap<string, number> } | undefined;
  private last: { readonly parts: readonly ReportSummaryPart[]; readonly key: string; readonly filters: FindingFilters; readonly sort: FindingsSort; readonly matched: MatchedFindings } | undefined;

  /** Brings the summary to these reports, the whole scope (a URI given twice counts once); whether anything changed. */
  update(parts: Iterable<ReportSummaryPart>): boolean {
    const next = new Map<string, ReportSummaryPart>();
    let changed = false;
    for (const part of parts) {
      if (next.has(part.uri)) continue;
      const previous = this.parts.get(part.uri);
      if (previous !== undefined && previous.digest === part.digest && previous.path === part.path) {
        next.set(part.uri, previous);
        continue;
      }
      if (previous !== undefined) this.aggregate.remove(previous.digest);
      this.aggregate.add(part.digest);
      next.set(part.uri, part);
      changed = true;
    }
    for (const [uri, previous] of this.parts) {
      if (next.has(uri)) continue;
      this.aggregate.remove(previous.digest);
      changed = true;
    }
    this.parts = next;
    if (changed) this.ordered = undefined;
    return changed;
  }

  /**
   * Gives reports of the scope new digests, each at the URI and path it has
   * in the summary already; false, changing nothing, when one is not there
   * (the caller then updates the whole scope).
   */
  patch(parts: readonly ReportSummaryPart[]): boolean {
    if (!parts.every((part) => this.parts.get(part.uri)?.path === part.path)) return false;
    // A report given twice has the last digest given.
    const changed = [...new Map(parts.map((part) => [part.uri, part])).values()].filter((part) => this.parts.get(part.uri)!.digest !== part.digest);
    if (changed.length === 0) return true;
    // The order stays (the paths do): the ordered list is copied with the new parts in place, and the kept query follows.
    const before = this.ordered;
    const ordered = before && { parts: [...before.parts], positions: before.positions };
    for (const part of changed) {
      this.aggregate.remove(this.parts.get(part.uri)!.digest);
      this.aggregate.add(part.digest);
      this.parts.set(part.uri, part);
      if (ordered) ordered.parts[ordered.positions.get(part.uri)!] = part;
    }
    this.ordered = ordered;
    const last = this.last;
    if (last && before && ordered && last.parts === before.parts) {
      const changedAt = changed.map((part) => ordered.positions.get(part.uri)!);
      const matched = rematchFindings(last.matched, before.parts, ordered.parts, changedAt, last.filters, last.sort);
      this.last = matched && { ...last, parts: ordered.parts, matched };
    }
    return true;
  }

  aggregates(): ReportsAggregates {
    return this.aggregate.aggregates();
  }

  /** The scope's reports in the summary's order (path, then URI). */
  reports(): readonly ReportSummaryPart[] {
    if (!this.ordered) {
      const parts = [...this.parts.values()].sort(compareSummaryParts);
      this.ordered = { parts, positions: new Map(parts.map((part, position) => [part.uri, position])) };
    }
    return this.ordered.parts;
  }

  page(query: FindingsPageQuery, textLimit: number): FindingsPage {
    const parts = this.reports();
    const { filters, sort } = query;
    if (sort === 'report' && !hasFilters(filters)) return this.unfilteredPage(parts, query, textLimit);
    const key = JSON.stringify([filters.code, filters.theme, filters.area, searchedText(filters), sort]);
    const last = this.last?.parts === parts && this.last.key === key ? this.last : (this.last = { parts, key, filters, sort, matched: matchFindings(parts, filters, sort) });
    const { matched } = last;
    const aggregates = this.aggregates();
    return {
      total: aggregates.totals.findings,
      matching: matched.length,
      offset: query.offset,
      findings: pageOf(parts, matched, query.offset, query.limit, textLimit),
      facets: {
        code: facetValues(sortedValues(Object.keys(aggregates.byCode)), matched.counts.code),
        theme: facetValues(sortedValues(Object.keys(aggregates.byTheme)), matched.counts.theme),
        // The areas of the scope's findings: a report without findings offers its area nothing to match.
        area: facetValues(sortedValues(Object.keys(aggregates.byArea).filter((area) => aggregates.byArea[area].findings > 0), NO_AREA), matched.counts.area),
      },
    };
  }

  /**
   * The list as it first shows, unfiltered in report order, from the
   * aggregates alone: every finding matches, and each value's count under no
   * other filter is its total (a finding's codes and themes are each once).
   */
  private unfilteredPage(parts: readonly ReportSummaryPart[], query: FindingsPageQuery, textLimit: number): FindingsPage {
    const aggregates = this.aggregates();
    const areas = Object.keys(aggregates.byArea).filter((area) => aggregates.byArea[area].findings > 0);
    return {
      total: aggregates.totals.findings,
      matching: aggregates.totals.findings,
      offset: query.offset,
      findings: unfilteredPageOf(parts, query.offset, query.limit, textLimit),
      facets: {
        code: facetValues(sortedValues(Object.keys(aggregates.byCode)), new Map(Object.entries(aggregates.byCode))),
        theme: facetValues(sortedValues(Object.keys(aggregates.byTheme)), new Map(Object.entries(aggregates.byTheme))),
        area: facetValues(sortedValues(areas, NO_AREA), new Map(areas.map((area) => [area, aggregates.byArea[area].findings]))),
      },
    };
  }
}

/** Values in code-unit order (as the aggregates' keys, whatever JavaScript does with keys that look like numbers), `last` last. */
function sortedValues(values: string[], last?: string): string[] {
  return values.sort((a, b) => (a === b ? 0 : a === last ? 1 : b === last ? -1 : a < b ? -1 : 1));
}
