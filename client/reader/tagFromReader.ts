// Tags a passage selected in the coded reader: the server maps the
// clean-text selection to the source (`findings/tag` with cleanSelections)
// and answers with the markup to insert; it is applied to the report as one
// undo step. Only `[` and `]{…}` are inserted: the article text never changes.
import * as vscode from 'vscode';
import { LSPErrorCodes } from 'vscode-languageclient/node';
import { TagRequest, type ReaderResult, type TagResult } from '../../protocol';
import type { FindingsServer } from '../languageClient';

export interface TagOutcome {
  readonly ok: boolean;
  /** What to tell the reader (and the status bar). */
  readonly message: string;
}

export interface CleanSelectionTag {
  readonly start: number;
  readonly end: number;
  readonly codes: readonly string[];
  readonly themes: readonly string[];
}

const CHANGED_MEANWHILE = 'The report changed while tagging: nothing was tagged. Select the passage again.';

/** Tags the selection of `model` (the text the reader shows) in the report `uri`. */
export async function tagFromReader(server: FindingsServer, uri: string, model: ReaderResult, tag: CleanSelectionTag): Promise<TagOutcome> {
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true));
  } catch (error) {
    return { ok: false, message: `Could not open the report: ${messageOf(error)}` };
  }
  // The selection's offsets are of the text the reader shows: the server refuses them for any other version.
  const version = model.version ?? document.version;
  if (document.version !== version) return { ok: false, message: CHANGED_MEANWHILE };
  let result: TagResult;
  try {
    result = await server.request(TagRequest, {
      textDocument: { uri, version },
      cleanSelections: [{ start: tag.start, end: tag.end }],
      codes: tag.codes,
      themes: tag.themes,
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === LSPErrorCodes.ContentModified) return { ok: false, message: CHANGED_MEANWHILE };
    return { ok: false, message: `Could not tag the selection: ${messageOf(error)}` };
  }
  if (result.edits.length === 0) {
    const reason = result.refused[0]?.message ?? '';
    return { ok: false, message: `This selection cannot be tagged.${reason ? ` ${reason}` : ''}` };
  }
  if (document.isClosed || document.version !== version) return { ok: false, message: CHANGED_MEANWHILE };
  const edit = new vscode.WorkspaceEdit();
  for (const insertion of result.edits) edit.insert(document.uri, new vscode.Position(insertion.range.start.line, insertion.range.start.character), insertion.newText);
  if (!(await vscode.workspace.applyEdit(edit))) return { ok: false, message: 'VS Code did not apply the tag to the report.' };
  const codes = tag.codes.join(', ');
  // Required attributes without a value are written empty (`speaker=""`): the editor's diagnostics point at them.
  const placeholders = result.edits.some((insertion) => insertion.snippet !== undefined);
  return { ok: true, message: placeholders ? `Tagged as ${codes}: fill in its required attributes in the report.` : `Tagged as ${codes}.` };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
