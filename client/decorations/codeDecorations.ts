// PLACEHOLDER (replaced by the editor decorations): code tints, ruler marks and dimmed markup.
import * as vscode from 'vscode';
import type { FindingsServer } from '../languageClient';

export class CodeDecorations implements vscode.Disposable {
  constructor(readonly server: FindingsServer, readonly output: vscode.LogOutputChannel) {}
  dispose(): void {}
}
