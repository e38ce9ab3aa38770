// Test builds only (FINDINGS_TEST_SEAMS): what `activate` returns to the
// VS Code suite (`vscode.extensions.getExtension(...).exports`). An
// installed extension returns nothing; its bundle has none of this
// (test/client/productionBundles.test.ts and test/vscode/checkVsix.js check).
import * as vscode from 'vscode';
import { CodebookRequest, DocumentCountsRequest, ExportCheckRequest, FindingsPageRequest, IndexChangedNotification, SummaryRequest, type CodebookSummary, type DocumentCountsResult, type ExportCheckResult, type FindingsPageParams, type FindingsPageResult, type FindingsScope, type IndexChangedParams, type SummaryResult } from '../../protocol';
import { exportFindings, type ExportFindingsOptions, type ExportFindingsResult } from '../commands/exportFindings';
import { MODAL_PROMPTS, type ExportPrompts } from '../export/exportPrompts';
import type { FindingsServer } from '../languageClient';
import type { CountsStatusBar, StatusBarState } from '../statusBar';
import type { FindingsSort, ListKey, PanelFilters, PanelScope, RenderedFacts } from '../summary/messages';
import type { SummaryPanel, SummaryPanelInfo, SummaryPanels } from '../summary/summaryPanel';
import type { PanelProbe } from './panelProbe';
import type { CodeDecorations } from '../decorations/codeDecorations';
import type { MemosView } from '../memos/memosView';
import type { ReaderPanels } from '../reader/readerPanels';
import type { ComparePanels } from '../compare/comparePanels';
import type { CopiesStatusBar } from '../copiesStatusBar';
import { createCompareTestApi, type CompareTestApi } from './compareTestApi';
import { createDecorationsTestApi, type DecorationsTestApi } from './decorationsTestApi';
import { createMemosTestApi, type MemosTestApi } from './memosTestApi';
import { createReaderTestApi, type ReaderTestApi } from './readerTestApi';
import { answerNextPanelExport, type PanelExportAnswers, type PanelExportOutcome } from './panelExportAnswers';

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
  /** `findings/summary`: counts and tallies of a scope, from the server's index. */
  summary(scope: FindingsScope, token?: vscode.CancellationToken): Promise<SummaryResult>;
  /** `findings/findingsPage`: a page of a scope's findings, filtered and ordered, with the counts. */
  findingsPage(params: FindingsPageParams, token?: vscode.CancellationToken): Promise<FindingsPageResult>;
  /** `findings/exportCheck`: how many reports in a scope have errors. */
  exportCheck(scope: FindingsScope): Promise<ExportCheckResult>;
  /**
   * "Export Findings…" with answers given in advance (what is missing is
   * asked); the command `findings.exportFindings` takes the same options but
   * for the answers to the modals, which only the tests give.
   */
  exportFindings(options?: ExportFindingsOptions & ModalAnswers): Promise<ExportFindingsResult>;
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
    /** Sets the filter controls (and the order); resolves with what the panel then shows, once the list has its rows. */
    testFilter(filters: Partial<PanelFilters>, sort?: FindingsSort): Promise<RenderedFacts>;
    /** Scrolls the findings list so that the finding at `index` is at its top; resolves with what the panel then shows. */
    testScroll(index: number): Promise<RenderedFacts>;
    /** Presses a key on the list's row at `index` (focused first), else on the focused row; resolves with what the panel then shows. */
    testKey(key: ListKey, index?: number): Promise<RenderedFacts>;
    /** Clicks a scope button. */
    testScope(scope: PanelScope): Promise<void>;
    /** Has the webview post `message` to the extension, as if it were its own. */
    testPost(message: unknown): Promise<void>;
    /** Clicks "Export findings…" with the questions answered in advance; resolves once the export is done (or refused). */
    testExport(answers: PanelExportAnswers): Promise<PanelExportOutcome>;
    close(): void;
  };
  /** The coded reader (readerTestApi.ts). */
  readonly reader: ReaderTestApi;
  /** The editor's code tints and dimmed markup (decorationsTestApi.ts). */
  readonly decorations: DecorationsTestApi;
  /** Memos: the command and the Memos view (memosTestApi.ts). */
  readonly memos: MemosTestApi;
  /** "Compare Annotations" and the status bar item of other copies (compareTestApi.ts). */
  readonly compare: CompareTestApi;
}

/** Answers to the export's modals in their place (a test cannot click a modal); a modal not answered is shown. */
export interface ModalAnswers {
  readonly confirmUnsaved?: ExportPrompts['aboutUnsaved'];
  readonly confirmErrors?: ExportPrompts['aboutErrors'];
}

export interface TestApiParts {
  readonly context: vscode.ExtensionContext;
  readonly server: FindingsServer;
  readonly statusBar: CountsStatusBar;
  readonly summaryPanels: SummaryPanels;
  readonly readerPanels: ReaderPanels;
  readonly codeDecorations: CodeDecorations;
  readonly memosView: MemosView;
  readonly comparePanels: ComparePanels;
  readonly copiesStatusBar: CopiesStatusBar;
}

export function createTestApi({ context, server, statusBar, summaryPanels, readerPanels, codeDecorations, memosView, comparePanels, copiesStatusBar }: TestApiParts): FindingsApi {
  const indexChanged = new vscode.EventEmitter<IndexChangedParams>();
  context.subscriptions.push(indexChanged, server.onNotification(IndexChangedNotification, (params) => indexChanged.fire(params)));
  return {
    ready: async () => {
      await server.ready();
    },
    documentCounts: (uri) => server.request(DocumentCountsRequest, { uri: uri.toString() }),
    codebook: (uri) => server.request(CodebookRequest, uri ? { uri: uri.toString() } : {}),
    statusBar: {
      get state() {
        return statusBar.state;
      },
      refresh: () => statusBar.refresh(),
      onDidUpdate: statusBar.onDidUpdate,
    },
    summary: (scope, token) => server.request(SummaryRequest, { scope }, token),
    findingsPage: (params, token) => server.request(FindingsPageRequest, params, token),
    exportCheck: (scope) => server.request(ExportCheckRequest, { scope }),
    exportFindings: ({ confirmUnsaved, confirmErrors, ...options } = {}) => exportFindings(server, context.workspaceState, options, {
      aboutUnsaved: confirmUnsaved ?? MODAL_PROMPTS.aboutUnsaved,
      aboutErrors: confirmErrors ?? MODAL_PROMPTS.aboutErrors,
    }),
    onDidChangeIndex: indexChanged.event,
    summaryPanel: summaryPanelApi(summaryPanels),
    reader: createReaderTestApi({ server, readerPanels }),
    decorations: createDecorationsTestApi({ server, codeDecorations }),
    memos: createMemosTestApi({ server, memosView }),
    compare: createCompareTestApi({ server, comparePanels, copiesStatusBar }),
  };
}

function summaryPanelApi(panels: SummaryPanels): FindingsApi['summaryPanel'] {
  const probe = () => {
    const current: SummaryPanel | undefined = panels.current;
    if (!current?.probe) throw new Error('the summary panel is not open');
    return current.probe;
  };
  const facts = async (build: Parameters<PanelProbe['ask']>[0]): Promise<RenderedFacts> => {
    const answer = await probe().ask(build);
    if (!answer) throw new Error('the webview sent no facts');
    return answer;
  };
  return {
    get current() {
      return panels.current?.info;
    },
    onDidChange: panels.onDidChange,
    show: (options) => void panels.show(options),
    inspect: () => probe().inspect(),
    testClick: async (index) => void (await probe().ask((id) => ({ type: 'test:click', id, index }))),
    testFilter: (filters, sort) => facts((id) => ({ type: 'test:filter', id, filters, ...(sort ? { sort } : {}) })),
    testScroll: (index) => facts((id) => ({ type: 'test:scroll', id, index })),
    testKey: (key, index) => facts((id) => ({ type: 'test:key', id, key, ...(index === undefined ? {} : { index }) })),
    testScope: async (scope) => void (await probe().ask((id) => ({ type: 'test:scope', id, scope }))),
    testPost: async (message) => void (await probe().ask((id) => ({ type: 'test:post', id, message }))),
    testExport: async (answers) => {
      const outcome = answerNextPanelExport(answers);
      await probe().ask((id) => ({ type: 'test:export', id }));
      return outcome;
    },
    close: () => panels.current?.dispose(),
  };
}
