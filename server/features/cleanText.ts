// `findings/cleanText` (a report's clean text, for the client's read-only
// view of it) and the "Show the difference" quick fix of a fingerprint
// mismatch: a command that opens the source article beside that view.
import { existsSync } from 'node:fs';
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { sourceFileToCompare, type Diagnostic } from '../../core';
import { CleanTextRequest, Commands, type CleanTextParams, type CleanTextResult } from '../../protocol';
import type { ServerContext } from '../context';
import { guard } from '../guard';
import { string } from '../paramShapes';
import { sourceFileUri } from '../sourceFiles';
import { fsPathOf } from '../uris';
import type { ReportEntry } from '../workspaceTypes';

export function registerCleanText(context: ServerContext): void {
  context.connection.onRequest(CleanTextRequest, guard(context.connection, CleanTextRequest.method, { uri: string }, (params: CleanTextParams): CleanTextResult | null => {
    const entry = context.workspace.report(params.uri);
    return entry ? { text: entry.report.document.cleanText } : null;
  }));
}

/**
 * "Show the difference" for a report whose text no longer matches its
 * fingerprint and whose source file is there: the client's command opens
 * the diff editor (the source, then the report's clean text).
 */
export function showDifferenceAction(entry: ReportEntry, current: Diagnostic, diagnostic: LspDiagnostic): CodeAction | undefined {
  if (current.rule !== 'text-fingerprint') return undefined;
  const file = sourceFileToCompare(entry.report.document);
  const source = file === undefined ? undefined : sourceFileUri(entry.uri, file);
  const sourcePath = source === undefined ? undefined : fsPathOf(source);
  if (source === undefined || sourcePath === undefined || !existsSync(sourcePath)) return undefined;
  return {
    title: 'Show the difference',
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: 'Show the difference', command: Commands.showTextDifference, arguments: [source, entry.uri] },
  };
}
