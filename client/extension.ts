// The Inspection Findings extension: starts the findings language server and
// adds what LSP does not cover: the built-in codebook as a read-only
// document, the tagging commands, "Open Codebook", "Restart Language Server"
// and the span counts in the status bar.
import * as vscode from 'vscode';
import { CodebookRequest, DocumentCountsRequest, type CodebookParams, type CodebookSummary, type DocumentCountsParams, type DocumentCountsResult } from '../protocol/requests';
import { BuiltinCodebookProvider } from './builtinCodebookProvider';
import { registerOpenCodebook } from './commands/openCodebook';
import { registerRestartServer } from './commands/restartServer';
import { registerTagCommands } from './commands/tagSelection';
import { FindingsServer } from './languageClient';
import { CountsStatusBar, type StatusBarState } from './statusBar';

/** What `activate` returns (`vscode.extensions.getExtension(...).exports`): used by the tests. */
export interface FindingsApi {
  /** Resolves once the language server runs. */
  ready(): Promise<void>;
  /** `findings/documentCounts` for a report. */
  documentCounts(uri: vscode.Uri): Promise<DocumentCountsResult | null>;
  /** `findings/codebook`: the codebook in force for a file (default: the first workspace folder). */
  codebook(uri?: vscode.Uri): Promise<CodebookSummary>;
  readonly statusBar: {
    readonly state: StatusBarState;
    refresh(): Promise<StatusBarState>;
    readonly onDidUpdate: vscode.Event<StatusBarState>;
  };
}

let server: FindingsServer | undefined;

export function activate(context: vscode.ExtensionContext): FindingsApi {
  const output = vscode.window.createOutputChannel('Inspection Findings', { log: true });
  const findings = new FindingsServer(context, output);
  server = findings;
  const statusBar = new CountsStatusBar(findings);
  context.subscriptions.push(
    output,
    findings,
    statusBar,
    BuiltinCodebookProvider.register(findings),
    registerTagCommands(findings),
    registerRestartServer(findings),
    registerOpenCodebook(),
    vscode.commands.registerCommand('findings.showOutput', () => output.show(true)),
  );
  // Failures are reported by the language client (output channel, notification).
  findings.start().catch(() => undefined);

  return {
    ready: async () => {
      await findings.ready();
    },
    documentCounts: (uri) => findings.request<DocumentCountsResult | null>(DocumentCountsRequest, { uri: uri.toString() } satisfies DocumentCountsParams),
    codebook: (uri) => findings.request<CodebookSummary>(CodebookRequest, (uri ? { uri: uri.toString() } : {}) satisfies CodebookParams),
    statusBar: {
      get state() {
        return statusBar.state;
      },
      refresh: () => statusBar.refresh(),
      onDidUpdate: statusBar.onDidUpdate,
    },
  };
}

export async function deactivate(): Promise<void> {
  const running = server;
  server = undefined;
  await running?.stop();
}
