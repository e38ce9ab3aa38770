// A report's clean text (the article without its span markup), shown
// read-only under the `findings-clean-text:` scheme, the report's URI in the
// query. The text comes from the server, so the client never parses; an open
// view follows the report's edits.
import * as vscode from 'vscode';
import { CLEAN_TEXT_SCHEME, CleanTextRequest } from '../protocol';
import type { FindingsServer } from './languageClient';

/** The read-only view of a report's clean text. */
export function cleanTextUri(report: vscode.Uri): vscode.Uri {
  const name = report.path.slice(report.path.lastIndexOf('/') + 1);
  return vscode.Uri.from({ scheme: CLEAN_TEXT_SCHEME, path: `/${name}`, query: report.toString() });
}

export class CleanTextProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChange = this.changed.event;

  constructor(private readonly server: FindingsServer) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => this.reportChanged(event.document.uri)),
      vscode.workspace.onDidSaveTextDocument((document) => this.reportChanged(document.uri)),
    ];
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const result = await this.server.request(CleanTextRequest, { uri: uri.query }, token);
    if (result === null) throw new Error(`${uri.query} is not a report.`);
    return result.text;
  }

  /** Views of an edited report ask again (the server has the edit first: the client sends it before the request). */
  private reportChanged(report: vscode.Uri): void {
    const key = report.toString();
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme === CLEAN_TEXT_SCHEME && document.uri.query === key) this.changed.fire(document.uri);
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }

  static register(server: FindingsServer): vscode.Disposable {
    const provider = new CleanTextProvider(server);
    return vscode.Disposable.from(provider, vscode.workspace.registerTextDocumentContentProvider(CLEAN_TEXT_SCHEME, provider));
  }
}
