// Pull diagnostics: the client asks with `textDocument/diagnostic` for open
// documents and `workspace/diagnostic` for the rest (the Problems panel lists
// the whole workspace, `.findingsignore`d reports included). The server asks
// the client to pull again (`workspace/diagnostic/refresh`) when files, the
// codebook or the settings change.
//
// A file that goes (deleted, renamed, moved) must leave nothing behind. The
// client only names the files it holds result ids for, and it drops them when
// a document closes after its last document pull, so the server itself
// remembers every file it gave problems to and clears those that are gone.
// And the client stops pulling a document when its tab closes, while the
// editor may keep the document open long after: so the workspace pull covers
// open documents too (the client prefers its document pulls while the tab
// shows), and an open document whose file was deleted has no problems there.
import { existsSync } from 'node:fs';
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { cooperative, guard, logFailure, throwIfCancelled } from '../guard';
import { array, object, optional, string, textDocumentIdentifier } from '../paramShapes';
import type { ReportWorkspace } from '../reportWorkspace';
import { fsPathOf, normalizeUri } from '../uris';
import { codebookDiagnostics, reportDiagnostics, type DiagnosticsDelivery, type DiagnosticsOptions } from './lspDiagnostics';

/** The result id of a file that is gone: its problems were cleared. */
const GONE = 'gone';

/** An open document's file that is no longer on disk (deleted, or renamed outside the editor). */
function deletedFromDisk(uri: string): boolean {
  const fsPath = fsPathOf(uri);
  return fsPath !== undefined && !existsSync(fsPath);
}

export interface PullOptions extends DiagnosticsOptions {
  /** Whether the client takes `workspace/diagnostic/refresh`. */
  readonly refreshSupport: boolean;
}

export class PullDiagnostics implements DiagnosticsDelivery {
  /** The version of each open document as last opened or saved, for `onSave` and the typing pause. */
  private readonly savedVersions = new Map<string, number>();
  private readonly resultIds = new WeakMap<object, string>();
  private nextResultId = 1;
  private settingsGeneration = 0;
  /** Files the client was given problems for (by either pull), until it is told they have none. */
  private readonly shown = new Set<string>();

  constructor(private readonly connection: Connection, private readonly workspace: ReportWorkspace, private readonly options: PullOptions) {
    workspace.onDidChange((change) => {
      if (change.kind === 'codebook' || change.kind === 'files') this.refresh();
    });
    options.corpus.onDidChange(() => this.refresh());
    connection.languages.diagnostics.on(guard(connection, 'textDocument/diagnostic', { textDocument: textDocumentIdentifier, previousResultId: optional(string) }, (params: DocumentDiagnosticParams, token) => this.pullDocument(params, token)));
    connection.languages.diagnostics.onWorkspace(guard(connection, 'workspace/diagnostic', { previousResultIds: array(object({ uri: string, value: string })) }, (params: WorkspaceDiagnosticParams, token) => this.pullWorkspace(params, token)));
  }

  opened(uri: string, version: number): void {
    this.savedVersions.set(normalizeUri(uri), version);
  }

  changed(): void {
    // The client pulls after each change; `pullDocument` waits for the typing pause.
  }

  saved(uri: string, version: number): void {
    this.savedVersions.set(normalizeUri(uri), version);
  }

  closed(uri: string): void {
    this.savedVersions.delete(normalizeUri(uri));
  }

  settingsChanged(): void {
    this.settingsGeneration++;
    this.refresh();
  }

  /** Asks the client to pull again. */
  refresh(): void {
    if (!this.options.refreshSupport) return;
    this.connection.languages.diagnostics.refresh().catch((error: unknown) => logFailure(this.connection, 'workspace/diagnostic/refresh', error));
  }

  async start(): Promise<void> {
    // The client pulls the workspace on its own schedule.
  }

  private resultIdOf(value: object): string {
    let id = this.resultIds.get(value);
    if (!id) {
      id = String(this.nextResultId++);
      this.resultIds.set(value, id);
    }
    // A report's problems with others change without the report: the corpus's version is part of the id.
    return `${this.settingsGeneration}.${this.options.corpus.version}.${id}`;
  }

  private full<T extends { kind: 'full'; items: readonly unknown[] }>(uri: string, report: T): T {
    // An open document stays: while its tab shows, the client takes its document pulls over the workspace's.
    if (report.items.length > 0 || this.workspace.isOpen(uri)) this.shown.add(uri);
    else this.shown.delete(uri);
    return report;
  }

  private async pullDocument(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    const key = normalizeUri(uri);
    const settings = this.options.settings();
    const codebookFolder = this.workspace.codebookFolder(key);
    if (codebookFolder) {
      const state = codebookFolder.codebook;
      return this.full(key, { kind: DocumentDiagnosticReportKind.Full, resultId: this.resultIdOf(state), items: state.file ? codebookDiagnostics(state.file.text, state.diagnostics, settings) : [] });
    }
    const document = this.workspace.openDocument(uri);
    if (document && settings.validate.run === 'onSave' && params.previousResultId !== undefined && this.savedVersions.get(key) !== document.version) {
      // Validation runs on save: keep what the client shows until then.
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: params.previousResultId };
    }
    if (document && settings.validate.run === 'onType' && settings.validate.debounceMs > 0 && this.savedVersions.get(key) !== document.version) {
      // Typing: answer once the document has been still for the debounce time (a newer change cancels this pull).
      const version = document.version;
      await new Promise((resolve) => setTimeout(resolve, settings.validate.debounceMs));
      throwIfCancelled(token);
      const now = this.workspace.openDocument(uri);
      // Edited meanwhile: the client pulls again. Closed meanwhile: answer for the file on disk (or its absence).
      if (now && now.version !== version) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed', { retriggerRequest: true });
    }
    const entry = this.workspace.report(uri);
    if (!entry) return this.full(key, { kind: DocumentDiagnosticReportKind.Full, items: [] });
    const resultId = this.resultIdOf(entry.report);
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return this.full(key, { kind: DocumentDiagnosticReportKind.Full, resultId, items: reportDiagnostics(entry, settings, this.options.corpus) });
  }

  /** Every report (open ones for their version), the workspace codebooks, and the files gone since. */
  private async pullWorkspace(params: WorkspaceDiagnosticParams, token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    await this.workspace.ready;
    throwIfCancelled(token);
    const settings = this.options.settings();
    const previous = new Map(params.previousResultIds.map((entry) => [normalizeUri(entry.uri), entry.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const present = new Set<string>();
    for await (const entry of cooperative(this.workspace.reports(), token, 50)) {
      if (entry.version !== null && deletedFromDisk(entry.uri)) continue; // gone, below
      present.add(entry.uri);
      // Validation on save: an open document's unsaved text is not validated yet.
      if (entry.version !== null && settings.validate.run === 'onSave' && this.savedVersions.get(entry.uri) !== entry.version) continue;
      const resultId = this.resultIdOf(entry.report);
      if (previous.get(entry.uri) === resultId) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri: entry.uri, version: entry.version, resultId });
      else items.push(this.full(entry.uri, { kind: DocumentDiagnosticReportKind.Full, uri: entry.uri, version: entry.version, resultId, items: reportDiagnostics(entry, settings, this.options.corpus) }));
    }
    for (const folder of this.workspace.allFolders()) {
      const file = folder.codebook.file;
      if (!file) continue;
      present.add(file.uri);
      const version = this.workspace.openDocument(file.uri)?.version ?? null;
      const resultId = this.resultIdOf(folder.codebook);
      if (previous.get(file.uri) === resultId) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri: file.uri, version, resultId });
      else items.push(this.full(file.uri, { kind: DocumentDiagnosticReportKind.Full, uri: file.uri, version, resultId, items: codebookDiagnostics(file.text, folder.codebook.diagnostics, settings) }));
    }
    // Files that are gone: clear what the client still shows for them (once; for an open document, until it closes).
    const gone = new Set([...this.shown].filter((uri) => !present.has(uri)));
    for (const [uri, resultId] of previous) if (resultId !== GONE && !present.has(uri)) gone.add(uri);
    for (const uri of gone) items.push(this.full(uri, { kind: DocumentDiagnosticReportKind.Full, uri, version: this.workspace.openDocument(uri)?.version ?? null, resultId: GONE, items: [] }));
    return { items };
  }
}
