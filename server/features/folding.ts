import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver/node';
import { foldingRegions } from '../../core';
import type { ServerContext } from '../context';
import { guard, type VersionOf } from '../guard';

export function registerFolding(context: ServerContext, versionOf: VersionOf): void {
  context.connection.onFoldingRanges(guard(context.connection, 'textDocument/foldingRange', (params: FoldingRangeParams): FoldingRange[] | null => {
    const entry = context.workspace.report(params.textDocument.uri);
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
