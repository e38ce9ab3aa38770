import type { DefinitionParams, Location } from 'vscode-languageserver/node';
import { definitionAt } from '../../core';
import { codebookLocation, type ServerContext } from '../context';
import { guard, type VersionOf } from '../guard';

/** From a code, theme, attribute, field or value to its codebook entry (a workspace codebook, or the read-only built-in one). */
export function registerDefinition(context: ServerContext, versionOf: VersionOf): void {
  context.connection.onDefinition(guard(context.connection, 'textDocument/definition', (params: DefinitionParams): Location | null => {
    const entry = context.workspace.report(params.textDocument.uri);
    if (!entry) return null;
    const target = definitionAt(entry.report.document, entry.folder.codebook.codebook, entry.lines.offset(params.position));
    if (!target) return null;
    if (target.kind === 'document') return { uri: entry.uri, range: entry.lines.range(target.range) };
    return codebookLocation(target.location);
  }, versionOf));
}
