// `findings/reader` and `findings/readerUpdate` (what the coded reader shows
// of a report, whole or as what changed since the model the client holds)
// and `findings/passages` (what the editor's code tints need), all built by
// the core from the report as the server holds it (open document or file).
import { PassagesRequest, ReaderRequest, ReaderUpdateRequest, type PassagesResult, type ReaderDeltaResult, type ReaderParams, type ReaderResult, type ReaderUpdateParams } from '../../protocol';
import type { ServerContext } from '../context';
import { guard } from '../guard';
import { optional, string } from '../paramShapes';
import { ReaderModels } from './readerModels';

export function registerReader(context: ServerContext): void {
  const { connection, workspace } = context;
  const models = new ReaderModels();
  connection.onRequest(ReaderRequest, guard(connection, ReaderRequest.method, { uri: string }, (params: ReaderParams): ReaderResult | null => {
    const entry = workspace.report(params.uri);
    return entry ? models.model(entry) : null;
  }));
  connection.onRequest(ReaderUpdateRequest, guard(connection, ReaderUpdateRequest.method, { uri: string, since: optional(string) }, (params: ReaderUpdateParams): ReaderResult | ReaderDeltaResult | null => {
    const entry = workspace.report(params.uri);
    return entry ? models.update(entry, params.since) : null;
  }));
  connection.onRequest(PassagesRequest, guard(connection, PassagesRequest.method, { uri: string }, (params: ReaderParams): PassagesResult | null => {
    const entry = workspace.report(params.uri);
    return entry ? { ...models.passages(entry), version: entry.version } : null;
  }));
}
