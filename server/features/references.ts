import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver/node';
import { occurrences, referenceTargetAt } from '../../core';
import { codebookLocation, type ServerContext } from '../context';
import { cooperative, guard } from '../guard';

/** Every use of a code or theme across the corpus (open documents and files on disk), and its codebook entry on request. */
export function registerReferences(context: ServerContext): void {
  context.connection.onReferences(guard(context.connection, 'textDocument/references', async (params: ReferenceParams, token: CancellationToken): Promise<Location[] | null> => {
    const entry = context.workspace.report(params.textDocument.uri);
    if (!entry) return null;
    const codebook = entry.folder.codebook.codebook;
    const target = referenceTargetAt(entry.report.document, codebook, entry.lines.offset(params.position));
    if (!target) return null;
    await context.workspace.ready;
    const locations: Location[] = [];
    if (params.context?.includeDeclaration) {
      const definition = target.kind === 'code' ? codebook.codes.get(target.name) : codebook.themes.get(target.name);
      if (definition) locations.push(codebookLocation(definition.location));
    }
    for await (const report of cooperative(context.workspace.reports(entry.folder), token)) {
      for (const range of occurrences(report.report.document, codebook, target)) locations.push({ uri: report.uri, range: report.lines.range(range) });
    }
    return locations;
  }));
}
