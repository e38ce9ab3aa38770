// The coded reader's HTML: a fixed shell. No report content ever goes into
// it; the model arrives by postMessage and the webview draws it with DOM APIs.
// The webview reads nothing but its own build output (summary/html.ts's
// webviewOptions: dist/webview/ is the only local resource root).
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { webviewRoot } from '../summary/html';

export { webviewOptions as readerWebviewOptions } from '../summary/html';

/** The reader's script and stylesheet in dist/webview/ (esbuild.js). */
export const READER_SCRIPT = 'reader.js';
export const READER_STYLE = 'reader.css';

export function readerHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const root = webviewRoot(extensionUri);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(root, READER_SCRIPT));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(root, READER_STYLE));
  const nonce = randomBytes(18).toString('base64');
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Coded Reader</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="notice">Loading the report…</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
