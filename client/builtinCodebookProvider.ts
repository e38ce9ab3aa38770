// The built-in SEND codebook, shown read-only under the `findings-codebook:`
// scheme (go to definition on a code or theme lands there, and "Open
// Codebook" opens it when the workspace has no codebook.yaml). The text comes
// from the server, so the client never bundles the codebook itself.
import * as vscode from 'vscode';
import { BUILTIN_CODEBOOK_SCHEME, CodebookTextRequest } from '../protocol';
import type { FindingsServer } from './languageClient';

/** The URI the server uses for the built-in codebook in definitions. */
export const BUILTIN_CODEBOOK_URI = vscode.Uri.from({ scheme: BUILTIN_CODEBOOK_SCHEME, path: '/send.codebook.yaml' });

export class BuiltinCodebookProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChange = this.changed.event;

  constructor(private readonly server: FindingsServer) {
    // A restarted server may serve another version of the codebook (after an update).
    this.subscription = server.onDidStart(() => {
      for (const document of vscode.workspace.textDocuments) {
        if (document.uri.scheme === BUILTIN_CODEBOOK_SCHEME) this.changed.fire(document.uri);
      }
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const result = await this.server.request(CodebookTextRequest, { path: uri.toString() }, token);
    return result.text;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  static register(server: FindingsServer): vscode.Disposable {
    const provider = new BuiltinCodebookProvider(server);
    return vscode.Disposable.from(provider, vscode.workspace.registerTextDocumentContentProvider(BUILTIN_CODEBOOK_SCHEME, provider));
  }
}
