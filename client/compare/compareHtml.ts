// The comparison's HTML: the extension's webview shell with the coded
// reader's stylesheet (the copies are drawn in the reader's style), its own
// stylesheet and its script; the copies arrive by postMessage.
import type * as vscode from 'vscode';
import { READER_STYLE } from '../reader/readerHtml';
import { webviewShellHtml } from '../webviewShell';

export { webviewOptions as compareWebviewOptions } from '../webviewShell';

/** The comparison's script and stylesheet in dist/webview/ (esbuild.js). */
export const COMPARE_SCRIPT = 'compare.js';
export const COMPARE_STYLE = 'compare.css';

export function compareHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewShellHtml(webview, extensionUri, { script: COMPARE_SCRIPT, styles: [READER_STYLE, COMPARE_STYLE], title: 'Compare Annotations', loading: 'Loading the copies…' });
}
