import { SymbolKind, type WorkspaceSymbolParams, type SymbolInformation, type CancellationToken } from 'vscode-languageserver/node';
import { workspaceSymbols } from '../../core';
import type { ServerContext } from '../context';
import { cooperative, guard } from '../guard';

const LIMIT = 5000;

/** Spans and ids across the corpus: open documents and files on disk. */
export function registerWorkspaceSymbols(context: ServerContext): void {
  context.connection.onWorkspaceSymbol(guard(context.connection, 'workspace/symbol', async (params: WorkspaceSymbolParams, token: CancellationToken): Promise<SymbolInformation[]> => {
    await context.workspace.ready;
    const symbols: SymbolInformation[] = [];
    for await (const entry of cooperative(context.workspace.reports(), token)) {
      for (const symbol of workspaceSymbols([{ path: entry.uri, document: entry.report.document }], params.query, LIMIT - symbols.length)) {
        symbols.push({
          name: symbol.name,
          kind: symbol.kind === 'id' ? SymbolKind.Key : SymbolKind.String,
          containerName: symbol.containerName,
          location: { uri: entry.uri, range: entry.lines.range(symbol.range) },
        });
      }
      if (symbols.length >= LIMIT) break;
    }
    return symbols;
  }));
}
