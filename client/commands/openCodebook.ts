// "Findings: Open Codebook": the workspace codebook (`findings.codebook.path`,
// default codebook.yaml at the root of the workspace folder) when there is
// one, else the built-in codebook, read-only.
import * as path from 'path';
import * as vscode from 'vscode';
import { Commands } from '../../protocol';
import { BUILTIN_CODEBOOK_URI } from '../builtinCodebookProvider';
import { codebookPath } from '../settings';

export function registerOpenCodebook(): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.openCodebook, async (): Promise<vscode.Uri> => {
    const uri = (await workspaceCodebook()) ?? BUILTIN_CODEBOOK_URI;
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    if (uri === BUILTIN_CODEBOOK_URI && vscode.workspace.workspaceFolders?.length) {
      vscode.window.setStatusBarMessage('The workspace has no codebook.yaml: this is the built-in SEND codebook (read-only).', 8000);
    }
    return uri;
  });
}

/** The codebook of the active editor's workspace folder, else of the first folder that has one. */
async function workspaceCodebook(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const first = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  const folders = [...(first ? [first] : []), ...(vscode.workspace.workspaceFolders ?? []).filter((f) => f !== first)];
  for (const folder of folders) {
    const relative = codebookPath(folder);
    const candidate = path.isAbsolute(relative) ? vscode.Uri.file(relative) : vscode.Uri.joinPath(folder.uri, relative);
    try {
      const stat = await vscode.workspace.fs.stat(candidate);
      if (stat.type & vscode.FileType.File) return candidate;
    } catch {
      /* not there */
    }
  }
  return undefined;
}
