// The Memos view (explorer): every memo of the workspace, by report, from
// the server's `findings/memos` (the client parses nothing). A report's memo
// comes first under it, then its passages' memos; choosing one opens the
// report with the passage (or the memo field) selected. A text filter keeps
// the memos that hold it. The view asks again when the server's index
// changes and when the server restarts, only while it is visible.
import * as vscode from 'vscode';
import { Commands, IndexChangedNotification, MEMO_FILTER_CONTEXT_KEY, MEMOS_VIEW_ID } from '../../protocol';
import { MemosRequest, type MemoEntry } from '../../protocol/memos';
import type { FindingsServer } from '../languageClient';
import { filterMemos } from './memoFilter';
import { memoDescription, memoLabel, memosByReport, memoTooltip, type ReportMemos } from './memoTree';

/** The pause after the last index notification before asking again (the server debounces edits too). */
const REFRESH_DELAY_MS = 300;

export type MemoNode =
  | { readonly kind: 'report'; readonly report: ReportMemos }
  | { readonly kind: 'memo'; readonly entry: MemoEntry };

/** What the view holds after a load. */
export interface MemosViewCounts {
  /** Every memo the server listed. */
  readonly total: number;
  /** Those the filter keeps. */
  readonly shown: number;
}

export class MemosView implements vscode.TreeDataProvider<MemoNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<MemoNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly loadedEmitter = new vscode.EventEmitter<void>();
  /** Fires after each answer of the server (or failure) is shown. */
  readonly onDidLoad = this.loadedEmitter.event;
  private readonly view: vscode.TreeView<MemoNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private entries: readonly MemoEntry[] = [];
  private reports: ReportMemos[] = [];
  private filter = '';
  private error: string | null = null;
  private stale = true;
  private loading: Promise<void> | undefined;
  private cancel: vscode.CancellationTokenSource | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly server: FindingsServer, private readonly output: vscode.LogOutputChannel) {
    this.view = vscode.window.createTreeView(MEMOS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      this.loadedEmitter,
      this.view.onDidChangeVisibility(() => {
        if (this.view.visible && this.stale) this.changed.fire(undefined);
      }),
      server.onNotification(IndexChangedNotification, () => this.schedule()),
      // A restarted server may know other reports (a codebook, a trust change): ask again.
      server.onDidStart(() => this.schedule(0)),
      vscode.commands.registerCommand(Commands.refreshMemos, () => this.refresh()),
      vscode.commands.registerCommand(Commands.filterMemos, (text?: unknown) => this.askFilter(text)),
      vscode.commands.registerCommand(Commands.clearMemoFilter, () => this.setFilter('')),
      vscode.commands.registerCommand(Commands.openMemo, (entry?: unknown) => this.open(entry)),
    );
    void vscode.commands.executeCommand('setContext', MEMO_FILTER_CONTEXT_KEY, false);
    this.show();
  }

  get filterText(): string {
    return this.filter;
  }

  get counts(): MemosViewCounts {
    return { total: this.entries.length, shown: this.reports.reduce((sum, report) => sum + report.memos.length, 0) };
  }

  /** What the view shows above its items: the filter and the counts. */
  get heading(): { readonly description: string | undefined; readonly message: string | undefined; readonly error: string | null } {
    return { description: this.view.description, message: this.view.message, error: this.error };
  }

  getTreeItem(node: MemoNode): vscode.TreeItem {
    if (node.kind === 'report') {
      // The file's name first (long folder paths would hide it), its folder after the count.
      const { path } = node.report;
      const slash = path.lastIndexOf('/');
      const item = new vscode.TreeItem(path.slice(slash + 1), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `report:${node.report.uri}`;
      item.resourceUri = vscode.Uri.parse(node.report.uri);
      // A file's icon from the icon theme, not a folder's (as a collapsible item with a URI would get).
      item.iconPath = vscode.ThemeIcon.File;
      item.description = slash < 0 ? memoCount(node.report.memos.length) : `${memoCount(node.report.memos.length)} · ${path.slice(0, slash)}`;
      item.tooltip = `${path} · ${memoCount(node.report.memos.length)}`;
      item.contextValue = 'report';
      return item;
    }
    const { entry } = node;
    const item = new vscode.TreeItem(memoLabel(entry), vscode.TreeItemCollapsibleState.None);
    item.id = `memo:${entry.uri}#${entry.kind === 'report' ? 'report' : entry.passage}`;
    item.description = memoDescription(entry);
    item.tooltip = new vscode.MarkdownString(memoTooltip(entry));
    item.iconPath = new vscode.ThemeIcon(entry.kind === 'report' ? 'book' : 'note');
    item.contextValue = entry.kind === 'report' ? 'reportMemo' : 'passageMemo';
    item.accessibilityInformation = { label: `${entry.kind === 'report' ? 'Report memo' : `Memo on ${entry.codes.join(', ') || 'a passage'}`}: ${entry.memo}` };
    item.command = { command: Commands.openMemo, title: 'Open Memo', arguments: [entry] };
    return item;
  }

  async getChildren(node?: MemoNode): Promise<MemoNode[]> {
    if (node?.kind === 'memo') return [];
    if (node?.kind === 'report') return node.report.memos.map((entry) => ({ kind: 'memo', entry }));
    if (this.stale) await this.load();
    return this.reports.map((report) => ({ kind: 'report', report }));
  }

  getParent(node: MemoNode): MemoNode | undefined {
    if (node.kind === 'report') return undefined;
    const report = this.reports.find((candidate) => candidate.uri === node.entry.uri);
    return report ? { kind: 'report', report } : undefined;
  }

  /** Asks the server again now; resolves once the view shows its answer. */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    this.stale = true;
    // A request already under way may predate what made the view stale: then ask once more.
    while (this.stale) await this.load();
    this.changed.fire(undefined);
  }

  /** Keeps the memos that hold `text` (case ignored); '' shows them all. */
  async setFilter(text: string): Promise<void> {
    this.filter = text.trim();
    void vscode.commands.executeCommand('setContext', MEMO_FILTER_CONTEXT_KEY, this.filter !== '');
    this.arrange();
    this.changed.fire(undefined);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.cancel?.cancel();
    this.cancel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  private schedule(delayMs = REFRESH_DELAY_MS): void {
    this.stale = true;
    clearTimeout(this.timer);
    // Hidden: asked for when shown again (onDidChangeVisibility).
    if (!this.view.visible) return;
    this.timer = setTimeout(() => this.changed.fire(undefined), delayMs);
  }

  /** One request at a time: a caller during one waits for it (and asks again if the view went stale meanwhile). */
  private load(): Promise<void> {
    this.loading ??= this.fetch().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async fetch(): Promise<void> {
    const cancel = new vscode.CancellationTokenSource();
    this.cancel?.dispose();
    this.cancel = cancel;
    this.stale = false;
    try {
      const result = await this.server.request(MemosRequest, {}, cancel.token);
      this.entries = Array.isArray(result?.memos) ? result.memos : [];
      this.error = null;
    } catch (error) {
      if (cancel.token.isCancellationRequested) return;
      this.entries = [];
      this.error = `Could not list the memos: ${error instanceof Error ? error.message : String(error)}`;
      this.output.warn(`Memos view: ${this.error}`);
    }
    this.arrange();
    this.loadedEmitter.fire();
  }

  /** Applies the filter to the memos and says so above the tree. */
  private arrange(): void {
    const shown = filterMemos(this.entries, this.filter);
    this.reports = memosByReport(shown);
    this.show();
  }

  private show(): void {
    const { total, shown } = this.counts;
    if (this.error) {
      this.view.description = undefined;
      this.view.message = this.error;
    } else if (this.filter !== '') {
      this.view.description = `“${this.filter}” · ${shown} of ${total}`;
      this.view.message = `${shown} of ${memoCount(total)} match “${this.filter}”.`;
    } else {
      this.view.description = total > 0 ? memoCount(total) : undefined;
      this.view.message = undefined;
    }
  }

  /** "Filter Memos…": the text as an argument, or asked in an input box prefilled with the current one. */
  private async askFilter(argument: unknown): Promise<void> {
    const text = typeof argument === 'string' ? argument : await vscode.window.showInputBox({
      title: 'Filter Memos',
      prompt: 'Show the memos whose text, passage, codes, themes or report path contain this (case ignored); empty shows all.',
      value: this.filter,
      placeHolder: 'e.g. leadership, waiting, hartlepool',
    });
    if (text === undefined) return;
    if (this.stale) await this.load();
    await this.setFilter(text);
  }

  /** "Open Memo": the report, with the passage's text (or the report memo's value) selected. */
  private async open(argument: unknown): Promise<void> {
    const entry = isMemoEntry(argument) ? argument : this.selectedEntry();
    if (!entry) return;
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(entry.uri, true));
      const { start, end } = entry.range;
      const range = document.validateRange(new vscode.Range(start.line, start.character, end.line, end.character));
      const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Selection(range.start, range.end), preview: false });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not open ${entry.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private selectedEntry(): MemoEntry | undefined {
    const node = this.view.selection[0];
    return node?.kind === 'memo' ? node.entry : undefined;
  }
}

function memoCount(count: number): string {
  return `${count} memo${count === 1 ? '' : 's'}`;
}

/** The argument of "Open Memo" (a command anything can run): a memo entry of the server's shape. */
function isMemoEntry(value: unknown): value is MemoEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<MemoEntry>;
  const position = (p: unknown): boolean => typeof p === 'object' && p !== null && Number.isInteger((p as { line?: unknown }).line) && Number.isInteger((p as { character?: unknown }).character);
  return typeof entry.uri === 'string' && typeof entry.path === 'string' && typeof entry.range === 'object' && entry.range !== null && position(entry.range.start) && position(entry.range.end);
}
