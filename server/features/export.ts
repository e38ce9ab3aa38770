import os from 'node:os';
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import {
  ExportCheckRequest,
  ExportRequest,
  type ExportCheckParams,
  type ExportCheckResult,
  type ExportParams,
  type ExportResult,
} from '../../protocol/export';
import { comparePaths, EXPORT_FORMATS, isExportFormat, isOneOfTheInputs, NotRegularFileError, TemporaryFile, writeAtomically, writeExport, type ExportableReport } from '../../core';
import type { ServerContext } from '../context';
import { Cancelled, cooperative, guard } from '../guard';
import { boolean, object, oneOf, optional, string } from '../paramShapes';
import { countedReports, resolveScope, scopeShape } from '../scope';
import { fileUri, fsPathOf } from '../uris';
import { savedSources } from './savedReports';

/** The summary panel's filters, each '' for any. */
const filtersShape = object({ code: string, theme: string, area: string, text: string });

/**
 * `findings/exportCheck` (how many reports in a scope have errors, so the
 * client can warn first) and `findings/export` (writes the dataset of a
 * scope, byte for byte what `findings export --allow-errors` writes at the
 * folder root, through the same engine; with `filters`, just the findings
 * the summary panel shows for them). With `fromDisk` both read the
 * files, not the editors' unsaved text, and the check lists what differs.
 */
export function registerExport(context: ServerContext): void {
  const { connection, workspace } = context;

  connection.onRequest(ExportCheckRequest, guard(connection, ExportCheckRequest.method, { scope: scopeShape, fromDisk: optional(boolean) }, async (params: ExportCheckParams, token: CancellationToken): Promise<ExportCheckResult> => {
    const scope = await resolveScope(workspace, params?.scope, token);
    const saved = params.fromDisk === true ? savedSources(workspace, scope) : undefined;
    let reportsWithErrors = 0;
    let errors = 0;
    const counted = countedReports(scope, context.settings().datasetCopies);
    for await (const report of cooperative(counted, token, 200)) {
      const { diagnostics } = saved ? await saved.read(report) : report.entry.report;
      const count = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
      errors += count;
      if (count > 0) reportsWithErrors++;
    }
    const counts = { reports: counted.length, reportsWithErrors, errors };
    return saved ? { ...counts, unsaved: saved.unsaved } : counts;
  }));

  connection.onRequest(ExportRequest, guard(connection, ExportRequest.method, { scope: scopeShape, format: oneOf(...EXPORT_FORMATS), target: string, fromDisk: optional(boolean), filters: optional(filtersShape) }, async (params: ExportParams, token: CancellationToken): Promise<ExportResult> => {
    const format = params?.format;
    if (!isExportFormat(format)) throw new ResponseError(ErrorCodes.InvalidParams, `${ExportRequest.method}: \`format\` must be one of ${EXPORT_FORMATS.join(', ')}`);
    if (params.target === '') throw new ResponseError(ErrorCodes.InvalidParams, `${ExportRequest.method}: \`target\` must be a URI`);
    const scope = await resolveScope(workspace, params.scope, token);
    const ordered = [...countedReports(scope, context.settings().datasetCopies)].sort((a, b) => comparePaths(a.path, b.path));
    // From disk, open reports with unsaved changes are read from their files, as `findings export` reads them.
    const saved = params.fromDisk === true ? savedSources(workspace, scope) : undefined;
    // Reports from the index, a pause now and then so that a cancellation gets through (it throws Cancelled).
    const reports = async function* (): AsyncGenerator<ExportableReport> {
      for await (const report of cooperative(ordered, token)) yield { path: report.path, document: saved ? (await saved.read(report)).document : report.entry.report.document };
    };
    const filters = params.filters ?? undefined;
    const produce = async (file: TemporaryFile) => writeExport(reports(), saved?.codebook ?? scope.codebook, format, file, () => token.isCancellationRequested, filters);
    const target = fsPathOf(params.target);
    if (target !== undefined && isOneOfTheInputs(target, scope.reports.flatMap(({ entry }) => fsPathOf(entry.uri) ?? []))) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, `${target} is one of the reports being exported: choose another file for the dataset`);
    }
    try {
      if (target !== undefined) {
        const totals = await writeAtomically(target, produce);
        if (!totals) throw new Cancelled();
        return totals;
      }
      // Not a file on this machine: a finished file of the server's own, which the client copies into place.
      const staged = TemporaryFile.create(os.tmpdir(), 'findings-export');
      try {
        const totals = await produce(staged);
        if (!totals) throw new Cancelled();
        staged.close();
        return { ...totals, staged: fileUri(staged.path) };
      } catch (error) {
        staged.remove();
        throw error;
      }
    } catch (error) {
      // A device, a FIFO, a folder: refused before any work, and left as it was.
      if (error instanceof NotRegularFileError) throw new ResponseError(LSPErrorCodes.RequestFailed, `${target}: ${error.message}; the export writes only regular files`);
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string') {
        throw new ResponseError(LSPErrorCodes.RequestFailed, `cannot write ${target ?? 'the export'} (${code})`);
      }
      throw error;
    }
  }));
}
