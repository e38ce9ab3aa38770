// Codes visible in the editor: every visible report editor gets a tint over
// each coded passage in its code's colour, marks in the overview ruler, an
// edge per code where a passage has several, and (when the markup is dimmed)
// lower contrast on its `[` and `]{…}`. What is coded where comes from the
// server (`findings/passages`); the client parses nothing.
//
// Asked again when an editor shows a report, 100 ms after its text changes,
// when the server's results change (`findings/indexChanged`: a codebook's
// colours) and when the server restarts; the settings re-apply the last
// answers without asking.
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import { IndexChangedNotification, type IndexChangedParams, type PassagesResult } from '../../protocol';
import type { FindingsServer } from '../languageClient';
import { isReport } from '../settings';
import { decorationPlan } from './decorationPlan';
import { DecorationsProbe } from './decorationsProbe';
import { DecorationTypes } from './decorationTypes';
import { affectsDecorationSettings, currentDecorationSettings } from './editorSettings';
import { MarkupToggle } from './markupToggle';
import { PassageRequests } from './passageRequests';

/** The pause in typing after which a report's passages are asked for. */
const EDIT_DEBOUNCE_MS = 100;

const makeRange = (startLine: number, startCharacter: number, endLine: number, endCharacter: number) => new vscode.Range(startLine, startCharacter, endLine, endCharacter);

export class CodeDecorations implements vscode.Disposable {
  readonly markupToggle = new MarkupToggle();
  private settings = currentDecorationSettings();
  private readonly types = new DecorationTypes(this.settings);
  /** The last answer for each open report, to re-apply when an editor shows it again or the settings change. */
  private readonly answers = new Map<string, PassagesResult>();
  private readonly requests: PassageRequests;
  /** The answer each editor shows, so that an editor shown again is decorated only when it lost its decorations. */
  private shown = new WeakMap<vscode.TextEditor, PassagesResult>();
  private readonly disposables: vscode.Disposable[];
  /** What was applied where, for the tests (test builds only). */
  readonly probe = FINDINGS_TEST_SEAMS ? new DecorationsProbe() : undefined;

  constructor(server: FindingsServer, output: vscode.LogOutputChannel) {
    this.requests = new PassageRequests(server, output, (document, result, receivedAt) => this.answered(document, result, receivedAt));
    this.disposables = [
      this.markupToggle,
      this.types,
      this.requests,
      vscode.window.onDidChangeVisibleTextEditors(() => this.showVisible()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && isReport(event.document) && this.isVisible(event.document)) this.requests.schedule(event.document, EDIT_DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri.toString())),
      // A document whose language became the reports' is opened again, in the editors that show it.
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (isReport(document) && this.isVisible(document)) this.requests.schedule(document, 0);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsDecorationSettings(event)) this.settingsChanged();
      }),
      server.onNotification(IndexChangedNotification, (params) => this.indexChanged(params)),
      server.onDidStart(() => this.askVisible()),
    ];
    if (this.probe) this.disposables.push(this.probe);
    this.askVisible();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.answers.clear();
  }

  private answered(document: vscode.TextDocument, result: PassagesResult | null, receivedAt: number): void {
    const uri = document.uri.toString();
    if (result) this.answers.set(uri, result);
    else this.answers.delete(uri);
    this.apply(document, result, receivedAt);
  }

  /** Sets every layer of the plan on the document's visible editors, and clears the layers it leaves out. */
  private apply(document: vscode.TextDocument, result: PassagesResult | null, since: number): void {
    const editors = this.editorsOf(document);
    if (editors.length === 0) return;
    const plan = result ? decorationPlan(result, this.settings, makeRange) : undefined;
    const layers = plan?.layers ?? [];
    const keys = new Set(layers.map((layer) => layer.key));
    for (const editor of editors) {
      for (const layer of layers) editor.setDecorations(this.types.get(layer.key, layer.style), layer.ranges);
      for (const [key, type] of this.types.entries()) if (!keys.has(key)) editor.setDecorations(type, []);
      if (result) this.shown.set(editor, result);
      else this.shown.delete(editor);
    }
    const applyMs = performance.now() - since;
    if (FINDINGS_TEST_SEAMS && result && plan) {
      this.probe?.recordApply({ uri: document.uri.toString(), version: result.version, settings: this.settings, passages: result, plan, applyMs, editors: editors.length });
    }
  }

  /** Editors that show a report: the last answer when it is of the current text, else a new request. */
  private showVisible(): void {
    for (const document of this.visibleReports()) this.applyOrAsk(document);
  }

  private applyOrAsk(document: vscode.TextDocument): void {
    const answer = this.answers.get(document.uri.toString());
    if (answer && answer.version === document.version) {
      if (!this.editorsOf(document).every((editor) => this.shown.get(editor) === answer)) this.apply(document, answer, performance.now());
    } else this.requests.schedule(document, 0);
  }

  private askVisible(): void {
    for (const document of this.visibleReports()) this.requests.schedule(document, 0);
  }

  private indexChanged(params: IndexChangedParams): void {
    const uris = Array.isArray(params?.uris) ? new Set(params.uris.map(normalizedUri)) : new Set<string>();
    for (const document of this.visibleReports()) {
      if (uris.size === 0 || uris.has(document.uri.toString())) this.requests.schedule(document, 0);
    }
  }

  /** New opacity or markup mode: new decoration types, the last answers applied again. */
  private settingsChanged(): void {
    this.settings = currentDecorationSettings();
    // The old types went with their decorations: every editor needs the new ones.
    this.types.reset(this.settings);
    this.shown = new WeakMap();
    for (const document of this.visibleReports()) this.applyOrAsk(document);
  }

  private forget(uri: string): void {
    // A document is also closed when its language changes: an editor that still shows it keeps no tints.
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== uri) continue;
      for (const [, type] of this.types.entries()) editor.setDecorations(type, []);
      this.shown.delete(editor);
    }
    this.requests.forget(uri);
    this.answers.delete(uri);
    if (FINDINGS_TEST_SEAMS) this.probe?.forget(uri);
  }

  private visibleReports(): vscode.TextDocument[] {
    const documents = new Set<vscode.TextDocument>();
    for (const editor of vscode.window.visibleTextEditors) if (isReport(editor.document)) documents.add(editor.document);
    return [...documents];
  }

  private editorsOf(document: vscode.TextDocument): vscode.TextEditor[] {
    return vscode.window.visibleTextEditors.filter((editor) => editor.document === document);
  }

  private isVisible(document: vscode.TextDocument): boolean {
    return vscode.window.visibleTextEditors.some((editor) => editor.document === document);
  }
}

/** A URI from the server as VS Code spells it (the server may encode characters differently). */
function normalizedUri(uri: string): string {
  try {
    return vscode.Uri.parse(uri).toString();
  } catch {
    return uri;
  }
}
