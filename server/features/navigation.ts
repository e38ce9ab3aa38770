// Moving around the corpus from a code, a theme, a field or a value: its
// codebook entry (definition), its uses in every report (references) and in
// this one (highlights).
import { DocumentHighlightKind, type CancellationToken, type DefinitionParams, type DocumentHighlight, type DocumentHighlightParams, type Location, type ReferenceParams } from 'vscode-languageserver/node';
import { definitionAt, highlightsAt, occurrences, referenceTargetAt } from '../../core';
import { codebookLocation, type ServerContext } from '../context';
import { cooperative, guard, type VersionOf } from '../guard';
import { boolean, object, textDocumentPosition } from '../paramShapes';

export function registerNavigation(context: ServerContext, versionOf: VersionOf): void {
  const { connection, workspace } = context;

  /** To the codebook entry (a workspace codebook, or the read-only built-in one), or to an id in the report. */
  connection.onDefinition(guard(connection, 'textDocument/definition', textDocumentPosition, (params: DefinitionParams): Location | null => {
    const entry = workspace.report(params.textDocument.uri);
    if (!entry) return null;
    const target = definitionAt(entry.report.document, entry.folder.codebook.codebook, entry.lines.offset(params.position));
    if (!target) return null;
    if (target.kind === 'document') return { uri: entry.uri, range: entry.lines.range(target.range) };
    return codebookLocation(target.location);
  }, versionOf));

  /** Every use of a code or theme across the folder's reports (open or on disk), and its codebook entry on request. */
  connection.onReferences(guard(connection, 'textDocument/references', { ...textDocumentPosition, context: object({ includeDeclaration: boolean }) }, async (params: ReferenceParams, token: CancellationToken): Promise<Location[] | null> => {
    const entry = workspace.report(params.textDocument.uri);
    if (!entry) return null;
    const codebook = entry.folder.codebook.codebook;
    const target = referenceTargetAt(entry.report.document, codebook, entry.lines.offset(params.position));
    if (!target) return null;
    await workspace.ready;
    const locations: Location[] = [];
    if (params.context.includeDeclaration) {
      const definition = target.kind === 'code' ? codebook.codes.get(target.name) : codebook.themes.get(target.name);
      if (definition) locations.push(codebookLocation(definition.location));
    }
    for await (const report of cooperative(workspace.reports(entry.folder), token)) {
      for (const range of occurrences(report.report.document, codebook, target)) locations.push({ uri: report.uri, range: report.lines.range(range) });
    }
    return locations;
  }));

  /** The same code, theme or id within the report. */
  connection.onDocumentHighlight(guard(connection, 'textDocument/documentHighlight', textDocumentPosition, (params: DocumentHighlightParams): DocumentHighlight[] | null => {
    const entry = workspace.report(params.textDocument.uri);
    if (!entry) return null;
    return highlightsAt(entry.report.document, entry.folder.codebook.codebook, entry.lines.offset(params.position))
      .map((range) => ({ range: entry.lines.range(range), kind: DocumentHighlightKind.Text }));
  }, versionOf));
}
