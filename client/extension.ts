// The Inspection Findings extension: starts the findings language server and
// adds what LSP does not cover: the built-in codebook as a read-only
// document, the tagging commands, "Open Codebook", "Restart Language Server"
// the span counts in the status bar and the summary panel.
import * as vscode from 'vscode';
import { CodebookRequest, DocumentCountsRequest, type CodebookParams, type CodebookSummary, type DocumentCountsParams, type DocumentCountsResult } from '../protocol/requests';
import { ExportCheckRequest, IndexChangedNotification, SummaryRequest, type ExportCheckResult, type FindingsScope, type IndexChangedParams, type SummaryResult } from '../protocol/requests';
import { BuiltinCodebookProvider } from './builtinCodebookProvider';
import { exportFindings, registerExportFindings, type ExportFindingsOptions, type ExportFindingsResult } from './commands/exportFindings';
import { registerOpenCodebook } from './commands/openCodebook';
import { registerRestartServer } from './commands/restartServer';
import { registerShowSummary } from './commands/showSummary';
import { registerTagCommands } from './commands/tagSelection';
import { FindingsServer } from './languageClient';
import { CountsStatusBar, type StatusBarState } from './statusBar';
import type { PanelFilters, PanelScope, RenderedFacts } from './summary/messages';
import { SummaryPanels, type SummaryPanelInfo } from './summary/summaryPanel';
import { registerSummarySerializer } from './summary/summarySerializer';

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
  /** `findings/summary`: counts, tallies and findings of a scope, from the server's index. */
  summary(scope: FindingsScope, token?: vscode.CancellationToken): Promise<SummaryResult>;
  /** `findings/exportCheck`: how many reports in a scope have errors. */
  exportCheck(scope: FindingsScope): Promise<ExportCheckResult>;
  /** "Export Findings…" with answers given in advance (what is missing is asked); the command `findings.exportFindings` takes the same options. */
  exportFindings(options?: ExportFindingsOptions): Promise<ExportFindingsResult>;
  /** `findings/indexChanged`: the server's index changed (debounced). */
  readonly onDidChangeIndex: vscode.Event<IndexChangedParams>;
  /** The summary panel; `inspect` and the `test*` calls go through the webview and read its DOM. */
  readonly summaryPanel: {
    readonly current: SummaryPanelInfo | undefined;
    readonly onDidChange: vscode.Event<SummaryPanelInfo | undefined>;
    show(options?: { scope?: PanelScope; uri?: vscode.Uri }): void;
    inspect(): Promise<RenderedFacts>;
    /** Clicks the n-th finding row. */
    testClick(index: number): Promise<void>;
    /** Sets the filter controls; resolves with what the panel then shows. */
    testFilter(filters: Partial<PanelFilters>): Promise<RenderedFacts>;
    /** Clicks a scope button. */
    testScope(scope: PanelScope): Promise<void>;
    /** Has the webview post `message` to the extension, as if it were its own. */
    testPost(message: unknown): Promise<void>;
    close(): void;
  };
}

let server: FindingsServer | undefined;

export function activate(context: vscode.ExtensionContext): FindingsApi {
  const output = vscode.window.createOutputChannel('Inspection Findings', { log: true });
  const findings = new FindingsServer(context, output);
  server = findings;
  const statusBar = new CountsStatusBar(findings);
  const summaryPanels = new SummaryPanels(context, findings, output);
  const indexChanged = new vscode.EventEmitter<IndexChangedParams>();
  context.subscriptions.push(
    output,
    findings,
    statusBar,
    BuiltinCodebookProvider.register(findings),
    registerTagCommands(findings),
    registerRestartServer(findings),
    registerOpenCodebook(),
    summaryPanels,
    registerShowSummary(summaryPanels),
    registerSummarySerializer(summaryPanels),
    indexChanged,
    findings.onNotification<IndexChangedParams>(IndexChangedNotification, (params) => indexChanged.fire(params)),
    registerExportFindings(findings, context.workspaceState),
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
    summary: (scope, token) => findings.request<SummaryResult>(SummaryRequest, { scope }, token),
    exportCheck: (scope) => findings.request<ExportCheckResult>(ExportCheckRequest, { scope }),
    exportFindings: (options) => exportFindings(findings, context.workspaceState, options),
    onDidChangeIndex: indexChanged.event,
    summaryPanel: summaryPanelApi(summaryPanels),
  };
}

function summaryPanelApi(panels: SummaryPanels): FindingsApi['summaryPanel'] {
  const panel = () => {
    const current = panels.current;
    if (!current) throw new Error('the summary panel is not open');
    return current;
  };
  return {
    get current() {
      return panels.current?.info;
    },
    onDidChange: panels.onDidChange,
    show: (options) => void panels.show(options),
    inspect: () => panel().inspect(),
    testClick: async (index) => void (await panel().ask((id) => ({ type: 'test:click', id, index }))),
    testFilter: async (filters) => {
      const facts = await panel().ask((id) => ({ type: 'test:filter', id, filters }));
      if (!facts) throw new Error('the webview sent no facts');
      return facts;
    },
    testScope: async (scope) => void (await panel().ask((id) => ({ type: 'test:scope', id, scope }))),
    testPost: async (message) => void (await panel().ask((id) => ({ type: 'test:post', id, message }))),
    close: () => panels.current?.dispose(),
  };
}

export async function deactivate(): Promise<void> {
  const running = server;
  server = undefined;
  await running?.stop();
}
