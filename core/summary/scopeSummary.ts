import { facetValues, matchFindings, pageOf, type FacetValue, type FindingsSort, type MatchedFindings } from './findingsPage';
import { NO_AREA, searchedText, type FindingFilters } from './findingsQuery';
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
 * answer to answer: told the scope's reports each time, it takes away and
 * adds again only those whose digest or path changed, so that a summary
 * after an edit costs that report and a walk comparing identities. The last
 * findings query is kept too, so that scrolling through its pages costs a
 * page each.
 */
export class ScopeSummary {
  private parts = new Map<string, ReportSummaryPart>();
  private readonly aggregate = new SummaryAggregate();
  /** The parts in the summary's order, made again after a change. */
  private ordered: readonly ReportSummaryPart[] | undefined;
  private last: { readonly ordered: readonly ReportSummaryPart[]; readonly key: string; readonly matched: MatchedFindings } | undefined;

  /** Brings the summary to these reports (each report once); whether anything changed. */
  update(parts: Iterable<ReportSummaryPart>): boolean {
    const next = new Map<string, ReportSummaryPart>();
    let changed = false;
    for (const part of parts) {
      const key = `${part.path}\n${part.uri}`;
      if (next.has(key)) continue;
      const previous = this.parts.get(key);
      if (previous !== undefined && previous.digest === part.digest) {
        next.set(key, previous);
        continue;
      }
      if (previous !== undefined) this.aggregate.remove(previous.digest);
      this.aggregate.add(part.digest);
      next.set(key, part);
      changed = true;
    }
    for (const [key, previous] of this.parts) {
      if (next.has(key)) continue;
      this.aggregate.remove(previous.digest);
      changed = true;
    }
    this.parts = next;
    if (changed) this.ordered = undefined;
    return changed;
  }

  aggregates(): ReportsAggregates {
    return this.aggregate.aggregates();
  }

  page(query: FindingsPageQuery, textLimit: number): FindingsPage {
    const ordered = (this.ordered ??= [...this.parts.values()].sort(compareSummaryParts));
    const { filters, sort } = query;
    const key = JSON.stringify([filters.code, filters.theme, filters.area, searchedText(filters), sort]);
    if (this.last?.ordered !== ordered || this.last.key !== key) this.last = { ordered, key, matched: matchFindings(ordered, filters, sort) };
    const { matched } = this.last;
    const aggregates = this.aggregates();
    return {
      total: aggregates.totals.findings,
      matching: matched.length,
      offset: query.offset,
      findings: pageOf(ordered, matched, query.offset, query.limit, textLimit),
      facets: {
        code: facetValues(sortedValues(Object.keys(aggregates.byCode)), matched.counts.code),
        theme: facetValues(sortedValues(Object.keys(aggregates.byTheme)), matched.counts.theme),
        // The areas of the scope's findings: a report without findings offers its area nothing to match.
        area: facetValues(sortedValues(Object.keys(aggregates.byArea).filter((area) => aggregates.byArea[area].findings > 0), NO_AREA), matched.counts.area),
      },
    };
  }
}

/** Values in code-unit order (as the aggregates' keys, whatever JavaScript does with keys that look like numbers), `last` last. */
function sortedValues(values: string[], last?: string): string[] {
  return values.sort((a, b) => (a === b ? 0 : a === last ? 1 : b === last ? -1 : a < b ? -1 : 1));
}
