// The summary panel: one webview showing `findings/summary` for the current
// report or the whole workspace. It asks again when the server says its
// index changed (`findings/indexChanged`), when another report becomes the
// active editor and when the server restarts: the client parses nothing.
//
// The summary carries counts only; the webview's list asks for its findings
// a page at a time (`page`), which the panel asks of the server with its
// scope (findingsPageForwarder.ts).
//
// The webview is untrusted: every message from it is checked
// (messages.ts), and it can only open spans it was sent in a page of the
// current generation (revealableFindings.ts).
import * as path from 'path';
import * as vscode from 'vscode';
import { Commands, FindingsPageRequest, IndexChangedNotification, SummaryRequest, SUMMARY_VIEW_TYPE, type AgreementDocument, type FindingsScope, type IndexChangedParams, type SummaryResult } from '../../protocol';
import { hasFilters } from '../../core/summary/findingsQuery';
import type { ExportFindingsOptions, ExportFindingsResult } from '../commands/exportFindings';
import type { FindingsServer } from '../languageClient';
import { PanelRefresh } from '../panelRefresh';
import { isReport } from '../settings';
import { takePanelExportAnswers } from '../testing/panelExportAnswers';
import { PanelProbe } from '../testing/panelProbe';
import { askExportExtent, type ShownFindings } from './exportExtent';
import { FindingsPageForwarder } from './findingsPageForwarder';
import { summaryHtml, webviewOptions } from './html';
import { RevealableFindings } from './revealableFindings';
import { workspaceAgreement } from './workspaceAgreement';
import { DEFAULT_SORT, NO_FILTERS, parseFromWebview, parseState, type FindingsSort, type FromWebview, type LspRange, type PanelFilters, type PanelScope, type PanelState, type ToWebview, type UpdateMessage } from './messages';

/** Delay after an index notification before asking: none, the server already debounces edits (a timer still folds notifications that come together). */
const NOTIFICATION_DELAY_MS = 0;
const KEEP_REJECTED = 20;
/** Findings the webview may open: many more than it keeps (20 pages of 100). */
const MAX_REVEALABLE = 10_000;
export const NO_REPORT_NOTICE = 'Open an inspection report (a *.report.md file) to see its summary, or switch to Workspace.';

/** What the panel holds, for the extension's API (tests). */
export interface SummaryPanelInfo {
  readonly scope: PanelScope;
  readonly documentUri: string | null;
  readonly visible: boolean;
  /** The last summary sent to the webview (null with a notice or an error). */
  readonly posted: SummaryResult | null;
  readonly notice: string | null;
  readonly error: string | null;
  /** Counts the updates sent to the webview. */
  readonly postedSeq: number;
  /** What the webview last said it drew: `seq === postedSeq` once it shows the last update. */
  readonly rendered: { readonly seq: number; readonly scope: PanelScope; readonly generation: number | null } | null;
  /** Why messages from the webview were rejected (the latest last). */
  readonly rejected: readonly string[];
  /** True while the workspace's agreement figures are computed (the summary shown has none yet, or those of before). */
  readonly agreementPending: boolean;
}

export interface ShowOptions {
  readonly scope?: PanelScope;
  /** The report of the document scope (default: the active one). */
  readonly uri?: vscode.Uri;
  readonly preserveFocus?: boolean;
}

interface Dependencies {
  readonly extensionUri: vscode.Uri;
  readonly server: FindingsServer;
  readonly output: vscode.LogOutputChannel;
  readonly changed: (panel: SummaryPanel) => void;
  readonly disposed: (panel: SummaryPanel) => void;
}

export class SummaryPanel implements vscode.Disposable {
  private scope: PanelScope;
  private documentUri: string | null;
  private filters: PanelFilters;
  private sort: FindingsSort;
  private ready = false;
  private last: UpdateMessage | null = null;
  private seq = 0;
  private rendered: SummaryPanelInfo['rendered'] = null;
  private readonly rejected: string[] = [];
  private readonly refresher = new PanelRefresh(() => this.refresh(), () => this.ready && this.panel.visible);
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  private readonly revealable = new RevealableFindings(MAX_REVEALABLE);
  private agreementPending = false;
  /** What to do once the webview has drawn an update (the agreement figures are asked for then). */
  private afterRendered: { readonly seq: number; readonly run: () => void } | undefined;
  private readonly pages: FindingsPageForwarder;

  /** Test builds only: reads the webview's DOM and drives it. */
  readonly probe: PanelProbe | undefined;

  constructor(readonly panel: vscode.WebviewPanel, private readonly deps: Dependencies, state: PanelState) {
    this.probe = FINDINGS_TEST_SEAMS ? new PanelProbe(panel.webview) : undefined;
    this.scope = state.scope;
    this.documentUri = state.documentUri;
    this.filters = state.filters;
    this.sort = state.sort;
    this.pages = new FindingsPageForwarder(deps.server, (message) => this.post(message), this.revealable);
    panel.webview.options = webviewOptions(deps.extensionUri);
    panel.iconPath = {
      light: vscode.Uri.joinPath(deps.extensionUri, 'media', 'summary-light.svg'),
      dark: vscode.Uri.joinPath(deps.extensionUri, 'media', 'summary-dark.svg'),
    };
    this.updateTitle();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidChangeViewState(() => {
        // Without retainContextWhenHidden a hidden webview is discarded; it says `ready` again when shown.
        if (!panel.visible) this.ready = false;
        this.deps.changed(this);
      }),
      panel.onDidDispose(() => this.dispose()),
      deps.server.onNotification(IndexChangedNotification, (params) => this.onIndexChanged(params)),
      // A restarted server counts its generations from the start again: always redraw.
      deps.server.onDidStart(() => {
        this.revealable.reset();
        this.schedule(0, true);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)),
      // Renamed or moved in the editor: follow it. Deleted: fall back to another report.
      vscode.workspace.onDidRenameFiles((event) => {
        for (const file of event.files) {
          const moved = this.documentUri ? movedUri(this.documentUri, file.oldUri, file.newUri) : undefined;
          if (moved) this.setDocument(moved);
        }
      }),
      vscode.workspace.onDidDeleteFiles((event) => {
        const current = this.documentUri;
        if (current && event.files.some((file) => isAtOrUnder(current, file))) void this.documentGone();
      }),
    );
    panel.webview.html = summaryHtml(panel.webview, deps.extensionUri);
  }

  get info(): SummaryPanelInfo {
    return {
      scope: this.scope,
      documentUri: this.documentUri,
      visible: this.panel.visible,
      posted: this.last?.summary ?? null,
      notice: this.last?.notice ?? null,
      error: this.last?.error ?? null,
      postedSeq: this.last?.seq ?? 0,
      rendered: this.rendered,
      rejected: [...this.rejected],
      agreementPending: this.agreementPending,
    };
  }

  /** Shows the panel with a scope (and report). */
  show(options: ShowOptions): void {
    if (options.uri) this.documentUri = options.uri.toString();
    const scope = options.scope ?? this.scope;
    const changed = scope !== this.scope || (options.uri !== undefined && this.last?.documentUri !== this.documentUri);
    this.scope = scope;
    this.panel.reveal(undefined, options.preserveFocus ?? false);
    if (changed) {
      this.updateTitle();
      this.post({ type: 'loading', scope });
      void this.refresh();
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.refresher.dispose();
    this.pages.dispose();
    for (const disposable of this.disposables) disposable.dispose();
    this.panel.dispose();
    this.deps.disposed(this);
  }

  // ------------------------------------------------------------ the summary

  private requestScope(): FindingsScope | undefined {
    if (this.scope === 'workspace') return { kind: 'workspace' };
    return this.documentUri ? { kind: 'document', uri: this.documentUri } : undefined;
  }

  private schedule(delayMs: number, force = false): void {
    this.refresher.schedule(delayMs, force);
  }

  private async refresh(forced = false): Promise<void> {
    // Null while the webview cannot draw: asked for (and drawn) when it is back.
    const turn = this.refresher.begin(forced);
    if (!turn) return;
    const { force, sequence, token } = turn;
    const scope = this.requestScope();
    const base = { type: 'update' as const, seq: 0, scope: this.scope, documentUri: this.documentUri };
    // The agreement figures take far longer than the counts on a large corpus: asked for once the counts and the
    // rows in view are drawn, so that the server answers the summary and the list's pages first.
    const agreement = () => (scope ? workspaceAgreement(this.deps.server, scope, token, this.deps.output) : Promise.resolve(null));
    let update: UpdateMessage;
    if (!scope) {
      update = { ...base, summary: null, notice: NO_REPORT_NOTICE, error: null };
    } else {
      try {
        const summary = await this.deps.server.request(SummaryRequest, { scope }, token);
        // Until the new figures come, the workspace keeps those it showed (an edit seldom changes them).
        const kept = scope.kind === 'workspace' && this.last?.scope === 'workspace' ? this.last.agreement : undefined;
        update = summary
          ? { ...base, summary, agreement: kept, notice: null, error: null }
          : { ...base, summary: null, notice: 'The language server knows no such report.', error: null };
      } catch (error) {
        if (!this.refresher.isLatest(turn)) return;
        // The report went from disk (deleted, renamed outside the editor): show another one.
        if (scope.kind === 'document' && !(await exists(scope.uri))) {
          if (this.refresher.isLatest(turn)) void this.documentGone();
          return;
        }
        const message = error instanceof Error ? error.message : String(error);
        update = { ...base, summary: null, notice: null, error: `The findings language server could not summarise the ${this.scope === 'workspace' ? 'workspace' : 'report'}: ${message}` };
      }
    }
    if (!this.refresher.isLatest(turn)) return;
    this.refresher.stale = false;
    // Equal generations mean equal results: nothing new to draw (but the figures still awaited are these).
    if (!force && this.last && update.summary && this.last.summary && sameView(this.last, update)) {
      if (this.agreementPending) void this.showAgreement(sequence, agreement());
      return;
    }
    this.last = { ...update, seq: ++this.seq };
    if (update.summary) this.revealable.advance(update.summary.generation);
    this.agreementPending = update.summary !== null && scope?.kind === 'workspace';
    this.afterRendered = this.agreementPending ? { seq: this.last.seq, run: () => void this.showAgreement(sequence, agreement()) } : undefined;
    this.post(this.last);
    this.deps.changed(this);
  }

  /** The workspace's agreement figures, once computed, drawn into the summary shown (unless a newer one was asked for). */
  private async showAgreement(sequence: number, figures: Promise<AgreementDocument | null>): Promise<void> {
    const agreement = await figures;
    const last = this.last;
    if (!this.refresher.isLatest(sequence) || !last?.summary) return;
    this.agreementPending = false;
    if (last.agreement === undefined || JSON.stringify(last.agreement) !== JSON.stringify(agreement)) {
      this.last = { ...last, agreement, seq: ++this.seq };
      this.post(this.last);
    }
    this.deps.changed(this);
  }

  private onIndexChanged(params: IndexChangedParams): void {
    if (this.scope === 'document') {
      const uris = Array.isArray(params?.uris) ? params.uris : [];
      // No URI: a codebook changed, every report may have.
      if (uris.length > 0 && !uris.some((uri) => sameUri(uri, this.documentUri))) return;
    }
    this.schedule(NOTIFICATION_DELAY_MS);
  }

  private followEditor(editor: vscode.TextEditor | undefined): void {
    // The panel itself taking the focus leaves no active editor: keep the report.
    if (!editor || !isReport(editor.document)) return;
    this.setDocument(editor.document.uri.toString());
  }

  /** The report of the document scope is now another (or none). */
  private setDocument(uri: string | null): void {
    if (uri === this.documentUri) return;
    this.documentUri = uri;
    if (this.scope !== 'document') return;
    this.updateTitle();
    this.post({ type: 'loading', scope: this.scope });
    this.schedule(0);
  }

  /** The current report is gone from disk: the active report instead, else one in view, else one in a tab, else none (a notice says to open one). */
  private async documentGone(): Promise<void> {
    const gone = this.documentUri;
    const inTabs = vscode.window.tabGroups.all.flatMap((group) => [group.activeTab, ...group.tabs])
      .map((tab) => (tab?.input instanceof vscode.TabInputText ? tab.input.uri.toString() : undefined));
    const candidates = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors]
      .map((editor) => editor?.document.uri.toString())
      .concat(inTabs)
      .filter((uri): uri is string => uri !== undefined && uri !== gone && vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri && isReport(document)));
    let next: string | null = null;
    for (const candidate of candidates) {
      if (await exists(candidate)) {
        next = candidate;
        break;
      }
    }
    if (this.documentUri === gone) this.setDocument(next);
  }

  private updateTitle(): void {
    const name = this.documentUri ? path.posix.basename(vscode.Uri.parse(this.documentUri).path) : undefined;
    this.panel.title = this.scope === 'workspace' ? 'Summary: Workspace' : name ? `Summary: ${name}` : 'Summary';
  }

  private post(message: ToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  // ------------------------------------------------------------ the webview's messages

  private receive(raw: unknown): void {
    const parsed = parseFromWebview(raw);
    if (!parsed.ok) {
      this.reject(parsed.reason);
      return;
    }
    const message: FromWebview = parsed.message;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (message.state) {
          this.filters = message.state.filters;
          this.sort = message.state.sort;
        }
        this.post({ type: 'init', state: { scope: this.scope, filters: this.filters, sort: this.sort, documentUri: this.documentUri } });
        if (this.refresher.stale || !this.last) void this.refresh(true);
        else this.post(this.last);
        break;
      case 'setScope':
        if (message.scope === this.scope && this.last && !this.refresher.stale) {
          this.post(this.last); // ends the webview's progress bar
          break;
        }
        this.scope = message.scope;
        this.updateTitle();
        void this.refresh(true);
        break;
      case 'refresh':
        void this.refresh(true);
        break;
      case 'page':
        this.filters = message.filters;
        this.sort = message.sort;
        void this.pages.forward(this.requestScope(), message);
        break;
      case 'export':
        void this.exportFindings(message.filters);
        break;
      case 'reveal':
        void this.reveal(message.uri, message.range);
        break;
      case 'rendered': {
        this.rendered = { seq: message.seq, scope: message.scope, generation: message.generation };
        const next = this.afterRendered;
        if (next && message.seq >= next.seq) {
          this.afterRendered = undefined;
          next.run();
        }
        this.deps.changed(this);
        break;
      }
      default:
        // Test builds only: a probe's answer (production builds never parse one).
        if (FINDINGS_TEST_SEAMS && message.type === 'inspected') this.probe?.answer(message.id, message.facts);
        break;
    }
  }

  private reject(reason: string): void {
    this.rejected.push(reason);
    if (this.rejected.length > KEEP_REJECTED) this.rejected.shift();
    this.deps.output.warn(`Summary panel: ignored a message from the webview (${reason}).`);
    this.deps.changed(this);
  }

  /** Opens the report of a finding the webview was sent in a page of the current generation, with its span selected. */
  private async reveal(uri: string, range: LspRange): Promise<void> {
    if (!this.revealable.has(uri, range)) {
      this.reject('reveal: not a finding of a page shown');
      return;
    }
    try {
      const target = vscode.Uri.parse(uri, true);
      const document = await vscode.workspace.openTextDocument(target);
      const selection = document.validateRange(new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character));
      const editor = await vscode.window.showTextDocument(document, { viewColumn: this.editorColumn(target), selection: new vscode.Selection(selection.start, selection.end) });
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenter);
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not open ${vscode.Uri.parse(uri).path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The group already showing the report, else another group than the panel's, else beside the panel. */
  private editorColumn(uri: vscode.Uri): vscode.ViewColumn {
    const visible = vscode.window.visibleTextEditors;
    const showing = visible.find((editor) => editor.document.uri.toString() === uri.toString() && editor.viewColumn !== undefined);
    if (showing?.viewColumn) return showing.viewColumn;
    const other = visible.find((editor) => editor.viewColumn !== undefined && editor.viewColumn !== this.panel.viewColumn);
    return other?.viewColumn ?? vscode.ViewColumn.Beside;
  }

  /**
   * "Export findings…" of the panel's scope. While the list is filtered it
   * first asks whether to export just the findings the filters show (the
   * server keeps those by the list's own predicate) or all of them.
   */
  private async exportFindings(filters: PanelFilters): Promise<void> {
    // Test builds only: the answers a test gave in advance, in place of the QuickPick and the dialogs.
    const given = FINDINGS_TEST_SEAMS ? takePanelExportAnswers() : undefined;
    const scope = this.requestScope();
    let options: ExportFindingsOptions = { ...(scope ? { scope } : {}), ...given?.answers.options };
    let asked: ShownFindings | null = null;
    if (scope && this.last?.summary && hasFilters(filters)) {
      const counted = await this.countShown(scope, filters);
      if (!counted) {
        given?.settle({ asked, filters: undefined, result: undefined });
        return;
      }
      asked = counted;
      const extent = given ? given.answers.extent : await askExportExtent(asked, filters);
      if (extent === undefined) {
        given?.settle({ asked, filters: undefined, result: undefined });
        return;
      }
      if (extent === 'filtered') options = { ...options, filters };
    }
    let result: ExportFindingsResult | undefined;
    try {
      result = await vscode.commands.executeCommand<ExportFindingsResult>(Commands.exportFindings, options);
    } catch (error) {
      void vscode.window.showErrorMessage(`Export findings: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      given?.settle({ asked, filters: options.filters, result });
    }
  }

  /** How many findings the filters show, of how many: the server counts them (a page of none). */
  private async countShown(scope: FindingsScope, filters: PanelFilters): Promise<ShownFindings | undefined> {
    try {
      const counts = await this.deps.server.request(FindingsPageRequest, { scope, filters, offset: 0, limit: 0 });
      return { shown: counts.matching, total: counts.total };
    } catch (error) {
      void vscode.window.showErrorMessage(`Export findings: the findings the filters show could not be counted: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}

/** Whether `uri` is the file, or lies in the folder. */
function isAtOrUnder(uri: string, fileOrFolder: vscode.Uri): boolean {
  const other = fileOrFolder.toString();
  return uri === other || uri.startsWith(other.endsWith('/') ? other : `${other}/`);
}

/** Where `uri` is once `from` became `to` (a file, or a folder holding it); undefined when it is not affected. */
function movedUri(uri: string, from: vscode.Uri, to: vscode.Uri): string | undefined {
  if (!isAtOrUnder(uri, from)) return undefined;
  const old = from.toString();
  return uri === old ? to.toString() : `${to.toString().replace(/\/$/, '')}/${uri.slice(old.replace(/\/$/, '').length + 1)}`;
}

/** Whether a report is still there: open in an editor (untitled included) or on disk. */
async function exists(uri: string): Promise<boolean> {
  if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri && !document.isClosed)) return true;
  try {
    await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
    return true;
  } catch {
    return false;
  }
}

function sameUri(a: string, b: string | null): boolean {
  if (b === null) return false;
  if (a === b) return true;
  try {
    return vscode.Uri.parse(a).toString() === vscode.Uri.parse(b).toString();
  } catch {
    return false;
  }
}

function sameView(a: UpdateMessage, b: UpdateMessage): boolean {
  return a.scope === b.scope && a.documentUri === b.documentUri && a.summary?.generation === b.summary?.generation &&
    JSON.stringify(a.summary?.scope) === JSON.stringify(b.summary?.scope);
}

/** The panel (at most one) and its entry points. */
export class SummaryPanels implements vscode.Disposable {
  private panel: SummaryPanel | undefined;
  private readonly changedEmitter = new vscode.EventEmitter<SummaryPanelInfo | undefined>();
  /** Fires when the panel's state changes: shown, hidden, rendered, a message rejected, closed. */
  readonly onDidChange = this.changedEmitter.event;

  constructor(private readonly context: vscode.ExtensionContext, private readonly server: FindingsServer, private readonly output: vscode.LogOutputChannel) {}

  get current(): SummaryPanel | undefined {
    return this.panel;
  }

  show(options: ShowOptions = {}): SummaryPanel {
    const active = vscode.window.activeTextEditor;
    const activeReport = isReport(active?.document) ? active.document.uri : undefined;
    if (this.panel) {
      this.panel.show(options);
      return this.panel;
    }
    const uri = options.uri ?? activeReport ?? firstVisibleReport();
    const scope = options.scope ?? (uri ? 'document' : 'workspace');
    const column = active ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const webviewPanel = vscode.window.createWebviewPanel(SUMMARY_VIEW_TYPE, 'Summary', { viewColumn: column, preserveFocus: options.preserveFocus ?? false }, webviewOptions(this.context.extensionUri));
    this.panel = this.create(webviewPanel, { scope, filters: NO_FILTERS, sort: DEFAULT_SORT, documentUri: uri?.toString() ?? null });
    return this.panel;
  }

  /** The serializer's entry: a panel restored after a reload, with the webview's saved state. */
  revive(webviewPanel: vscode.WebviewPanel, rawState: unknown): void {
    const state = parseState(rawState);
    const active = vscode.window.activeTextEditor;
    const documentUri = state?.documentUri ?? (isReport(active?.document) ? active.document.uri.toString() : null);
    const restored: PanelState = { scope: state?.scope ?? 'workspace', filters: state?.filters ?? NO_FILTERS, sort: state?.sort ?? DEFAULT_SORT, documentUri };
    // A second restored panel (two windows' state) replaces nothing: only one is kept.
    if (this.panel) {
      webviewPanel.dispose();
      return;
    }
    this.panel = this.create(webviewPanel, restored);
  }

  dispose(): void {
    this.panel?.dispose();
    this.changedEmitter.dispose();
  }

  private create(webviewPanel: vscode.WebviewPanel, state: PanelState): SummaryPanel {
    return new SummaryPanel(webviewPanel, {
      extensionUri: this.context.extensionUri,
      server: this.server,
      output: this.output,
      changed: (panel) => {
        if (panel === this.panel) this.changedEmitter.fire(panel.info);
      },
      disposed: (panel) => {
        if (panel !== this.panel) return;
        this.panel = undefined;
        this.changedEmitter.fire(undefined);
      },
    }, state);
  }
}

function firstVisibleReport(): vscode.Uri | undefined {
  return vscode.window.visibleTextEditors.find((editor) => isReport(editor.document))?.document.uri;
}
