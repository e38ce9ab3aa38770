// What the summary panel and the status bar show, computed from the
// server's index (each report's digest, made once per version): the client
// never parses a report, and no reply grows with the corpus.
import type { CancellationToken } from 'vscode-languageserver/node';
import { codebookSummary, documentSummary, ScopeSummary, summaryReportData, type Codebook, type ReportSummaryPart } from '../../core';
import {
  DocumentCountsRequest,
  FINDINGS_SORTS,
  FindingsPageRequest,
  MAX_PAGE_FINDINGS,
  PAGE_TEXT_LIMIT,
  SummaryRequest,
  type CodebookSummary,
  type DocumentCountsParams,
  type DocumentCountsResult,
  type FindingsPageParams,
  type FindingsPageResult,
  type FindingsScope,
  type SummaryParams,
  type SummaryResult,
} from '../../protocol';
import type { ServerContext } from '../context';
import { guard } from '../guard';
import type { IndexChanges } from '../indexChanges';
import { object, oneOf, optional, string, uinteger, type Shape } from '../paramShapes';
import { countedReports, resolveScope, scopeShape } from '../scope';

/** How many scopes keep their summary between requests (the workspace, a folder, the reports last asked about). */
const KEPT_SCOPES = 8;

const filtersShape = object({ code: string, theme: string, area: string, text: string });
const limitShape: Shape = (value) => uinteger(value) ?? ((value as number) > MAX_PAGE_FINDINGS ? { at: '', problem: `must be at most ${MAX_PAGE_FINDINGS}` } : undefined);

export function registerSummary(context: ServerContext, changes: IndexChanges): void {
  const { connection, workspace } = context;
  const summaries = new KeptSummaries(KEPT_SCOPES);
  const codebooks = new WeakMap<Codebook, CodebookSummary>();

  /** The scope's summary brought up to date with the index: only the reports that changed since the last answer are counted again. */
  async function summaryOf(scope: FindingsScope, token: CancellationToken) {
    const t0 = performance.now();
    const resolved = await resolveScope(workspace, scope, token);
    const t1 = performance.now();
    const counted = countedReports(resolved, context.settings().datasetCopies);
    const t2 = performance.now();
    const parts = counted.map(({ entry, path }): ReportSummaryPart => ({ path, uri: entry.uri, digest: entry.report.facts.digest }));
    const t3 = performance.now();
    const summary = summaries.get(scopeKey(scope));
    summary.update(parts);
    const t4 = performance.now();
    console.error(`PROFILE resolve ${(t1 - t0).toFixed(1)} counted ${(t2 - t1).toFixed(1)} parts ${(t3 - t2).toFixed(1)} update ${(t4 - t3).toFixed(1)}`);
    return { resolved, parts, summary };
  }

  /** `findings/summary`: counts and tallies of a scope. */
  connection.onRequest(SummaryRequest, guard(connection, SummaryRequest.method, { scope: scopeShape }, async (params: SummaryParams, token: CancellationToken): Promise<SummaryResult> => {
    const generation = changes.generation;
    const { resolved, parts, summary } = await summaryOf(params.scope, token);
    let codebook = codebooks.get(resolved.codebook);
    if (!codebook) codebooks.set(resolved.codebook, (codebook = codebookSummary(resolved.codebook)));
    const report = params.scope.kind === 'document' && parts.length === 1 ? summaryReportData(parts[0]) : null;
    return { scope: params.scope, generation, ...summary.aggregates(), report, codebook };
  }));

  /** `findings/findingsPage`: a page of a scope's findings, filtered, searched and sorted, with each filter's counts. */
  const pageShape = { scope: scopeShape, filters: filtersShape, sort: optional(oneOf(...FINDINGS_SORTS)), offset: uinteger, limit: limitShape };
  connection.onRequest(FindingsPageRequest, guard(connection, FindingsPageRequest.method, pageShape, async (params: FindingsPageParams, token: CancellationToken): Promise<FindingsPageResult> => {
    const generation = changes.generation;
    const { summary } = await summaryOf(params.scope, token);
    const { filters: { code, theme, area, text }, offset, limit } = params;
    const page = summary.page({ filters: { code, theme, area, text }, sort: params.sort ?? 'report', offset, limit }, PAGE_TEXT_LIMIT);
    return { scope: params.scope, generation, ...page };
  }));

  /** `findings/documentCounts`: one report's spans and problems, for the status bar. */
  connection.onRequest(DocumentCountsRequest, guard(connection, DocumentCountsRequest.method, { uri: string }, (params: DocumentCountsParams): DocumentCountsResult | null => {
    const entry = workspace.report(params.uri);
    return entry ? documentSummary(entry.report.document, entry.report.diagnostics, entry.folder.codebook.codebook) : null;
  }));
}

/** A scope as a key: its kind and URI as asked. */
function scopeKey(scope: FindingsScope): string {
  return scope.kind === 'workspace' ? 'workspace' : `${scope.kind} ${scope.uri}`;
}

/** The summaries of the scopes asked about last, the least recently asked let go beyond `size`. */
class KeptSummaries {
  private readonly summaries = new Map<string, ScopeSummary>();

  constructor(private readonly size: number) {}

  get(key: string): ScopeSummary {
    const summary = this.summaries.get(key) ?? new ScopeSummary();
    this.summaries.delete(key);
    this.summaries.set(key, summary);
    for (const oldest of this.summaries.keys()) {
      if (this.summaries.size <= this.size) break;
      this.summaries.delete(oldest);
    }
    return summary;
  }
}
