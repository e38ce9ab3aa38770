// The report's editor beside the coded reader: the one in view, or one
// opened to show a passage.
import * as vscode from 'vscode';
import type { ReaderRange } from '../../protocol';

/** The visible editor of the report (the first, when it is split). */
export function visibleSourceEditor(uri: string): vscode.TextEditor | undefined {
  return vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri);
}

/**
 * Shows the report with `range` selected and in view: in the group already
 * showing it, else in the first group (beside the reader when the reader is
 * there itself).
 */
export async function showInSource(uri: string, range: ReaderRange, readerColumn: vscode.ViewColumn | undefined): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true));
  const selection = document.validateRange(new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character));
  const showing = visibleSourceEditor(uri)?.viewColumn;
  const column = showing ?? (readerColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection: new vscode.Selection(selection.start, selection.end), preview: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
