// The comparison's HTML: a fixed shell. No report content ever goes into it;
// the copies arrive by postMessage and the webview draws them with DOM APIs.
// It loads the coded reader's stylesheet (the copies are drawn in the
// reader's style) and its own, and nothing else: no fonts, no images.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { READER_STYLE } from '../reader/readerHtml';
import { webviewRoot } from '../summary/html';

export { webviewOptions as compareWebviewOptions } from '../summary/html';

/** The comparison's script and stylesheet in dist/webview/ (esbuild.js). */
export const COMPARE_SCRIPT = 'compare.js';
export const COMPARE_STYLE = 'compare.css';

export function compareHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const root = webviewRoot(extensionUri);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(root, COMPARE_SCRIPT));
  const styles = [READER_STYLE, COMPARE_STYLE].map((name) => webview.asWebviewUri(vscode.Uri.joinPath(root, name)));
  const nonce = randomBytes(18).toString('base64');
  const csp = ["default-src 'none'", `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles.map((style) => `<link rel="stylesheet" href="${style.toString()}">`).join('\n')}
<title>Compare Annotations</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="notice">Loading the copies…</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
