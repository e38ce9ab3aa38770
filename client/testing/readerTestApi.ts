// Test builds only (FINDINGS_TEST_SEAMS): the coded reader part of the
// extension's test API. The probe calls go through the webview and act on or
// read its DOM; what the extension side holds is `info`.
import * as vscode from 'vscode';
import { PassagesRequest, READER_VIEW_TYPE, ReaderRequest, type PassagesResult, type ReaderResult } from '../../protocol';
import type { FindingsServer } from '../languageClient';
import { readerWebviewOptions } from '../reader/readerHtml';
import type { ReaderFacts, ReaderFilters, ReaderProbe } from '../reader/readerMessages';
import type { ReaderPanel, ReaderPanelInfo } from '../reader/readerPanel';
import type { ReaderPanels } from '../reader/readerPanels';
import { saveReaderHtml } from '../reader/saveReaderHtml';

export interface ReaderTestApi {
  /** `findings/reader`: what the reader is sent for a report. */
  model(uri: vscode.Uri): Promise<ReaderResult | null>;
  /** `findings/passages`: the report's passages as the server counts them. */
  passages(uri: vscode.Uri): Promise<PassagesResult | null>;
  /** What the reader of a report holds; undefined when none is open. */
  info(uri: vscode.Uri): ReaderPanelInfo | undefined;
  /** Fires when a reader's state changes (shown, drawn, a message rejected, a tag done, closed). */
  readonly onDidChange: vscode.Event<ReaderPanelInfo>;
  /** What the reader displays, read from its DOM. */
  inspect(uri: vscode.Uri): Promise<ReaderFacts>;
  /** Selects a clean-text range in the reader. */
  select(uri: vscode.Uri, start: number, end: number): Promise<ReaderFacts>;
  /** Clicks a code's button in the reader's toolbar. */
  pressCode(uri: vscode.Uri, code: string): Promise<ReaderFacts>;
  /** Presses a key in the reader (`{ key: 'w', ctrl: true, alt: true }`). */
  pressKey(uri: vscode.Uri, key: { key: string; ctrl?: boolean; alt?: boolean; shift?: boolean }): Promise<ReaderFacts>;
  /** Scrolls the reader as a user would, bringing a clean offset to its top. */
  scroll(uri: vscode.Uri, offset: number): Promise<ReaderFacts>;
  /** Sets the reader's filter chips. */
  filter(uri: vscode.Uri, filters: ReaderFilters): Promise<ReaderFacts>;
  /** Clicks a passage. */
  click(uri: vscode.Uri, passage: number): Promise<ReaderFacts>;
  /** Has the webview post `message` to the extension, as if it were its own. */
  post(uri: vscode.Uri, message: unknown): Promise<void>;
  /**
   * What VS Code does after a window reload: a new reader webview panel
   * handed to the registered serializer with the state its webview saved;
   * resolves with whether the panel was kept (not disposed).
   */
  restore(state: unknown): Promise<boolean>;
  /** "Save Coded Report as HTML…" to `target`, without the dialog. */
  saveHtml(uri: vscode.Uri, target: vscode.Uri): Promise<vscode.Uri | undefined>;
  close(uri: vscode.Uri): void;
}

export interface ReaderTestApiParts {
  readonly server: FindingsServer;
  readonly readerPanels: ReaderPanels;
}

export function createReaderTestApi({ server, readerPanels }: ReaderTestApiParts): ReaderTestApi {
  const { context } = readerPanels;
  const panel = (uri: vscode.Uri): ReaderPanel => {
    const found = readerPanels.get(uri);
    if (!found?.probe) throw new Error(`no coded reader is open for ${uri.toString()}`);
    return found;
  };
  const ask = async (uri: vscode.Uri, build: (id: number) => ReaderProbe): Promise<ReaderFacts> => {
    const facts = await panel(uri).probe!.ask(build);
    if (!facts) throw new Error('the coded reader sent no facts');
    return facts;
  };
  return {
    model: (uri) => server.request(ReaderRequest, { uri: uri.toString() }),
    passages: (uri) => server.request(PassagesRequest, { uri: uri.toString() }),
    info: (uri) => readerPanels.get(uri)?.info,
    onDidChange: readerPanels.onDidChange,
    inspect: (uri) => ask(uri, (id) => ({ type: 'test:inspect', id })),
    select: (uri, start, end) => ask(uri, (id) => ({ type: 'test:select', id, start, end })),
    pressCode: (uri, code) => ask(uri, (id) => ({ type: 'test:tagButton', id, code })),
    pressKey: (uri, { key, ctrl = false, alt = false, shift = false }) => ask(uri, (id) => ({ type: 'test:key', id, key, ctrl, alt, shift })),
    scroll: (uri, offset) => ask(uri, (id) => ({ type: 'test:scroll', id, offset })),
    filter: (uri, { codes, themes }) => ask(uri, (id) => ({ type: 'test:filter', id, codes, themes })),
    click: (uri, passage) => ask(uri, (id) => ({ type: 'test:click', id, passage })),
    post: async (uri, message) => void (await panel(uri).probe!.ask((id) => ({ type: 'test:post', id, message }))),
    restore: async (state) => {
      const webviewPanel = vscode.window.createWebviewPanel(READER_VIEW_TYPE, 'Reader', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, readerWebviewOptions(context.extensionUri));
      let disposed = false;
      const subscription = webviewPanel.onDidDispose(() => (disposed = true));
      await readerPanels.serializer.deserializeWebviewPanel(webviewPanel, state);
      subscription.dispose();
      return !disposed;
    },
    saveHtml: (uri, target) => saveReaderHtml({ server, extension: context.extension }, uri, target),
    close: (uri) => readerPanels.get(uri)?.dispose(),
  };
}
