// Writes a whole file or nothing: a failed or cancelled export never leaves a
// partial file where the user asked for one.
import * as vscode from 'vscode';
import writeFileAtomic from 'write-file-atomic';

/**
 * Writes `content` to a temporary file beside `target`, then renames it over
 * `target` (write-file-atomic for files on disk, the workspace file system
 * for other schemes).
 */
export async function writeAtomically(target: vscode.Uri, content: string): Promise<void> {
  if (target.scheme === 'file') {
    await writeFileAtomic(target.fsPath, content, { encoding: 'utf8' });
    return;
  }
  const folder = vscode.Uri.joinPath(target, '..');
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const temporary = vscode.Uri.joinPath(folder, `.${name}.${Date.now().toString(36)}.tmp`);
  try {
    await vscode.workspace.fs.writeFile(temporary, Buffer.from(content, 'utf8'));
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}
