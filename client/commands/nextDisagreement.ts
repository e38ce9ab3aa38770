// "Findings: Go to Next Disagreement": in a reference report, the cursor to
// the next candidate still to settle after it (the first again after the
// last), shown in the middle of the editor, where its code actions are.
import * as vscode from 'vscode';
import { CANDIDATE_RULE, Commands } from '../../protocol';
import { isReport } from '../settings';

export function registerNextDisagreement(): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.nextDisagreement, () => nextDisagreement());
}

/** Moves the cursor; resolves to the candidate's range, or undefined when there is none. */
export function nextDisagreement(): vscode.Range | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isReport(editor.document)) {
    void vscode.window.showInformationMessage('Go to Next Disagreement works in a reference report: run "Findings: Adjudicate Annotators\' Copies…" on a copy of the article first.');
    return undefined;
  }
  const candidates = vscode.languages.getDiagnostics(editor.document.uri)
    .filter((diagnostic) => codeOf(diagnostic) === CANDIDATE_RULE)
    .sort((a, b) => a.range.start.compareTo(b.range.start));
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage('Every disagreement is settled.');
    return undefined;
  }
  const cursor = editor.selection.active;
  const next = candidates.find((diagnostic) => diagnostic.range.start.isAfter(cursor)) ?? candidates[0];
  editor.selection = new vscode.Selection(next.range.start, next.range.start);
  editor.revealRange(next.range, vscode.TextEditorRevealType.InCenter);
  return next.range;
}

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}
