import type { CancellationToken } from 'vscode-languageserver/node';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import {
  ExportCheckRequest,
  ExportRequest,
  type ExportCheckParams,
  type ExportCheckResult,
  type ExportParams,
  type ExportResult,
} from '../../protocol/requests';
import { EXPORT_FORMATS, exportCorpusCooperatively, type ExportFormat } from '../../core';
import type { ServerContext } from '../context';
import { Cancelled, cooperative, guard } from '../guard';
import { resolveScope } from '../scope';

/**
 * `findings/exportCheck` (how many reports in a scope have errors, so the
 * client can warn first) and `findings/export` (the dataset of a scope, byte
 * for byte what `findings export --allow-errors` writes at the folder root).
 */
export function registerExport(context: ServerContext): void {
  const { connection, workspace } = context;

  connection.onRequest(ExportCheckRequest, guard(connection, ExportCheckRequest, async (params: ExportCheckParams, token: CancellationToken): Promise<ExportCheckResult> => {
    const scope = await resolveScope(workspace, params?.scope, token);
    let reportsWithErrors = 0;
    let errors = 0;
    for await (const { entry } of cooperative(scope.reports, token, 200)) {
      const count = entry.report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
      errors += count;
      if (count > 0) reportsWithErrors++;
    }
    return { reports: scope.reports.length, reportsWithErrors, errors };
  }));

  connection.onRequest(ExportRequest, guard(connection, ExportRequest, async (params: ExportParams, token: CancellationToken): Promise<ExportResult> => {
    const format = params?.format;
    if (!EXPORT_FORMATS.includes(format as ExportFormat)) throw new ResponseError(ErrorCodes.InvalidParams, `${ExportRequest}: \`format\` must be one of ${EXPORT_FORMATS.join(', ')}`);
    const scope = await resolveScope(workspace, params.scope, token);
    const reports = scope.reports.map(({ entry, path }) => ({ path, document: entry.report.document }));
    const result = await exportCorpusCooperatively(reports, scope.codebook, format, {
      isCancelled: () => token.isCancellationRequested,
      // A macrotask, so that the cancellation message is read in between.
      pause: () => new Promise<void>((resolve) => setImmediate(resolve)),
    });
    if (!result) throw new Cancelled();
    return result;
  }));
}
