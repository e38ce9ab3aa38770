// PLACEHOLDER (replaced by the reader's host side): the coded reader's panels.
import * as vscode from 'vscode';
import type { FindingsServer } from '../languageClient';

export class ReaderPanels implements vscode.Disposable {
  constructor(readonly context: vscode.ExtensionContext, readonly server: FindingsServer, readonly output: vscode.LogOutputChannel) {}
  dispose(): void {}
}
