// The coded readers, one per report, and their entry points: "Open Coded
// Reader to the Side" (the report's title bar, the palette, Ctrl+K Alt+V),
// "Save Coded Report as HTML…" and the restoring of readers after a reload.
import * as vscode from 'vscode';
import { Commands, READER_VIEW_TYPE } from '../../protocol';
import type { FindingsServer } from '../languageClient';
import { isReport } from '../settings';
import { readerWebviewOptions } from './readerHtml';
import { parseReaderState, type ReaderState } from './readerMessages';
import { NO_FILTERS, ReaderPanel, type ReaderPanelInfo } from './readerPanel';
import { readerSerializer, registerReaderSerializer } from './readerSerializer';
import { registerSaveReaderHtml } from './saveReaderHtml';

export class ReaderPanels implements vscode.Disposable {
  /** By report URI. */
  private readonly panels = new Map<string, ReaderPanel>();
  private readonly changedEmitter = new vscode.EventEmitter<ReaderPanelInfo>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when a reader's state changes: shown, hidden, drawn, a message rejected, a tag done, closed (`visible` false). */
  readonly onDidChange = this.changedEmitter.event;
  /** What VS Code calls after a reload (registered for READER_VIEW_TYPE). */
  readonly serializer = readerSerializer(this);

  constructor(readonly context: vscode.ExtensionContext, private readonly server: FindingsServer, private readonly output: vscode.LogOutputChannel) {
    this.disposables.push(
      this.changedEmitter,
      vscode.commands.registerCommand(Commands.openReader, (arg?: unknown) => void this.open(uriArgument(arg))),
      registerSaveReaderHtml({ server, extension: context.extension, activeReader: () => this.active()?.uri }),
      registerReaderSerializer(this.serializer),
    );
  }

  /** The reader of a report, if open. */
  get(uri: vscode.Uri | string): ReaderPanel | undefined {
    return this.panels.get(uri.toString());
  }

  /**
   * Opens the reader of a report (default: the active editor's) beside it,
   * leaving the focus in the editor, as Markdown's preview does; a report's
   * reader that is open already is brought into view.
   */
  open(uri?: vscode.Uri): ReaderPanel | undefined {
    const active = vscode.window.activeTextEditor;
    const report = uri ?? (isReport(active?.document) ? active.document.uri : undefined);
    if (!report) {
      void vscode.window.showInformationMessage('Open an inspection report (a *.report.md file) to read it in the coded reader.');
      return undefined;
    }
    const existing = this.panels.get(report.toString());
    if (existing) {
      existing.reveal();
      return existing;
    }
    const column = active ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const webviewPanel = vscode.window.createWebviewPanel(READER_VIEW_TYPE, 'Reader', { viewColumn: column, preserveFocus: true }, readerWebviewOptions(this.context.extensionUri));
    return this.create(webviewPanel, { uri: report.toString(), filters: NO_FILTERS, offset: 0 });
  }

  /** The serializer's entry: a reader restored after a reload, with the state its webview saved. */
  revive(webviewPanel: vscode.WebviewPanel, rawState: unknown): void {
    const state = parseReaderState(rawState);
    // Without a valid state there is no telling which report it showed; a report's second reader is not kept.
    if (!state || this.panels.has(state.uri)) {
      if (!state) this.output.warn('Coded reader: a reader could not be restored (its saved state is not valid).');
      webviewPanel.dispose();
      return;
    }
    this.create(webviewPanel, state);
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** The reader in front, if a reader is the active editor. */
  private active(): ReaderPanel | undefined {
    return [...this.panels.values()].find((panel) => panel.panel.active);
  }

  private create(webviewPanel: vscode.WebviewPanel, state: ReaderState): ReaderPanel {
    const panel = new ReaderPanel(webviewPanel, {
      extensionUri: this.context.extensionUri,
      server: this.server,
      output: this.output,
      changed: (changed) => this.changedEmitter.fire(changed.info),
      moved: (moved, from) => {
        if (this.panels.get(from) === moved) this.panels.delete(from);
        // Moved onto a report that has a reader already: one of them goes.
        const other = this.panels.get(moved.uri);
        if (other && other !== moved) other.dispose();
        this.panels.set(moved.uri, moved);
      },
      disposed: (gone) => {
        if (this.panels.get(gone.uri) === gone) this.panels.delete(gone.uri);
        this.changedEmitter.fire({ ...gone.info, visible: false });
      },
    }, state);
    this.panels.set(state.uri, panel);
    return panel;
  }
}

/** The command's argument: the report's URI from its title bar, or a URI string (keybindings, tests). */
function uriArgument(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  return typeof arg === 'string' && arg !== '' ? vscode.Uri.parse(arg) : undefined;
}
