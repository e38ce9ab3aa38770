// The status bar item of an inspection report: its span counts (from
// `findings/documentCounts`) and its problems, e.g.
//   $(tag) 21 spans · 8 weakness · 7 strength  $(error) 2
// Refreshed when the active editor changes, and when the server says the
// report's results changed (`findings/indexChanged`, sent once edits pause):
// the server decides when counts are worth asking for, the client never
// guesses its debounce. Clicking it opens the summary panel.
import * as vscode from 'vscode';
import { Commands, DocumentCountsRequest, IndexChangedNotification, type DocumentCountsResult, type IndexChangedParams } from '../protocol';
import type { FindingsServer } from './languageClient';
import { isReport } from './settings';

/** How many codes the item names; the tooltip lists them all. */
const CODES_SHOWN = 2;

/** What the item shows, for the extension's API (tests). */
export interface StatusBarState {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
  /** The document the counts are of. */
  readonly uri: string | undefined;
  readonly counts: DocumentCountsResult | undefined;
}

export class CountsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('findings.counts', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private readonly updatedEmitter = new vscode.EventEmitter<StatusBarState>();
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private current: StatusBarState = { visible: false, text: '', tooltip: '', uri: undefined, counts: undefined };

  /** Fires after each refresh with what the item now shows. */
  readonly onDidUpdate = this.updatedEmitter.event;

  constructor(private readonly server: FindingsServer) {
    this.item.name = 'Inspection Findings: span counts';
    this.item.command = { command: Commands.showSummary, title: 'Show the summary of the report' };
    this.disposables.push(
      this.updatedEmitter,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      server.onNotification(IndexChangedNotification, (params) => this.indexChanged(params)),
      vscode.workspace.onDidOpenTextDocument((document) => {
        // A language change (the document is re-opened with its new language).
        if (document === vscode.window.activeTextEditor?.document) this.schedule(0);
      }),
      server.onDidStart(() => this.schedule(0)),
    );
    this.schedule(0);
  }

  get state(): StatusBarState {
    return this.current;
  }

  /** Refreshes now; resolves with what the item shows. */
  async refresh(): Promise<StatusBarState> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    if (!isReport(document)) {
      this.item.hide();
      return this.publish({ visible: false, text: '', tooltip: '', uri: undefined, counts: undefined });
    }
    let counts: DocumentCountsResult | null = null;
    // Never (re)start a server from here: after a failed start, edits would retry it again and again.
    if (this.server.isRunning) try {
      counts = await this.server.request(DocumentCountsRequest, { uri: document.uri.toString() });
    } catch {
      counts = null; // the server is not running; the output channel says why
    }
    // A newer refresh has started meanwhile: it will publish.
    if (generation !== this.generation) return this.current;
    if (!counts) {
      this.item.hide();
      return this.publish({ visible: false, text: '', tooltip: '', uri: document.uri.toString(), counts: undefined });
    }
    const text = statusText(counts);
    const tooltip = tooltipMarkdown(counts, document);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: accessibleText(counts) };
    this.item.show();
    return this.publish({ visible: true, text, tooltip: tooltip.value, uri: document.uri.toString(), counts });
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** The server's results changed: refresh when they are the active report's (or every report's). */
  private indexChanged(params: IndexChangedParams): void {
    const active = vscode.window.activeTextEditor?.document;
    if (!isReport(active)) return;
    const uris = Array.isArray(params?.uris) ? params.uris : [];
    if (uris.length === 0 || uris.some((uri) => sameUri(uri, active.uri))) this.schedule(0);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delayMs);
  }

  private publish(state: StatusBarState): StatusBarState {
    this.current = state;
    this.updatedEmitter.fire(state);
    return state;
  }
}

function sameUri(uri: string, other: vscode.Uri): boolean {
  try {
    return vscode.Uri.parse(uri).toString() === other.toString();
  } catch {
    return false;
  }
}

/** Codes by count, most used first (ties by name). */
function sortedCodes(counts: DocumentCountsResult): Array<[string, number]> {
  return Object.entries(counts.byCode)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function statusText(counts: DocumentCountsResult): string {
  const parts = [`$(tag) ${plural(counts.spans, 'span')}`];
  for (const [code, n] of sortedCodes(counts).slice(0, CODES_SHOWN)) parts.push(`${n} ${code}`);
  let text = parts.join(' · ');
  if (counts.errors > 0) text += `  $(error) ${counts.errors}`;
  if (counts.warnings > 0) text += `  $(warning) ${counts.warnings}`;
  return text;
}

function accessibleText(counts: DocumentCountsResult): string {
  const codes = sortedCodes(counts).map(([code, n]) => `${n} ${code}`).join(', ');
  return `${plural(counts.spans, 'span')}${codes ? `: ${codes}` : ''}; ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`;
}

function tooltipMarkdown(counts: DocumentCountsResult, document: vscode.TextDocument): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  const name = document.uri.path.split('/').pop() ?? document.uri.toString();
  md.appendMarkdown(`**${escape(name)}**: ${plural(counts.spans, 'span')}\n\n`);
  const codes = sortedCodes(counts);
  if (codes.length > 0) {
    md.appendMarkdown('| code | spans |\n|:--|--:|\n');
    for (const [code, n] of codes) md.appendMarkdown(`| ${escape(code)} | ${n} |\n`);
    md.appendMarkdown('\n');
  }
  const problems = counts.errors + counts.warnings === 0
    ? '$(check) No problems'
    : `$(error) ${plural(counts.errors, 'error')}, $(warning) ${plural(counts.warnings, 'warning')}`;
  md.appendMarkdown(`${problems}\n\nClick to show the summary.`);
  return md;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
