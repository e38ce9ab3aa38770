// Brings coded readers back after a window reload, each on its report with
// the filters and position its webview saved (setState);
// `onWebviewPanel:findings.reader` activates the extension for them.
import * as vscode from 'vscode';
import { READER_VIEW_TYPE } from '../../protocol';

export interface RevivesReaders {
  revive(panel: vscode.WebviewPanel, state: unknown): void;
}

export function readerSerializer(panels: RevivesReaders): vscode.WebviewPanelSerializer {
  return {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
      panels.revive(panel, state);
    },
  };
}

export function registerReaderSerializer(serializer: vscode.WebviewPanelSerializer): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(READER_VIEW_TYPE, serializer);
}
