// The coded reader's HTML: the extension's webview shell with the reader's
// script and stylesheet; the model arrives by postMessage.
import type * as vscode from 'vscode';
import { webviewShellHtml } from '../webviewShell';

export { webviewOptions as readerWebviewOptions } from '../webviewShell';

/** The reader's script and stylesheet in dist/webview/ (esbuild.js). */
export const READER_SCRIPT = 'reader.js';
export const READER_STYLE = 'reader.css';

export function readerHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewShellHtml(webview, extensionUri, { script: READER_SCRIPT, styles: [READER_STYLE], title: 'Coded Reader', loading: 'Loading the report…' });
}
