// The summary webview's HTML: a fixed shell. No report content ever goes
// into it; the data arrives by postMessage and is rendered with DOM APIs.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

/** Where the webview bundle, its stylesheet and the codicon font are built (esbuild.js). */
export const WEBVIEW_ROOT = ['dist', 'webview'];

export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, ...WEBVIEW_ROOT);
}

/** Scripts on, and nothing readable but the webview's own build output. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [webviewRoot(extensionUri)] };
}

export function summaryHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const root = webviewRoot(extensionUri);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'summary.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(root, 'summary.css'));
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
<title>Findings Summary</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="notice">Loading the summary…</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
