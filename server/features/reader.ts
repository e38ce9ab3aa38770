// `findings/reader` (what the coded reader shows of a report) and
// `findings/passages` (what the editor's code tints need), both built by the
// core from the report as the server holds it (open document or file).
import { readerModel, readerPassages, type Codebook, type IndexedReport, type ReaderPassages } from '../../core';
import { PassagesRequest, ReaderRequest, type PassagesResult, type ReaderParams, type ReaderResult } from '../../protocol';
import type { ServerContext } from '../context';
import { guard } from '../guard';
import { string } from '../paramShapes';
import type { ReportEntry } from '../workspaceTypes';

/** Each report's passages, kept while the index keeps the report (for the codebook it was built with): tints ask after every edit, often for a report not changed since. */
const cached = new WeakMap<IndexedReport, { readonly codebook: Codebook; readonly passages: ReaderPassages }>();

function passagesOf(entry: ReportEntry): ReaderPassages {
  const codebook = entry.folder.codebook.codebook;
  let found = cached.get(entry.report);
  if (!found || found.codebook !== codebook) {
    found = { codebook, passages: readerPassages(entry.report.document, codebook, entry.lines) };
    cached.set(entry.report, found);
  }
  return found.passages;
}

export function registerReader(context: ServerContext): void {
  const { connection, workspace } = context;
  connection.onRequest(ReaderRequest, guard(connection, ReaderRequest.method, { uri: string }, (params: ReaderParams): ReaderResult | null => {
    const entry = workspace.report(params.uri);
    if (!entry) return null;
    const name = entry.report.path.slice(entry.report.path.lastIndexOf('/') + 1);
    return { ...readerModel(name, entry.report.document, entry.folder.codebook.codebook, entry.lines, passagesOf(entry)), version: entry.version };
  }));
  connection.onRequest(PassagesRequest, guard(connection, PassagesRequest.method, { uri: string }, (params: ReaderParams): PassagesResult | null => {
    const entry = workspace.report(params.uri);
    return entry ? { ...passagesOf(entry), version: entry.version } : null;
  }));
}
