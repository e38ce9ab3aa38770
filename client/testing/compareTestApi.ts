// Test builds only (FINDINGS_TEST_SEAMS): the "Compare Annotations" part of
// the extension's test API, and the status bar item of an article's other
// copies. The probe calls go through the webview and act on or read its DOM;
// what the extension side holds is `info`.
import * as vscode from 'vscode';
import { COMPARE_VIEW_TYPE, CompareRequest, Commands, type CompareResult } from '../../protocol';
import { compareWebviewOptions } from '../compare/compareHtml';
import type { CompareFacts, CompareProbe } from '../compare/compareMessages';
import type { ComparePanel, ComparePanelInfo } from '../compare/comparePanel';
import type { ComparePanels } from '../compare/comparePanels';
import type { CopiesState, CopiesStatusBar } from '../copiesStatusBar';
import type { FindingsServer } from '../languageClient';

export interface CompareTestApi {
  /** `findings/compare`: what the comparison is sent for a report. */
  result(uri: vscode.Uri): Promise<CompareResult | null>;
  /** Runs "Compare Annotations" for a report (default: the active editor's). */
  open(uri?: vscode.Uri): Promise<void>;
  /** What the comparison holds; undefined when none is open. */
  readonly info: ComparePanelInfo | undefined;
  /** Fires when the comparison's state changes (drawn, a message rejected, a copy opened; undefined: closed). */
  readonly onDidChange: vscode.Event<ComparePanelInfo | undefined>;
  /** What the comparison displays, read from its DOM. */
  inspect(): Promise<CompareFacts>;
  /** Presses a copy's toggle, showing or hiding its column. */
  toggle(annotator: string): Promise<CompareFacts>;
  /** Clicks a passage of a copy (positions in the result's copies and their passages). */
  click(copy: number, passage: number): Promise<CompareFacts>;
  /** Focuses a passage of a copy and presses a key on it ('Enter'). */
  press(copy: number, passage: number, key: string): Promise<CompareFacts>;
  /** Scrolls a copy's column as a user would, bringing a clean offset to its top; resolves once the other columns followed. */
  scroll(copy: number, offset: number): Promise<CompareFacts>;
  /** Has the webview post `message` to the extension, as if it were its own. */
  post(message: unknown): Promise<void>;
  /** What VS Code does after a reload: a new panel handed to the serializer with a saved state; resolves with whether it was kept. */
  restore(state: unknown): Promise<boolean>;
  close(): void;
  /** The status bar item of a report with other annotators' copies. */
  readonly copies: {
    readonly state: CopiesState;
    refresh(): Promise<CopiesState>;
    readonly onDidUpdate: vscode.Event<CopiesState>;
  };
}

export interface CompareTestApiParts {
  readonly server: FindingsServer;
  readonly comparePanels: ComparePanels;
  readonly copiesStatusBar: CopiesStatusBar;
}

export function createCompareTestApi({ server, comparePanels, copiesStatusBar }: CompareTestApiParts): CompareTestApi {
  const panel = (): ComparePanel => {
    const found = comparePanels.current;
    if (!found?.probe) throw new Error('no comparison is open');
    return found;
  };
  const ask = async (build: (id: number) => CompareProbe): Promise<CompareFacts> => {
    const facts = await panel().probe!.ask(build);
    if (!facts) throw new Error('the comparison sent no facts');
    return facts;
  };
  return {
    result: (uri) => server.request(CompareRequest, { uri: uri.toString() }),
    open: async (uri) => {
      await vscode.commands.executeCommand(Commands.compareAnnotations, uri);
    },
    get info() {
      return comparePanels.current?.info;
    },
    onDidChange: comparePanels.onDidChange,
    inspect: () => ask((id) => ({ type: 'test:inspect', id })),
    toggle: (annotator) => ask((id) => ({ type: 'test:toggle', id, annotator })),
    click: (copy, passage) => ask((id) => ({ type: 'test:click', id, copy, passage })),
    press: (copy, passage, key) => ask((id) => ({ type: 'test:key', id, copy, passage, key })),
    scroll: (copy, offset) => ask((id) => ({ type: 'test:scroll', id, copy, offset })),
    post: async (message) => void (await panel().probe!.ask((id) => ({ type: 'test:post', id, message }))),
    restore: async (state) => {
      const webviewPanel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, 'Compare', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, compareWebviewOptions(comparePanels.context.extensionUri));
      let disposed = false;
      const subscription = webviewPanel.onDidDispose(() => (disposed = true));
      await comparePanels.serializer.deserializeWebviewPanel(webviewPanel, state);
      subscription.dispose();
      return !disposed;
    },
    close: () => comparePanels.current?.dispose(),
    copies: {
      get state() {
        return copiesStatusBar.state;
      },
      refresh: () => copiesStatusBar.refresh(),
      onDidUpdate: copiesStatusBar.onDidUpdate,
    },
  };
}
