// `findings/reader` (what the coded reader shows of a report) and
// `findings/passages` (what the editor's code tints need), both built by the
// core from the report as the server holds it (open document or file).
import { readerModel, readerPassages } from '../../core';
import { PassagesRequest, ReaderRequest, type PassagesResult, type ReaderParams, type ReaderResult } from '../../protocol';
import type { ServerContext } from '../context';
import { guard } from '../guard';
import { string } from '../paramShapes';

export function registerReader(context: ServerContext): void {
  const { connection, workspace } = context;
  connection.onRequest(ReaderRequest, guard(connection, ReaderRequest.method, { uri: string }, (params: ReaderParams): ReaderResult | null => {
    const entry = workspace.report(params.uri);
    if (!entry) return null;
    const name = entry.report.path.slice(entry.report.path.lastIndexOf('/') + 1);
    return { ...readerModel(name, entry.report.document, entry.folder.codebook.codebook, entry.lines), version: entry.version };
  }));
  connection.onRequest(PassagesRequest, guard(connection, PassagesRequest.method, { uri: string }, (params: ReaderParams): PassagesResult | null => {
    const entry = workspace.report(params.uri);
    return entry ? { ...readerPassages(entry.report.document, entry.folder.codebook.codebook, entry.lines), version: entry.version } : null;
  }));
}
