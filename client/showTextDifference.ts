// "Show the difference", the quick fix of a report whose article text no
// longer matches its fingerprint: the diff editor between the source article
// (the report's `source.file`) and the report's clean text, read-only.
import * as vscode from 'vscode';
import { Commands } from '../protocol';
import { cleanTextUri } from './cleanTextProvider';

/** The command takes the source's URI and the report's, as the server's code action passes them. */
export function registerShowTextDifference(): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.showTextDifference, async (source: unknown, report: unknown): Promise<void> => {
    if (typeof source !== 'string' || typeof report !== 'string') {
      void vscode.window.showInformationMessage('Show the difference is a quick fix of a report whose article text no longer matches its fingerprint.');
      return;
    }
    const reportUri = vscode.Uri.parse(report);
    const sourceUri = vscode.Uri.parse(source);
    const name = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);
    await vscode.commands.executeCommand('vscode.diff', sourceUri, cleanTextUri(reportUri), `${name(sourceUri)} ↔ ${name(reportUri)} (article text)`, { preview: true });
  });
}
