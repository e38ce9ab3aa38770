// "Findings: Restart Language Server".
import * as vscode from 'vscode';
import { Commands } from '../../protocol';
import type { FindingsServer } from '../languageClient';

export function registerRestartServer(server: FindingsServer): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.restartServer, async (): Promise<boolean> => {
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Restarting the findings language server' },
        () => server.restart(),
      );
      return true;
    } catch {
      // The failure is in the output channel, and the library has said so.
      return false;
    }
  });
}
