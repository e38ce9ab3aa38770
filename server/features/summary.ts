import type { CancellationToken } from 'vscode-languageserver/node';
import { SummaryRequest, type SummaryParams, type SummaryResult } from '../../protocol/requests';
import { codebookSummary, combineReportSummaries, summarizeReport, type IndexedReport, type ReportSummaryPart } from '../../core';
import type { ServerContext } from '../context';
import { cooperative, guard } from '../guard';
import type { IndexChanges } from '../indexChanges';
import { resolveScope } from '../scope';

/** Each analysed report's part of a summary, kept while the index keeps the report (its path and URI never change under it). */
const parts = new WeakMap<IndexedReport, { readonly path: string; readonly part: ReportSummaryPart }>();

/** `findings/summary`: counts, tallies and findings of a scope, from the server's index. */
export function registerSummary(context: ServerContext, changes: IndexChanges): void {
  const { connection, workspace } = context;
  connection.onRequest(SummaryRequest, guard(connection, SummaryRequest, async (params: SummaryParams, token: CancellationToken): Promise<SummaryResult> => {
    const generation = changes.generation;
    const scope = await resolveScope(workspace, params?.scope, token);
    const collected: ReportSummaryPart[] = [];
    for await (const { entry, path } of cooperative(scope.reports, token, 200)) {
      let cached = parts.get(entry.report);
      if (!cached || cached.path !== path) {
        cached = { path, part: summarizeReport({ path, uri: entry.uri, document: entry.report.document, diagnostics: entry.report.diagnostics, codebook: entry.folder.codebook.codebook, lines: entry.lines }) };
        parts.set(entry.report, cached);
      }
      collected.push(cached.part);
    }
    return { scope: params.scope, generation, ...combineReportSummaries(collected), codebook: codebookSummary(scope.codebook) };
  }));
}
