// The "Compare Annotations" webview: `findings/compare` for a report, drawn
// as the annotators' copies side by side under the article's figures. It
// asks again when the server says its index changed (a copy edited, added or
// removed) and when the server restarts, and follows the report when it is
// renamed or moved; the client parses nothing.
//
// The webview is untrusted: every message from it is checked against the
// comparison it was last sent (compareMessages.ts) before anything is done.
import * as path from 'path';
import * as vscode from 'vscode';
import { CompareRequest, IndexChangedNotification, type CompareResult } from '../../protocol';
import { fileExists, movedUri } from '../fileMoves';
import type { FindingsServer } from '../languageClient';
import { showInSource } from '../reader/sourceEditor';
import { PanelRefresh } from '../panelRefresh';
import { WebviewProbe } from '../testing/webviewProbe';
import { compareHtml, compareWebviewOptions } from './compareHtml';
import { parseFromCompare, type CompareBounds, type CompareFacts, type CompareProbe, type CompareState, type FromCompare, type ToCompare } from './compareMessages';

/** The pause after the server's notice of a change before asking again. */
const UPDATE_DELAY_MS = 100;
const KEEP_REJECTED = 20;

/** What the panel holds, for the extension's API (tests). */
export interface ComparePanelInfo {
  readonly uri: string;
  readonly title: string;
  readonly visible: boolean;
  /** The comparison last sent to the webview; null before one (or with a notice). */
  readonly posted: { readonly seq: number; readonly annotators: readonly string[]; readonly passages: readonly number[] } | null;
  readonly notice: string | null;
  /** What the webview last said it drew: `seq === posted.seq` once it shows the last comparison. */
  readonly rendered: { readonly seq: number; readonly columns: number; readonly passages: number } | null;
  /** The annotators whose columns the webview shows. */
  readonly shown: readonly string[];
  /** The copy and passage last opened from the webview. */
  readonly opened: { readonly uri: string; readonly line: number } | null;
  /** Why messages from the webview were rejected (the latest last). */
  readonly rejected: readonly string[];
}

export interface ComparePanelDependencies {
  readonly extensionUri: vscode.Uri;
  readonly server: FindingsServer;
  readonly output: vscode.LogOutputChannel;
  readonly changed: (panel: ComparePanel) => void;
  readonly disposed: (panel: ComparePanel) => void;
}

export class ComparePanel implements vscode.Disposable {
  private uriValue: string;
  private shown: readonly string[];
  private ready = false;
  private result: CompareResult | null = null;
  private last: Extract<ToCompare, { type: 'model' | 'notice' }> | null = null;
  private seq = 0;
  private rendered: ComparePanelInfo['rendered'] = null;
  private opened: ComparePanelInfo['opened'] = null;
  private readonly rejected: string[] = [];
  private readonly refresher = new PanelRefresh(() => this.refresh(), () => this.ready && this.panel.visible);
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  /** Test builds only: reads the webview's DOM and drives it. */
  readonly probe: WebviewProbe<CompareProbe, CompareFacts> | undefined;

  constructor(readonly panel: vscode.WebviewPanel, private readonly deps: ComparePanelDependencies, state: CompareState) {
    this.probe = FINDINGS_TEST_SEAMS ? new WebviewProbe<CompareProbe, CompareFacts>(panel.webview, 'the comparison') : undefined;
    this.uriValue = state.uri;
    this.shown = state.shown;
    panel.webview.options = compareWebviewOptions(deps.extensionUri);
    this.updateTitle();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidChangeViewState(() => {
        // Without retainContextWhenHidden a hidden webview is discarded; it says `ready` again when shown.
        if (!panel.visible) this.ready = false;
        this.deps.changed(this);
      }),
      panel.onDidDispose(() => this.dispose()),
      // Any report may have become (or stopped being) a copy of the article: ask again, the answer is cheap.
      deps.server.onNotification(IndexChangedNotification, () => this.schedule(UPDATE_DELAY_MS)),
      deps.server.onDidStart(() => this.schedule(0)),
      vscode.workspace.onDidRenameFiles((event) => {
        for (const file of event.files) {
          const moved = movedUri(this.uriValue, file.oldUri, file.newUri);
          if (moved) this.show(moved);
        }
      }),
    );
    panel.webview.html = compareHtml(panel.webview, deps.extensionUri);
  }

  get uri(): string {
    return this.uriValue;
  }

  get info(): ComparePanelInfo {
    const model = this.last?.type === 'model' ? this.last : null;
    return {
      uri: this.uriValue,
      title: this.title(),
      visible: !this.disposed && this.panel.visible,
      posted: model ? { seq: model.seq, annotators: model.result.copies.map((copy) => copy.annotator), passages: model.result.copies.map((copy) => copy.passages.length) } : null,
      notice: this.last?.type === 'notice' ? this.last.text : null,
      rendered: this.rendered,
      shown: [...this.shown],
      opened: this.opened,
      rejected: [...this.rejected],
    };
  }

  /** Compares the copies of another report's article (or shows this one again), bringing the panel into view. */
  show(uri: string): void {
    if (uri !== this.uriValue) {
      this.uriValue = uri;
      this.shown = [];
      this.updateTitle();
      this.schedule(0);
    }
    this.panel.reveal(undefined, false);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.refresher.dispose();
    for (const disposable of this.disposables) disposable.dispose();
    this.panel.dispose();
    this.deps.disposed(this);
  }

  // ------------------------------------------------------------ the comparison

  private schedule(delayMs: number): void {
    this.refresher.schedule(delayMs);
  }

  private async refresh(forced = false): Promise<void> {
    const turn = this.refresher.begin(forced);
    if (!turn) return;
    const uri = this.uriValue;
    let result: CompareResult | null;
    try {
      result = await this.deps.server.request(CompareRequest, { uri }, turn.token);
    } catch (error) {
      if (!this.refresher.isLatest(turn)) return;
      const gone = !(await fileExists(uri));
      if (!this.refresher.isLatest(turn)) return;
      this.refresher.stale = false;
      this.notice(gone ? `${this.fileName()} is no longer there: it was deleted, or moved outside the editor.` : `The findings language server could not compare the copies of ${this.fileName()}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (!this.refresher.isLatest(turn)) return;
    this.refresher.stale = false;
    if (!result) {
      this.notice(`${this.fileName()} has no other annotator's copy to compare with: no other report of its workspace folder has the same article text (reference reports aside).`);
      return;
    }
    // The index's notice of an edit elsewhere changes nothing here: nothing new to draw.
    if (!turn.force && this.last?.type === 'model' && JSON.stringify(this.last.result) === JSON.stringify(result)) return;
    this.result = result;
    this.last = { type: 'model', seq: ++this.seq, uri, title: this.title(), result, shown: this.shown };
    this.post(this.last);
    this.deps.changed(this);
  }

  private notice(text: string): void {
    this.result = null;
    this.last = { type: 'notice', seq: ++this.seq, text };
    this.post(this.last);
    this.deps.changed(this);
  }

  private bounds(): CompareBounds | null {
    const result = this.result;
    return result ? { annotators: result.copies.map((copy) => copy.annotator), passages: result.copies.map((copy) => copy.passages.length) } : null;
  }

  private fileName(): string {
    return path.posix.basename(vscode.Uri.parse(this.uriValue).path);
  }

  private title(): string {
    return `Compare: ${this.fileName()}`;
  }

  private updateTitle(): void {
    this.panel.title = this.title();
  }

  private post(message: ToCompare): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  // ------------------------------------------------------------ the webview's messages

  private receive(raw: unknown): void {
    const parsed = parseFromCompare(raw, this.bounds());
    if (!parsed.ok) {
      this.reject(parsed.reason);
      return;
    }
    const message: FromCompare = parsed.message;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.refresher.stale || !this.last) void this.refresh(true);
        // Shown again: with the columns it showed when it was hidden.
        else this.post(this.last.type === 'model' ? { ...this.last, shown: this.shown } : this.last);
        break;
      case 'rendered':
        if (message.seq > this.seq) {
          this.reject(`rendered: seq ${message.seq} was never sent`);
          break;
        }
        this.rendered = { seq: message.seq, columns: message.columns, passages: message.passages };
        this.deps.changed(this);
        break;
      case 'columns':
        this.shown = message.shown;
        this.deps.changed(this);
        break;
      case 'open':
        void this.open(message.copy, message.passage);
        break;
      default:
        // Test builds only: a probe's answer (production builds never parse one).
        if (FINDINGS_TEST_SEAMS && message.type === 'test:reply') this.probe?.answer(message.id, message.facts);
        break;
    }
  }

  private reject(reason: string): void {
    this.rejected.push(reason);
    if (this.rejected.length > KEEP_REJECTED) this.rejected.shift();
    this.deps.output.warn(`Compare annotations: ignored a message from the webview (${reason}).`);
    this.deps.changed(this);
  }

  /** Opens a copy with a passage selected, beside the comparison. */
  private async open(copyIndex: number, passageIndex: number): Promise<void> {
    const copy = this.result?.copies[copyIndex];
    const passage = copy?.passages[passageIndex];
    if (!copy || !passage) return;
    try {
      await showInSource(copy.uri, passage.source.text, this.panel.viewColumn);
      this.opened = { uri: copy.uri, line: passage.source.text.start.line };
      this.deps.changed(this);
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not open ${copy.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
