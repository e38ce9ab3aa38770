// The status bar item of a report that other annotators have coded too:
// how many other copies of its article (same clean text) the workspace
// holds, from `findings/articleCopies`; clicking it offers "Compare
// Annotations" first, then each copy to open beside the report. Hidden for
// a report without other copies.
import * as vscode from 'vscode';
import { ArticleCopiesRequest, Commands, IndexChangedNotification, type ArticleCopiesResult, type ArticleCopy } from '../protocol';
import type { FindingsServer } from './languageClient';
import { isReport } from './settings';


export interface CopiesState {
  readonly visible: boolean;
  readonly text: string;
  readonly uri: string | undefined;
  readonly copies: ArticleCopiesResult | undefined;
}

export class CopiesStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('findings.copies', vscode.StatusBarAlignment.Right, 99);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private readonly updatedEmitter = new vscode.EventEmitter<CopiesState>();
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private current: CopiesState = { visible: false, text: '', uri: undefined, copies: undefined };
  readonly onDidUpdate = this.updatedEmitter.event;

  constructor(private readonly server: FindingsServer) {
    this.item.name = 'Inspection Findings: other annotators\' copies';
    this.item.command = Commands.showArticleCopies;
    this.disposables.push(
      this.updatedEmitter,
      vscode.commands.registerCommand(Commands.showArticleCopies, () => this.pick()),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      // Copies appear, go or change their text anywhere in the workspace: ask again once edits pause.
      server.onNotification(IndexChangedNotification, () => this.schedule(100)),
      server.onDidStart(() => this.schedule(0)),
    );
    this.schedule(0);
  }

  get state(): CopiesState {
    return this.current;
  }

  async refresh(): Promise<CopiesState> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    let copies: ArticleCopiesResult | null = null;
    if (isReport(document) && this.server.isRunning) {
      try {
        copies = await this.server.request(ArticleCopiesRequest, { uri: document.uri.toString() });
      } catch {
        copies = null; // the output channel says why
      }
    }
    if (generation !== this.generation) return this.current;
    if (!document || !copies || copies.others.length === 0) {
      this.item.hide();
      return this.publish({ visible: false, text: '', uri: document?.uri.toString(), copies: copies ?? undefined });
    }
    const count = copies.others.filter((copy) => !copy.reference).length;
    const hasReference = copies.others.some((copy) => copy.reference);
    const text = count === 0 ? '$(people) reference report' : `$(people) ${count} other ${count === 1 ? 'copy' : 'copies'}${hasReference ? ' · adjudicated' : ''}`;
    this.item.text = text;
    const lines = copies.others.map((copy) => `- ${copy.reference ? 'reference report' : copy.annotator ?? '(no annotator)'}: ${copy.path}`);
    this.item.tooltip = new vscode.MarkdownString(`Other copies of this article (same clean text):\n\n${lines.join('\n')}\n\nClick to open one beside this report.`);
    this.item.accessibilityInformation = { label: `${count} other annotators' ${count === 1 ? 'copy' : 'copies'} of this article${hasReference ? ', and its reference report' : ''}` };
    this.item.show();
    return this.publish({ visible: true, text, uri: document.uri.toString(), copies });
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private async pick(): Promise<void> {
    const copies = this.current.copies?.others ?? [];
    const uri = this.current.uri;
    if (copies.length === 0 || uri === undefined) return;
    // Comparing them all side by side comes first: Enter does it.
    const compare = { label: '$(diff-multiple) Compare Annotations', detail: 'All copies side by side, each passage marked agreed or how it differs, with the article\'s agreement figures' };
    const items: Array<vscode.QuickPickItem & { copy?: ArticleCopy }> = [
      compare,
      { label: 'Open a copy beside this report', kind: vscode.QuickPickItemKind.Separator },
      ...copies.map((copy) => ({ label: copy.reference ? 'Reference report (adjudicated)' : copy.annotator ?? '(no annotator)', description: copy.path, copy })),
    ];
    const chosen = await vscode.window.showQuickPick(items, { title: 'Other annotators\' copies of this article' });
    if (chosen === compare) await vscode.commands.executeCommand(Commands.compareAnnotations, vscode.Uri.parse(uri));
    else if (chosen?.copy) await vscode.window.showTextDocument(vscode.Uri.parse(chosen.copy.uri), { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delayMs);
  }

  private publish(state: CopiesState): CopiesState {
    this.current = state;
    this.updatedEmitter.fire(state);
    return state;
  }
}
