// PLACEHOLDER (replaced by "Add Memo to Passage…").
import * as vscode from 'vscode';
import type { FindingsServer } from '../languageClient';

export function registerAddMemo(server: FindingsServer): vscode.Disposable {
  void server;
  return new vscode.Disposable(() => undefined);
}
