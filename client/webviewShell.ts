// The shell of every webview of the extension (the summary panel, the coded
// reader, the comparison): fixed HTML whose only content is the page's own
// script and stylesheets from dist/webview/, under a strict Content Security
// Policy with a fresh nonce. No report content ever goes into it: the data
// arrives by postMessage and each webview draws it with DOM APIs.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

/** Where the webviews' scripts, stylesheets and the codicon font are built (esbuild.js). */
export const WEBVIEW_ROOT = ['dist', 'webview'];

export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, ...WEBVIEW_ROOT);
}

/** Scripts on, and nothing readable but the webviews' own build output. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [webviewRoot(extensionUri)] };
}

export interface ShellPage {
  /** The script's file name in dist/webview/. */
  readonly script: string;
  /** Stylesheets' file names in dist/webview/, in order. */
  readonly styles: readonly string[];
  readonly title: string;
  /** What shows until the script has drawn the page. */
  readonly loading: string;
  /** Whether the stylesheets load a font (the codicons) or images from dist/webview/. */
  readonly fontsAndImages?: boolean;
}

export function webviewShellHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: ShellPage): string {
  const root = webviewRoot(extensionUri);
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(root, name)).toString();
  const nonce = randomBytes(18).toString('base64');
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    ...(page.fontsAndImages ? [`font-src ${webview.cspSource}`, `img-src ${webview.cspSource} data:`] : []),
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${page.styles.map((style) => `<link rel="stylesheet" href="${asset(style)}">`).join('\n')}
<title>${escapeHtml(page.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="notice">${escapeHtml(page.loading)}</p></main>
<script nonce="${nonce}" src="${asset(page.script)}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
