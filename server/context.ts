import { MarkupKind, type Connection, type MarkupContent, type Range, type TextEdit as LspTextEdit, type WorkspaceEdit, type TextDocumentEdit } from 'vscode-languageserver/node';
import { BUILTIN_CODEBOOK_PATH, LineIndex, type CodebookSource, type DefinitionLocation, type TextEdit } from '../core';
import { BUILTIN_CODEBOOK_SCHEME, type Settings } from '../protocol';
import type { ReportWorkspace } from './reportWorkspace';
import { fileUri } from './uris';

/** What the client can take, read once from its capabilities. */
export interface ClientFeatures {
  readonly snippets: boolean;
  readonly markdown: boolean;
  readonly documentChanges: boolean;
  readonly hierarchicalSymbols: boolean;
}

/** What every feature gets. */
export interface ServerContext {
  readonly connection: Connection;
  readonly workspace: ReportWorkspace;
  readonly client: ClientFeatures;
  settings(): Settings;
}

/** The URI of the built-in codebook, which the client shows read-only. */
export const BUILTIN_CODEBOOK_URI = `${BUILTIN_CODEBOOK_SCHEME}:/send.codebook.yaml`;

const sourceLines = new WeakMap<CodebookSource, LineIndex>();

/** Where a codebook entry is, as a URI and a range: the workspace file, or the read-only built-in one. */
export function codebookLocation(location: DefinitionLocation): { uri: string; range: Range } {
  const source = location.source;
  let lines = sourceLines.get(source);
  if (!lines) {
    lines = new LineIndex(source.text);
    sourceLines.set(source, lines);
  }
  return { uri: codebookSourceUri(source), range: lines.range(location.range) };
}

export function codebookSourceUri(source: CodebookSource): string {
  return source.kind === 'builtin' || source.path === BUILTIN_CODEBOOK_PATH ? BUILTIN_CODEBOOK_URI : fileUri(source.path);
}

export function markup(context: ServerContext, markdown: string): MarkupContent {
  return context.client.markdown ? { kind: MarkupKind.Markdown, value: markdown } : { kind: MarkupKind.PlainText, value: markdown.replace(/\\([\\`*_[\]<>#|])/g, '$1') };
}

/** Offset edits in several files as one WorkspaceEdit, versioned for open documents when the client takes that. */
export function workspaceEdit(context: ServerContext, files: ReadonlyArray<{ uri: string; lines: LineIndex; version: number | null; edits: readonly TextEdit[] }>): WorkspaceEdit {
  const converted = files
    .filter((file) => file.edits.length > 0)
    .map((file) => ({ ...file, lspEdits: file.edits.map((edit): LspTextEdit => ({ range: file.lines.range(edit.range), newText: edit.newText })) }));
  if (context.client.documentChanges) {
    return {
      documentChanges: converted.map((file): TextDocumentEdit => ({ textDocument: { uri: file.uri, version: file.version }, edits: file.lspEdits })),
    };
  }
  return { changes: Object.fromEntries(converted.map((file) => [file.uri, file.lspEdits])) };
}
