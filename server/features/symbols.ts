// The shape of reports: the Outline (front matter, then findings by code),
// workspace symbols (spans and ids across the corpus) and folding.
import {
  FoldingRangeKind,
  SymbolKind,
  type CancellationToken,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type FoldingRange,
  type FoldingRangeParams,
  type SymbolInformation,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver/node';
import { documentSymbols, foldingRegions, matchingSymbols, reportSymbols, type CorpusSymbol, type IndexedReport, type LineIndex, type OutlineKind, type OutlineSymbol } from '../../core';
import type { ServerContext } from '../context';
import type { ReportEntry } from '../workspaceTypes';
import { cooperative, guard, type VersionOf } from '../guard';
import { string, textDocumentIdentifier } from '../paramShapes';

const KINDS: Record<OutlineKind, SymbolKind> = {
  frontMatter: SymbolKind.Module,
  field: SymbolKind.Property,
  code: SymbolKind.Class,
  span: SymbolKind.String,
};

/** The most workspace symbols answered at once. */
const WORKSPACE_SYMBOL_LIMIT = 5000;

export function registerSymbols(context: ServerContext, versionOf: VersionOf): void {
  const { connection, workspace } = context;

  connection.onDocumentSymbol(guard(connection, 'textDocument/documentSymbol', { textDocument: textDocumentIdentifier }, (params: DocumentSymbolParams): DocumentSymbol[] | SymbolInformation[] | null => {
    const entry = workspace.report(params.textDocument.uri);
    if (!entry) return null;
    const outline = documentSymbols(entry.report.document);
    if (context.client.hierarchicalSymbols) return outline.map((symbol) => toDocumentSymbol(entry.lines, symbol));
    return outline.flatMap((symbol) => flatten(entry.uri, entry.lines, symbol, undefined));
  }, versionOf));

  connection.onWorkspaceSymbol(guard(connection, 'workspace/symbol', { query: string }, async (params: WorkspaceSymbolParams, token: CancellationToken): Promise<SymbolInformation[]> => {
    await workspace.ready;
    const symbols: SymbolInformation[] = [];
    for await (const entry of cooperative(workspace.reports(), token)) {
      for (const symbol of matchingSymbols(symbolsOf(entry), params.query, WORKSPACE_SYMBOL_LIMIT - symbols.length)) {
        symbols.push({
          name: symbol.name,
          kind: symbol.kind === 'id' ? SymbolKind.Key : SymbolKind.String,
          containerName: symbol.containerName,
          location: { uri: entry.uri, range: entry.lines.range(symbol.range) },
        });
      }
      if (symbols.length >= WORKSPACE_SYMBOL_LIMIT) break;
    }
    return symbols;
  }));

  connection.onFoldingRanges(guard(connection, 'textDocument/foldingRange', { textDocument: textDocumentIdentifier }, (params: FoldingRangeParams): FoldingRange[] | null => {
    const entry = workspace.report(params.textDocument.uri);
    if (!entry) return null;
    const ranges: FoldingRange[] = [];
    for (const region of foldingRegions(entry.report.document)) {
      const startLine = entry.lines.position(region.range.start).line;
      const endLine = entry.lines.position(region.range.end).line;
      if (endLine <= startLine) continue;
      ranges.push(region.kind === 'frontMatter' ? { startLine, endLine, kind: FoldingRangeKind.Region } : { startLine, endLine });
    }
    return ranges;
  }, versionOf));
}

function toDocumentSymbol(lines: LineIndex, symbol: OutlineSymbol): DocumentSymbol {
  const result: DocumentSymbol = {
    name: symbol.name,
    kind: KINDS[symbol.kind],
    range: lines.range(symbol.range),
    selectionRange: lines.range(symbol.selectionRange),
    children: symbol.children.map((child) => toDocumentSymbol(lines, child)),
  };
  if (symbol.detail !== undefined) result.detail = symbol.detail;
  return result;
}

function flatten(uri: string, lines: LineIndex, symbol: OutlineSymbol, container: string | undefined): SymbolInformation[] {
  const own: SymbolInformation = { name: symbol.name, kind: KINDS[symbol.kind], location: { uri, range: lines.range(symbol.range) } };
  if (container !== undefined) own.containerName = container;
  return [own, ...symbol.children.flatMap((child) => flatten(uri, lines, child, symbol.name))];
}

/** Each report's symbols, made once per report version: a query types a character at a time, and the index keeps few parses. */
const symbolsOfReport = new WeakMap<IndexedReport, { readonly uri: string; readonly symbols: readonly CorpusSymbol[] }>();

function symbolsOf(entry: ReportEntry): readonly CorpusSymbol[] {
  let cached = symbolsOfReport.get(entry.report);
  if (!cached || cached.uri !== entry.uri) {
    cached = { uri: entry.uri, symbols: reportSymbols({ path: entry.uri, document: entry.report.document }) };
    symbolsOfReport.set(entry.report, cached);
  }
  return cached.symbols;
}
