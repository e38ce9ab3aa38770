// `findings/adjudicate`: the reference report of a report's article, made by
// the core from every report of the article in the report's workspace folder
// (the same clean text), as open in the editor or on disk.
import nodePath from 'node:path';
import { adjudicate, type ArticleReport } from '../../core/agreement/adjudication';
import { AdjudicateRequest, type AdjudicateParams, type AdjudicateResult } from '../../protocol';
import type { ServerContext } from '../context';
import { guard } from '../guard';
import { string } from '../paramShapes';
import { fileUri, fsPathOf } from '../uris';

export function registerAdjudication(context: ServerContext): void {
  const { connection, workspace } = context;
  connection.onRequest(AdjudicateRequest, guard(connection, AdjudicateRequest.method, { uri: string }, async (params: AdjudicateParams): Promise<AdjudicateResult | null> => {
    // Every copy must be indexed: the folders' first scan is awaited.
    await workspace.ready;
    const entry = workspace.report(params.uri);
    if (!entry) return null;
    const fingerprint = entry.report.facts.fingerprint;
    // Paths relative to the workspace folder (the files' own outside every folder), so that the
    // reference's name, its list of copies and the messages read as the Explorer shows them.
    const root = entry.folder.fsPath;
    const pathOf = (uri: string) => (root === undefined ? fsPathOf(uri)?.replace(/\\/g, '/') : workspace.relativeToFolder(entry.folder, uri));
    const uriOf = (path: string) => fileUri(root === undefined ? path : nodePath.join(root, path));
    const reports: ArticleReport[] = [];
    const uris = new Map<string, string>();
    for (const other of workspace.reports(entry.folder)) {
      if (other.report.facts.fingerprint !== fingerprint) continue;
      const path = pathOf(other.uri);
      if (path === undefined) continue;
      reports.push({ path, document: other.report.document });
      uris.set(path, other.uri);
    }
    const taken = (path: string) => workspace.report(uriOf(path)) !== undefined;
    const result = adjudicate(reports, entry.folder.codebook.codebook, taken);
    if (result.kind === 'refused') return result;
    const { path, ...rest } = result;
    return { ...rest, uri: uris.get(path) ?? uriOf(path) };
  }));
}
