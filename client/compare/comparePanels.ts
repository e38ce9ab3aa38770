// "Compare Annotations" (the palette, the copies' status bar item): one
// comparison panel, which the command points at the active report's
// article; and its restoring after a window reload
// (`onWebviewPanel:findings.compare`).
import * as vscode from 'vscode';
import { COMPARE_VIEW_TYPE, Commands } from '../../protocol';
import type { FindingsServer } from '../languageClient';
import { isReport } from '../settings';
import { compareWebviewOptions } from './compareHtml';
import { parseCompareState, type CompareState } from './compareMessages';
import { ComparePanel, type ComparePanelInfo } from './comparePanel';

export class ComparePanels implements vscode.Disposable {
  private panel: ComparePanel | undefined;
  private readonly changedEmitter = new vscode.EventEmitter<ComparePanelInfo | undefined>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when the panel's state changes: shown, drawn, a message rejected, a copy opened, closed (undefined). */
  readonly onDidChange = this.changedEmitter.event;
  /** What VS Code calls after a reload (registered for COMPARE_VIEW_TYPE). */
  readonly serializer: vscode.WebviewPanelSerializer = {
    deserializeWebviewPanel: async (webviewPanel, state) => this.revive(webviewPanel, state),
  };

  constructor(readonly context: vscode.ExtensionContext, private readonly server: FindingsServer, private readonly output: vscode.LogOutputChannel) {
    this.disposables.push(
      this.changedEmitter,
      vscode.commands.registerCommand(Commands.compareAnnotations, (arg?: unknown) => void this.open(uriArgument(arg))),
      vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, this.serializer),
    );
  }

  get current(): ComparePanel | undefined {
    return this.panel;
  }

  /** Compares the copies of a report's article (default: the active editor's) in the panel, opened beside the editor. */
  open(uri?: vscode.Uri): ComparePanel | undefined {
    const active = vscode.window.activeTextEditor;
    const report = uri ?? (isReport(active?.document) ? active.document.uri : undefined);
    if (!report) {
      void vscode.window.showInformationMessage('Open an inspection report (a *.report.md file) to compare its annotators\' copies.');
      return undefined;
    }
    if (this.panel) {
      this.panel.show(report.toString());
      return this.panel;
    }
    const column = active ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const webviewPanel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, 'Compare', { viewColumn: column, preserveFocus: false }, compareWebviewOptions(this.context.extensionUri));
    return this.create(webviewPanel, { uri: report.toString(), shown: [] });
  }

  /** The serializer's entry: a panel restored after a reload, with the state its webview saved. */
  revive(webviewPanel: vscode.WebviewPanel, rawState: unknown): void {
    const state = parseCompareState(rawState);
    // Without a valid state there is no telling which article it compared; a second panel is not kept.
    if (!state || this.panel) {
      if (!state) this.output.warn('Compare annotations: a comparison could not be restored (its saved state is not valid).');
      webviewPanel.dispose();
      return;
    }
    this.create(webviewPanel, state);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  private create(webviewPanel: vscode.WebviewPanel, state: CompareState): ComparePanel {
    const panel = new ComparePanel(webviewPanel, {
      extensionUri: this.context.extensionUri,
      server: this.server,
      output: this.output,
      changed: (changed) => {
        if (changed === this.panel) this.changedEmitter.fire(changed.info);
      },
      disposed: (gone) => {
        if (gone !== this.panel) return;
        this.panel = undefined;
        this.changedEmitter.fire(undefined);
      },
    }, state);
    this.panel = panel;
    return panel;
  }
}

/** The command's argument: a report's URI (the status bar item, tests) or a URI string. */
function uriArgument(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  return typeof arg === 'string' && arg !== '' ? vscode.Uri.parse(arg) : undefined;
}
