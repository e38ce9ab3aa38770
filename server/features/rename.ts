import { ErrorCodes, ResponseError, type CancellationToken, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver/node';
import { LineIndex, prepareRename, referenceTargetAt, renameEdits, type CorpusReport } from '../../core';
import { workspaceEdit, type ServerContext } from '../context';
import { cooperative, guard, type VersionOf } from '../guard';
import { string, textDocumentPosition } from '../paramShapes';
import type { ReportEntry } from '../workspaceTypes';
import { fileUri } from '../uris';

/**
 * Renames a code or theme in every report of the folder and in its workspace
 * codebook, in one WorkspaceEdit. A built-in entry is only renamed when the
 * workspace has a codebook to copy it into.
 */
export function registerRename(context: ServerContext, versionOf: VersionOf): void {
  const { connection, workspace } = context;

  connection.onPrepareRename(guard(connection, 'textDocument/prepareRename', textDocumentPosition, (params: PrepareRenameParams): { range: Range; placeholder: string } | null => {
    const entry = workspace.report(params.textDocument.uri);
    if (!entry) return null;
    const result = prepareRename(entry.report.document, entry.folder.codebook.codebook, entry.lines.offset(params.position), entry.folder.codebook.state);
    if (!result) return null;
    if (!result.ok) throw new ResponseError(ErrorCodes.InvalidRequest, result.message);
    return { range: entry.lines.range(result.range), placeholder: result.placeholder };
  }, versionOf));

  connection.onRenameRequest(guard(connection, 'textDocument/rename', { ...textDocumentPosition, newName: string }, async (params: RenameParams, token: CancellationToken): Promise<WorkspaceEdit | null> => {
    const entry = workspace.report(params.textDocument.uri);
    if (!entry) return null;
    const codebook = entry.folder.codebook.codebook;
    const target = referenceTargetAt(entry.report.document, codebook, entry.lines.offset(params.position));
    if (!target) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only a code or a theme can be renamed.');
    await workspace.ready;
    const reports = new Map<string, ReportEntry>();
    for await (const report of cooperative(workspace.reports(entry.folder), token)) reports.set(report.uri, report);
    const corpus: CorpusReport[] = [...reports.values()].map((report) => ({ path: report.uri, document: report.report.document }));
    const result = renameEdits({ reports: corpus, codebook, target: { kind: target.kind, name: target.name }, newName: params.newName, workspaceCodebook: entry.folder.codebook.state });
    if (!result.ok) throw new ResponseError(ErrorCodes.InvalidRequest, result.message);
    const files = [...result.edits].map(([uri, edits]) => {
      const report = reports.get(uri)!;
      return { uri, lines: report.lines, version: report.version, edits };
    });
    if (result.codebook && result.codebookEdits.length > 0) {
      const uri = fileUri(result.codebook.path);
      files.push({ uri, lines: new LineIndex(result.codebook.text), version: workspace.openDocument(uri)?.version ?? null, edits: result.codebookEdits });
    }
    return workspaceEdit(context, files);
  }, versionOf));
}
