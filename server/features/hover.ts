import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { hoverAt } from '../../core';
import { markup, type ServerContext } from '../context';
import { guard, type VersionOf } from '../guard';
import { textDocumentPosition } from '../paramShapes';

export function registerHover(context: ServerContext, versionOf: VersionOf): void {
  context.connection.onHover(guard(context.connection, 'textDocument/hover', textDocumentPosition, (params: HoverParams): Hover | null => {
    const entry = context.workspace.report(params.textDocument.uri);
    if (!entry) return null;
    const hover = hoverAt(entry.report.document, entry.folder.codebook.codebook, entry.lines.offset(params.position));
    return hover ? { contents: markup(context, hover.contents), range: entry.lines.range(hover.range) } : null;
  }, versionOf));
}
