import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import { reportArea, spanFindingFacts } from '../summary/findingFacts';
import { findingMatcher, hasFilters, type FindingFilters } from '../summary/findingsQuery';
import { frontMatterFields } from './findingRecords';

/** The indexes of the spans of a report an export keeps. */
export type KeptSpans = (path: string, document: ReportDocument) => ReadonlySet<number>;

/**
 * Which findings an export keeps under the summary panel's filters: exactly
 * those the panel's findings list shows for the same filters, by the same
 * predicate, with the codes and themes the export writes (its codebook's).
 * Undefined when no filter is set: then the export keeps everything.
 */
export function keptSpans(filters: FindingFilters | undefined, codebook: Codebook): KeptSpans | undefined {
  if (filters === undefined || !hasFilters(filters)) return undefined;
  const matches = findingMatcher(filters);
  return (path, document) => {
    const area = reportArea(frontMatterFields(document));
    const kept = new Set<number>();
    for (const span of document.spans) {
      if (matches({ ...spanFindingFacts(document, span, codebook), path, area })) kept.add(span.index);
    }
    return kept;
  };
}
