// Reads a scope's findings list from the server the way the summary panel
// does, a page at a time, and checks that the pages fit together.
import { strict as assert } from 'node:assert';
import { FindingsPageRequest, MAX_PAGE_FINDINGS, type FindingFilters, type FindingsPageResult, type FindingsScope, type FindingsSort, type SummaryFinding } from '../../protocol';
import type { LspClient } from './lspClient';

export const NO_FILTERS: FindingFilters = { code: '', theme: '', area: '', text: '' };

/** Every finding a query matches, read `size` at a time; the pages agree on totals, facets and generation. */
export async function listFindings(client: LspClient, scope: FindingsScope, filters: Partial<FindingFilters> = {}, sort: FindingsSort = 'report', size = MAX_PAGE_FINDINGS): Promise<{ findings: SummaryFinding[]; first: FindingsPageResult }> {
  const findings: SummaryFinding[] = [];
  let first: FindingsPageResult | undefined;
  for (let offset = 0; ; offset += size) {
    const page = await client.request(FindingsPageRequest, { scope, filters: { ...NO_FILTERS, ...filters }, sort, offset, limit: size });
    assert.equal(page.offset, offset);
    assert.ok(page.findings.length <= size);
    first ??= page;
    assert.deepEqual([page.matching, page.total, page.generation], [first.matching, first.total, first.generation], 'the pages of one generation agree');
    findings.push(...page.findings);
    if (offset + size >= page.matching) break;
  }
  assert.equal(findings.length, first.matching);
  return { findings, first };
}

/** A finding's key: its report's path and its index there. */
export function findingKey(finding: { readonly path: string; readonly index: number }): string {
  return `${finding.path}#${finding.index}`;
}
