// Brings the summary panel back after a window reload, with the scope and
// filters its webview saved (setState); `onWebviewPanel:findings.summary`
// activates the extension for it.
import * as vscode from 'vscode';
import { SUMMARY_VIEW_TYPE } from '../../protocol';
import type { SummaryPanels } from './summaryPanel';

export function registerSummarySerializer(panels: SummaryPanels): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(SUMMARY_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
      panels.revive(panel, state);
    },
  });
}
