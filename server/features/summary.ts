// What the summary panel and the status bar show, computed from the
// server's index: the client never parses a report.
import type { CancellationToken } from 'vscode-languageserver/node';
import { codebookSummary, combineReportSummaries, documentSummary, summarizeReport, type IndexedReport, type ReportSummaryPart } from '../../core';
import { DocumentCountsRequest, SummaryRequest, type DocumentCountsParams, type DocumentCountsResult, type SummaryParams, type SummaryResult } from '../../protocol';
import type { ServerContext } from '../context';
import { cooperative, guard } from '../guard';
import type { IndexChanges } from '../indexChanges';
import { string } from '../paramShapes';
import { countedReports, resolveScope, scopeShape } from '../scope';

/** Each analysed report's part of a summary, kept while the index keeps the report (its path and URI never change under it). */
const parts = new WeakMap<IndexedReport, { readonly path: string; readonly part: ReportSummaryPart }>();

export function registerSummary(context: ServerContext, changes: IndexChanges): void {
  const { connection, workspace } = context;

  /** `findings/summary`: counts, tallies and findings of a scope. */
  connection.onRequest(SummaryRequest, guard(connection, SummaryRequest.method, { scope: scopeShape }, async (params: SummaryParams, token: CancellationToken): Promise<SummaryResult> => {
    const generation = changes.generation;
    const scope = await resolveScope(workspace, params?.scope, token);
    const collected: ReportSummaryPart[] = [];
    for await (const { entry, path } of cooperative(countedReports(scope, context.settings().datasetCopies), token, 200)) {
      let cached = parts.get(entry.report);
      if (!cached || cached.path !== path) {
        cached = { path, part: summarizeReport({ path, uri: entry.uri, document: entry.report.document, diagnostics: entry.report.diagnostics, codebook: entry.folder.codebook.codebook, lines: entry.lines }) };
        parts.set(entry.report, cached);
      }
      collected.push(cached.part);
    }
    return { scope: params.scope, generation, ...combineReportSummaries(collected), codebook: codebookSummary(scope.codebook) };
  }));

  /** `findings/documentCounts`: one report's spans and problems, for the status bar. */
  connection.onRequest(DocumentCountsRequest, guard(connection, DocumentCountsRequest.method, { uri: string }, (params: DocumentCountsParams): DocumentCountsResult | null => {
    const entry = workspace.report(params.uri);
    return entry ? documentSummary(entry.report.document, entry.report.diagnostics, entry.folder.codebook.codebook) : null;
  }));
}
