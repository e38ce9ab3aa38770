import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type SymbolInformation } from 'vscode-languageserver/node';
import { documentSymbols, type LineIndex, type OutlineKind, type OutlineSymbol } from '../../core';
import type { ServerContext } from '../context';
import { guard, type VersionOf } from '../guard';

const KINDS: Record<OutlineKind, SymbolKind> = {
  frontMatter: SymbolKind.Module,
  field: SymbolKind.Property,
  code: SymbolKind.Class,
  span: SymbolKind.String,
};

export function registerDocumentSymbols(context: ServerContext, versionOf: VersionOf): void {
  context.connection.onDocumentSymbol(guard(context.connection, 'textDocument/documentSymbol', (params: DocumentSymbolParams): DocumentSymbol[] | SymbolInformation[] | null => {
    const entry = context.workspace.report(params.textDocument.uri);
    if (!entry) return null;
    const outline = documentSymbols(entry.report.document);
    if (context.client.hierarchicalSymbols) return outline.map((symbol) => toSymbol(entry.lines, symbol));
    return outline.flatMap((symbol) => flatten(entry.uri, entry.lines, symbol, undefined));
  }, versionOf));
}

function toSymbol(lines: LineIndex, symbol: OutlineSymbol): DocumentSymbol {
  const result: DocumentSymbol = {
    name: symbol.name,
    kind: KINDS[symbol.kind],
    range: lines.range(symbol.range),
    selectionRange: lines.range(symbol.selectionRange),
    children: symbol.children.map((child) => toSymbol(lines, child)),
  };
  if (symbol.detail !== undefined) result.detail = symbol.detail;
  return result;
}

function flatten(uri: string, lines: LineIndex, symbol: OutlineSymbol, container: string | undefined): SymbolInformation[] {
  const own: SymbolInformation = { name: symbol.name, kind: KINDS[symbol.kind], location: { uri, range: lines.range(symbol.range) } };
  if (container !== undefined) own.containerName = container;
  return [own, ...symbol.children.flatMap((child) => flatten(uri, lines, child, symbol.name))];
}
