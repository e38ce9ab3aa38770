// "Save Coded Report as HTML…": one self-contained HTML file of a report as
// the coded reader shows it (highlights, stripes, header, legend, memos), to
// send to someone without the extension. The document is the core's
// (core/reader/standaloneHtml.ts); its layout script and stylesheet are
// built into dist/webview/ (esbuild.js) and read from there.
import * as path from 'path';
import * as vscode from 'vscode';
import { standaloneHtml } from '../../core/reader/standaloneHtml';
import { Commands, ReaderRequest } from '../../protocol';
import type { FindingsServer } from '../languageClient';
import { isReport } from '../settings';
import { webviewRoot } from '../webviewShell';

const STANDALONE_SCRIPT = 'reader-standalone.js';
const STANDALONE_STYLE = 'reader-standalone.css';

export interface SaveReaderHtmlDependencies {
  readonly server: FindingsServer;
  readonly extension: vscode.Extension<unknown>;
  /** The report of the reader in front, when one is (the palette's command from a reader). */
  readonly activeReader: () => string | undefined;
}

export function registerSaveReaderHtml(deps: SaveReaderHtmlDependencies): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.saveReaderHtml, async (arg?: unknown) => {
    const uri = reportArgument(arg) ?? activeReport(deps);
    if (!uri) {
      void vscode.window.showInformationMessage('Open an inspection report (a *.report.md file), or its coded reader, to save it as HTML.');
      return;
    }
    await saveReaderHtml(deps, uri);
  });
}

/**
 * Saves the report's coded HTML to `target`, or where the save dialog says
 * (beside the report by default); resolves with the file written, or
 * undefined when nothing was.
 */
export async function saveReaderHtml(deps: Pick<SaveReaderHtmlDependencies, 'server' | 'extension'>, uri: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const name = path.posix.basename(uri.path);
  try {
    const model = await deps.server.request(ReaderRequest, { uri: uri.toString() });
    if (!model) {
      void vscode.window.showWarningMessage(`${name} is not an inspection report the language server knows.`);
      return undefined;
    }
    const destination = target ?? (await vscode.window.showSaveDialog({
      defaultUri: defaultTarget(uri),
      filters: { HTML: ['html', 'htm'] },
      saveLabel: 'Save as HTML',
      title: `Save ${name} as HTML`,
    }));
    if (!destination) return undefined;
    const root = webviewRoot(deps.extension.extensionUri);
    const [script, style] = await Promise.all([STANDALONE_SCRIPT, STANDALONE_STYLE].map(async (file) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, file)))));
    const version = String((deps.extension.packageJSON as { version?: unknown }).version ?? '');
    const html = standaloneHtml(model, { script, style, generatedBy: `Inspection Findings ${version}`.trim(), generatedOn: today() });
    await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(html));
    vscode.window.setStatusBarMessage(`$(check) Saved ${path.posix.basename(destination.path)}`, 8000);
    return destination;
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not save ${name} as HTML: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** `<report>.html` beside the report (`darlington.report.md` → `darlington.report.html`); in the workspace folder for an untitled one. */
export function defaultTarget(uri: vscode.Uri): vscode.Uri | undefined {
  const name = path.posix.basename(uri.path).replace(/\.md$/i, '');
  if (uri.scheme !== 'untitled') return vscode.Uri.joinPath(uri, '..', `${name}.html`);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, `${name}.html`) : undefined;
}

function reportArgument(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  return typeof arg === 'string' && arg !== '' ? vscode.Uri.parse(arg) : undefined;
}

function activeReport(deps: SaveReaderHtmlDependencies): vscode.Uri | undefined {
  const reader = deps.activeReader();
  if (reader) return vscode.Uri.parse(reader);
  const document = vscode.window.activeTextEditor?.document;
  return isReport(document) ? document.uri : undefined;
}

/** The local date, `YYYY-MM-DD`. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
