import { DocumentHighlightKind, type DocumentHighlight, type DocumentHighlightParams } from 'vscode-languageserver/node';
import { highlightsAt } from '../../core';
import type { ServerContext } from '../context';
import { guard, type VersionOf } from '../guard';

export function registerHighlights(context: ServerContext, versionOf: VersionOf): void {
  context.connection.onDocumentHighlight(guard(context.connection, 'textDocument/documentHighlight', (params: DocumentHighlightParams): DocumentHighlight[] | null => {
    const entry = context.workspace.report(params.textDocument.uri);
    if (!entry) return null;
    return highlightsAt(entry.report.document, entry.folder.codebook.codebook, entry.lines.offset(params.position))
      .map((range) => ({ range: entry.lines.range(range), kind: DocumentHighlightKind.Text }));
  }, versionOf));
}
