// One coded reader: a webview beside a report showing `findings/readerUpdate`
// for it. It asks again after each edit of the report (debounced), when the
// server says its index changed and when the server restarts, and follows
// the report when it is renamed or moved; the client parses nothing. Once it
// holds a model it asks for what changed since (a delta), applies it to its
// own copy and sends the webview the delta when the webview holds the model
// it applies to, else the whole model.
//
// The webview is untrusted: every message from it is checked against the
// model it was last sent (readerMessages.ts) before anything is done.
import * as path from 'path';
import * as vscode from 'vscode';
import { applyReaderDelta, changesNothing } from '../../core/reader/readerDelta';
import { Commands, IndexChangedNotification, ReaderUpdateRequest, type IndexChangedParams, type ReaderDeltaResult, type ReaderResult } from '../../protocol';
import { fileExists, isAtOrUnder, movedUri } from '../fileMoves';
import type { FindingsServer } from '../languageClient';
import { PanelRefresh } from '../panelRefresh';
import { WebviewProbe } from '../testing/webviewProbe';
import { readerHtml, readerWebviewOptions } from './readerHtml';
import { parseFromReader, type FromReader, type ReaderBounds, type ReaderFacts, type ReaderFilters, type ReaderProbe, type ReaderState, type ToReader } from './readerMessages';
import { ScrollSync } from './scrollSync';
import { showInSource } from './sourceEditor';
import { tagFromReader } from './tagFromReader';
import { webviewDeltaJson, webviewModelJson } from './webviewModel';

/** The pause after an edit of the report, or the server's notification, before asking again. */
const UPDATE_DELAY_MS = 50;
const KEEP_REJECTED = 20;
const STATUS_MESSAGE_MS = 8000;

export const NO_FILTERS: ReaderFilters = { codes: [], themes: [] };

/** What a reader holds, for the extension's API (tests). */
export interface ReaderPanelInfo {
  readonly uri: string;
  readonly title: string;
  readonly visible: boolean;
  readonly viewColumn: vscode.ViewColumn | undefined;
  /** The model last sent to the webview; null before one (or with a notice). */
  readonly posted: { readonly seq: number; readonly version: number | null; readonly passages: number; readonly textLength: number } | null;
  readonly notice: string | null;
  /** What the webview last said it drew: `seq === posted.seq` once it shows the last model. */
  readonly rendered: { readonly seq: number; readonly passages: number; readonly stripes: number } | null;
  readonly filters: ReaderFilters;
  /** The clean offset at the top of the reader. */
  readonly offset: number;
  /** What became of the last tag asked for in the reader. */
  readonly lastTag: { readonly ok: boolean; readonly message: string } | null;
  /** Why messages from the webview were rejected (the latest last). */
  readonly rejected: readonly string[];
}

export interface ReaderPanelDependencies {
  readonly extensionUri: vscode.Uri;
  readonly server: FindingsServer;
  readonly output: vscode.LogOutputChannel;
  readonly changed: (panel: ReaderPanel) => void;
  readonly moved: (panel: ReaderPanel, from: string) => void;
  readonly disposed: (panel: ReaderPanel) => void;
}

export class ReaderPanel implements vscode.Disposable {
  private uriValue: string;
  private filters: ReaderFilters;
  private ready = false;
  private model: ReaderResult | null = null;
  /** What was last sent: a model (whole or as a delta), or a notice. */
  private last: { readonly type: 'model'; readonly seq: number; readonly revision: string } | Extract<ToReader, { type: 'notice' }> | null = null;
  /** The model the webview holds (its message's seq and the model's revision), which a delta may apply to; none after a reload. */
  private held: { readonly seq: number; readonly revision: string } | null = null;
  private seq = 0;
  private rendered: ReaderPanelInfo['rendered'] = null;
  private lastTag: ReaderPanelInfo['lastTag'] = null;
  private readonly rejected: string[] = [];
  private readonly refresher = new PanelRefresh(() => this.refresh(), () => this.ready && this.panel.visible);
  /** Tag requests from the webview, one after another: each is planned on the text the one before it left. */
  private tagging: Promise<void> = Promise.resolve();
  private readonly scroll: ScrollSync;
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  /** Test builds only: reads the webview's DOM and drives it. */
  readonly probe: WebviewProbe<ReaderProbe, ReaderFacts> | undefined;

  constructor(readonly panel: vscode.WebviewPanel, private readonly deps: ReaderPanelDependencies, state: ReaderState) {
    this.probe = FINDINGS_TEST_SEAMS ? new WebviewProbe<ReaderProbe, ReaderFacts>(panel.webview, 'the coded reader') : undefined;
    this.uriValue = state.uri;
    this.filters = state.filters;
    this.scroll = new ScrollSync(() => this.uriValue, () => this.model?.lines, (offset) => this.post({ type: 'reveal', offset }), state.offset);
    panel.webview.options = readerWebviewOptions(deps.extensionUri);
    panel.iconPath = {
      light: vscode.Uri.joinPath(deps.extensionUri, 'media', 'reader-light.svg'),
      dark: vscode.Uri.joinPath(deps.extensionUri, 'media', 'reader-dark.svg'),
    };
    this.updateTitle();
    this.disposables.push(
      this.scroll,
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidChangeViewState(() => {
        // Without retainContextWhenHidden a hidden webview is discarded; it says `ready` again when shown.
        if (!panel.visible) this.ready = false;
        this.deps.changed(this);
      }),
      panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && event.document.uri.toString() === this.uriValue) this.schedule(UPDATE_DELAY_MS);
      }),
      // Closed: the server reads the file from disk now (or knows it no more, for an untitled one).
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.toString() === this.uriValue) this.schedule(UPDATE_DELAY_MS);
      }),
      deps.server.onNotification(IndexChangedNotification, (params) => this.onIndexChanged(params)),
      deps.server.onDidStart(() => this.schedule(0, true)),
      vscode.workspace.onDidRenameFiles((event) => {
        for (const file of event.files) {
          const moved = movedUri(this.uriValue, file.oldUri, file.newUri);
          if (moved) this.follow(moved);
        }
      }),
      vscode.workspace.onDidDeleteFiles((event) => {
        if (event.files.some((file) => isAtOrUnder(this.uriValue, file))) this.schedule(0);
      }),
    );
    panel.webview.html = readerHtml(panel.webview, deps.extensionUri);
  }

  get uri(): string {
    return this.uriValue;
  }

  get info(): ReaderPanelInfo {
    const model = this.last?.type === 'model' && this.model ? { seq: this.last.seq, model: this.model } : null;
    // A disposed panel's properties may no longer be read.
    return {
      uri: this.uriValue,
      title: `Reader: ${this.fileName()}`,
      visible: !this.disposed && this.panel.visible,
      viewColumn: this.disposed ? undefined : this.panel.viewColumn,
      posted: model ? { seq: model.seq, version: model.model.version, passages: model.model.passages.length, textLength: model.model.cleanText.length } : null,
      notice: this.last?.type === 'notice' ? this.last.text : null,
      rendered: this.rendered,
      filters: this.filters,
      offset: this.scroll.offset,
      lastTag: this.lastTag,
      rejected: [...this.rejected],
    };
  }

  /** Brings the reader into view, leaving the focus where it is. */
  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.refresher.dispose();
    for (const disposable of this.disposables) disposable.dispose();
    this.panel.dispose();
    this.deps.disposed(this);
  }

  // ------------------------------------------------------------ the model

  private schedule(delayMs: number, force = false): void {
    this.refresher.schedule(delayMs, force);
  }

  private async refresh(forced = false): Promise<void> {
    // Null while the webview cannot draw: asked for (and drawn) when it is back.
    const turn = this.refresher.begin(forced);
    if (!turn) return;
    const { force } = turn;
    const uri = this.uriValue;
    const base = this.model;
    let result: ReaderResult | ReaderDeltaResult | null;
    try {
      result = await this.deps.server.request(ReaderUpdateRequest, { uri, since: base?.revision }, turn.token);
    } catch (error) {
      // Cancelled (a newer request is under way) or out of date: only the latest request speaks.
      if (!this.refresher.isLatest(turn)) return;
      const gone = !(await fileExists(uri));
      if (!this.refresher.isLatest(turn)) return;
      this.refresher.stale = false;
      this.notice(gone ? goneNotice(this.fileName()) : `The findings language server could not read ${this.fileName()}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (!this.refresher.isLatest(turn)) return;
    if (!result) {
      const gone = !(await fileExists(uri));
      if (!this.refresher.isLatest(turn)) return;
      this.refresher.stale = false;
      this.notice(gone ? goneNotice(this.fileName()) : `${this.fileName()} is not an inspection report the language server knows: open it (a *.report.md file) to read it here.`);
      return;
    }
    this.refresher.stale = false;
    // An answer for an older text than the editor's: an edit since will be asked about (its change event schedules it).
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (document && result.version !== null && result.version < document.version) {
      this.schedule(UPDATE_DELAY_MS, force);
      return;
    }
    const delta = 'base' in result ? result : null;
    const applied = delta && base?.revision === delta.base ? applyReaderDelta(base, delta) : null;
    if (delta && !applied) {
      // A delta for a model not held (cannot happen with one server): ask for the whole model.
      this.model = null;
      this.schedule(0, force);
      return;
    }
    const model: ReaderResult = applied && delta ? { ...applied, version: delta.version, revision: delta.revision } : (result as ReaderResult);
    // The index's notice after an edit already drawn changes nothing (equal versions may still differ: the codebook changed).
    const unchanged = base !== null && base.version === model.version && (base.revision === model.revision || (delta !== null && changesNothing(base, delta)));
    this.model = model;
    if (unchanged && this.last?.type === 'model') {
      // The webview's model is this one under another name.
      if (this.held?.revision === base.revision) this.held = { seq: this.held.seq, revision: model.revision };
      if (!force) return;
    }
    this.postModel(model, delta);
    this.deps.changed(this);
  }

  /** Sends the model: as the delta when the webview holds the model it applies to. */
  private postModel(model: ReaderResult, delta: ReaderDeltaResult | null): void {
    const seq = ++this.seq;
    this.last = { type: 'model', seq, revision: model.revision };
    if (!this.ready) return;
    if (delta && this.held?.revision === delta.base) this.post({ type: 'modelDelta', seq, uri: this.uriValue, base: this.held.seq, json: webviewDeltaJson(delta) });
    else this.post({ type: 'modelJson', seq, uri: this.uriValue, json: webviewModelJson(model) });
    this.held = { seq, revision: model.revision };
  }

  /** Sends again what was last sent, whole (to a webview drawn anew, or one that could not apply a delta). */
  private repost(): void {
    const last = this.last;
    if (last?.type === 'notice') this.post(last);
    else if (last?.type === 'model' && this.model) {
      this.post({ type: 'modelJson', seq: last.seq, uri: this.uriValue, json: webviewModelJson(this.model) });
      this.held = { seq: last.seq, revision: this.model.revision };
    }
  }

  private notice(text: string): void {
    this.model = null;
    this.held = null;
    this.last = { type: 'notice', seq: ++this.seq, text };
    this.post(this.last);
    this.deps.changed(this);
  }

  private bounds(): ReaderBounds | null {
    const model = this.model;
    return model ? { textLength: model.cleanText.length, passages: model.passages.length, codes: model.codes.map((c) => c.name), themes: model.themes.map((t) => t.name) } : null;
  }

  private onIndexChanged(params: IndexChangedParams): void {
    const uris = Array.isArray(params?.uris) ? params.uris : [];
    // No URI: a codebook changed, every report may have.
    if (uris.length === 0 || uris.includes(this.uriValue)) this.schedule(UPDATE_DELAY_MS);
  }

  /** The report was renamed or moved in the editor: read it where it is now. */
  private follow(uri: string): void {
    const from = this.uriValue;
    if (uri === from) return;
    this.uriValue = uri;
    this.updateTitle();
    this.deps.moved(this, from);
    this.schedule(0);
  }

  private fileName(): string {
    return path.posix.basename(vscode.Uri.parse(this.uriValue).path);
  }

  private updateTitle(): void {
    this.panel.title = `Reader: ${this.fileName()}`;
  }

  private post(message: ToReader): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  // ------------------------------------------------------------ the webview's messages

  private receive(raw: unknown): void {
    const parsed = parseFromReader(raw, this.bounds());
    if (!parsed.ok) {
      this.reject(parsed.reason);
      return;
    }
    const message: FromReader = parsed.message;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        // A webview drawn anew (opened, shown again, restored) takes up the filters and position where they were.
        this.post({ type: 'restore', filters: this.filters, offset: this.scroll.offset });
        // A webview drawn anew holds no model.
        this.held = null;
        if (this.refresher.stale || !this.last) void this.refresh(true);
        else this.repost();
        break;
      case 'rendered':
        if (message.seq > this.seq) {
          this.reject(`rendered: seq ${message.seq} was never sent`);
          break;
        }
        if (this.rendered === null) this.followEditorOnce();
        this.rendered = { seq: message.seq, passages: message.passages, stripes: message.stripes };
        this.deps.changed(this);
        break;
      case 'needModel':
        // The webview could not apply a delta (it holds another model): the whole model, as last sent.
        this.held = null;
        if (this.ready) this.repost();
        break;
      case 'open':
        void this.open(message.passage);
        break;
      case 'tag': {
        const { start, end, codes, themes } = message;
        // One at a time, in the order asked: each is of the text the one before may have changed.
        this.tagging = this.tagging.then(() => this.tag({ start, end, codes, themes })).catch((error: unknown) => {
          this.deps.output.error(`Coded reader: tagging failed: ${error instanceof Error ? error.message : String(error)}`);
        });
        break;
      }
      case 'scrolled':
        this.scroll.readerScrolled(message.offset);
        break;
      case 'filters':
        this.filters = { codes: message.codes, themes: message.themes };
        this.deps.changed(this);
        break;
      case 'saveHtml':
        void this.run(Commands.saveReaderHtml, vscode.Uri.parse(this.uriValue));
        break;
      case 'addMemo':
        void this.run(Commands.addMemo, this.uriValue, this.model?.passages[message.passage]?.index ?? message.passage);
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
    this.deps.output.warn(`Coded reader: ignored a message from the webview (${reason}).`);
    this.deps.changed(this);
  }

  /** The first time the reader is drawn, it starts where the report's editor is (unless it was restored elsewhere). */
  private followEditorOnce(): void {
    if (this.scroll.offset !== 0) return;
    const offset = this.scroll.editorOffset();
    if (offset === undefined || offset === 0) return;
    this.scroll.offset = offset;
    this.post({ type: 'reveal', offset });
  }

  private async open(index: number): Promise<void> {
    const passage = this.model?.passages[index];
    if (!passage) return;
    try {
      await showInSource(this.uriValue, passage.source.text, this.panel.viewColumn);
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not open ${this.fileName()}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async tag(tag: { start: number; end: number; codes: readonly string[]; themes: readonly string[] }): Promise<void> {
    const model = this.model;
    if (!model || this.disposed) return;
    const outcome = await tagFromReader(this.deps.server, this.uriValue, model, tag);
    this.lastTag = outcome;
    this.post({ type: 'tagged', ok: outcome.ok, message: outcome.message });
    vscode.window.setStatusBarMessage(`${outcome.ok ? '$(check)' : '$(warning)'} ${outcome.message}`, STATUS_MESSAGE_MS);
    this.deps.changed(this);
  }

  private async run(command: string, ...args: unknown[]): Promise<void> {
    try {
      await vscode.commands.executeCommand(command, ...args);
    } catch (error) {
      void vscode.window.showErrorMessage(`Coded reader: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function goneNotice(name: string): string {
  return `${name} is no longer there: it was deleted, or moved outside the editor.`;
}
