// Following a file a view shows as files are renamed, moved and deleted
// (VS Code reports a folder's move or deletion once, for the folder).
import * as vscode from 'vscode';

/** Whether `uri` is the file, or lies in the folder. */
export function isAtOrUnder(uri: string, fileOrFolder: vscode.Uri): boolean {
  const other = fileOrFolder.toString();
  return uri === other || uri.startsWith(other.endsWith('/') ? other : `${other}/`);
}

/** Where `uri` is once `from` became `to` (a file, or a folder holding it); undefined when it is not affected. */
export function movedUri(uri: string, from: vscode.Uri, to: vscode.Uri): string | undefined {
  if (!isAtOrUnder(uri, from)) return undefined;
  const old = from.toString().replace(/\/$/, '');
  return uri === from.toString() ? to.toString() : `${to.toString().replace(/\/$/, '')}/${uri.slice(old.length + 1)}`;
}

/** Whether a file is still there: open in an editor (untitled included) or on disk. */
export async function fileExists(uri: string): Promise<boolean> {
  if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri && !document.isClosed)) return true;
  try {
    await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
    return true;
  } catch {
    return false;
  }
}
