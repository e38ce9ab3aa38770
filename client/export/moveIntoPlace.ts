// Puts a finished export where the user asked when the server could not
// write there itself (a target that is not a file on disk).
import * as vscode from 'vscode';

/**
 * Copies `staged` (a file the server wrote) to a temporary file beside
 * `target`, renames it over `target` (so the target is replaced whole or not
 * at all), and deletes `staged` whatever happens.
 */
export async function moveIntoPlace(staged: vscode.Uri, target: vscode.Uri): Promise<void> {
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const temporary = vscode.Uri.joinPath(target, '..', `.${name}.${Date.now().toString(36)}.tmp`);
  try {
    await vscode.workspace.fs.copy(staged, temporary, { overwrite: false });
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  } finally {
    await vscode.workspace.fs.delete(staged).then(undefined, () => undefined);
  }
}
