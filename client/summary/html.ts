// The summary panel's HTML: the extension's webview shell with the summary's
// script and stylesheet (which loads the codicon font from dist/webview/).
import type * as vscode from 'vscode';
import { webviewShellHtml } from '../webviewShell';

export { WEBVIEW_ROOT, webviewOptions, webviewRoot } from '../webviewShell';

export function summaryHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewShellHtml(webview, extensionUri, { script: 'summary.js', styles: ['summary.css'], title: 'Findings Summary', loading: 'Loading the summary…', fontsAndImages: true });
}
