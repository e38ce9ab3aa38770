// PLACEHOLDER (replaced by the Memos view): every memo of the workspace.
import * as vscode from 'vscode';
import type { FindingsServer } from '../languageClient';

export class MemosView implements vscode.Disposable {
  constructor(readonly server: FindingsServer, readonly output: vscode.LogOutputChannel) {}
  dispose(): void {}
}
