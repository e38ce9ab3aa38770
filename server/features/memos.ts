// `findings/memoEdit`, `findings/memoAt` and `findings/memos`: a passage's
// memo written, read, and every memo of a scope listed, all by the core from
// the report as the server holds it. The client only asks and applies.
import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import { comparePaths, memoEdits, memosOfReport, passageAt, passageMemo, type IndexedReport, type MemoOfReport } from '../../core';
import {
  MemoAtRequest,
  MemoEditRequest,
  MemosRequest,
  type MemoAtParams,
  type MemoAtResult,
  type MemoEditParams,
  type MemoEditResult,
  type MemoEntry,
  type MemosParams,
  type MemosResult,
} from '../../protocol';
import type { ServerContext } from '../context';
import { ContentModified, cooperative, guard } from '../guard';
import { integer, object, optional, position, string, uinteger } from '../paramShapes';
import { resolveScope, scopeShape } from '../scope';
import type { ReportEntry } from '../workspaceTypes';

/** Each report's memos, kept while the index keeps the report (a new text is a new IndexedReport). */
const memosOf = new WeakMap<IndexedReport, readonly MemoOfReport[]>();

export function registerMemos(context: ServerContext): void {
  const { connection, workspace } = context;

  connection.onRequest(MemoEditRequest, guard(connection, MemoEditRequest.method, editShape, (params: MemoEditParams): MemoEditResult | null => {
    const given = (params.position ?? undefined) !== undefined;
    if (given === ((params.passage ?? undefined) !== undefined)) throw invalid(MemoEditRequest.method, 'give either `position` or `passage`');
    const entry = workspace.report(params.textDocument.uri);
    if (!entry) throw invalid(MemoEditRequest.method, `${params.textDocument.uri} is not a report the server knows`);
    // Write into what the user saw: an edit made since moves the passages.
    if (entry.version !== null && entry.version !== params.textDocument.version) throw new ContentModified();
    const document = entry.report.document;
    const span = given ? passageAt(document, entry.lines.offset(params.position!)) : document.spans[params.passage!];
    if (!span) return null;
    const edits = memoEdits(document, span, params.memo).map((edit) => ({ range: entry.lines.range(edit.range), newText: edit.newText }));
    return { edits, passage: span.index };
  }));

  connection.onRequest(MemoAtRequest, guard(connection, MemoAtRequest.method, { uri: string, position }, (params: MemoAtParams): MemoAtResult | null => {
    const entry = workspace.report(params.uri);
    if (!entry) return null;
    const span = passageAt(entry.report.document, entry.lines.offset(params.position));
    return span ? passageMemo(entry.report.document, span) : null;
  }));

  connection.onRequest(MemosRequest, guard(connection, MemosRequest.method, { scope: optional(scopeShape) }, async (params: MemosParams | null, token: CancellationToken): Promise<MemosResult> => {
    const scope = await resolveScope(workspace, params?.scope ?? { kind: 'workspace' }, token);
    const ordered = [...scope.reports].sort((a, b) => comparePaths(a.path, b.path));
    const memos: MemoEntry[] = [];
    for await (const { entry, path } of cooperative(ordered, token, 200)) {
      for (const memo of reportMemos(entry, path)) memos.push({ uri: entry.uri, path, ...memo, range: entry.lines.range(memo.range) });
    }
    return { memos };
  }));
}

function reportMemos(entry: ReportEntry, path: string): readonly MemoOfReport[] {
  // Most reports hold none: those are never parsed again for the list.
  if (!entry.report.facts.hasMemos) return [];
  let memos = memosOf.get(entry.report);
  if (!memos) {
    memos = memosOfReport(path.slice(path.lastIndexOf('/') + 1), entry.report.document, entry.folder.codebook.codebook);
    memosOf.set(entry.report, memos);
  }
  return memos;
}

/** What `findings/memoEdit` reads; which of `position` and `passage` is given is checked in the handler. */
const editShape = {
  textDocument: object({ uri: string, version: integer }),
  position: optional(position),
  passage: optional(uinteger),
  memo: string,
};

function invalid(method: string, message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${method}: ${message}`);
}
