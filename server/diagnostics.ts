import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticParams,
  type WorkspaceDocumentDiagnosticReport,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver/node';
import { LineIndex, toPortableDiagnostics, type Diagnostic, type PortableDiagnostic, type Severity } from '../core';
import { cooperative, guard, logFailure, throwIfCancelled } from './guard';
import type { ReportEntry, ReportWorkspace } from './reportWorkspace';
import type { Settings } from './settings';
import { normalizeUri } from './uris';

export const SOURCE = 'findings';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

/** What a diagnostic carries for code actions: its fixes, in the document version it was computed for. */
export interface DiagnosticData {
  readonly version: number | null;
  readonly fixes: PortableDiagnostic['fixes'];
}

/**
 * The core's diagnostics as LSP diagnostics: the portable ranges of
 * `findings check --format json`, the rule id as `code`, the same message.
 */
export function toLspDiagnostics(text: string, diagnostics: readonly Diagnostic[], lines: LineIndex, maxProblems: number, version: number | null): LspDiagnostic[] {
  return toPortableDiagnostics(text, diagnostics.slice(0, maxProblems), lines).map((diagnostic) => ({
    range: diagnostic.range,
    severity: SEVERITIES[diagnostic.severity],
    code: diagnostic.rule,
    source: SOURCE,
    message: diagnostic.message,
    data: { version, fixes: diagnostic.fixes } satisfies DiagnosticData,
  }));
}

export interface DiagnosticsOptions {
  readonly pull: boolean;
  readonly refreshSupport: boolean;
  readonly settings: () => Settings;
}

/**
 * Runs validation on type (after a debounce) or on save, and delivers it:
 * pushed with `textDocument/publishDiagnostics`, or pulled by the client
 * with `textDocument/diagnostic` and, for files that are not open,
 * `workspace/diagnostic`. Reports that are not open are delivered too (in
 * push mode once the settings are read), so that the Problems panel lists
 * the whole workspace, `.findingsignore`d reports included.
 */
export class DiagnosticsController {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Push mode: the URIs with diagnostics shown, to clear them when they go. */
  private readonly published = new Set<string>();
  /** The version of each open document as last opened or saved, for `onSave`. */
  private readonly savedVersions = new Map<string, number>();
  private readonly resultIds = new WeakMap<object, string>();
  private nextResultId = 1;
  private settingsGeneration = 0;
  /** Push mode: whether reports that are not open are published yet (after the first settings). */
  private publishingClosed = false;
  /** Push mode: what was last published for each report that is not open, to send nothing twice. */
  private readonly closedResults = new Map<string, string>();

  constructor(private readonly connection: Connection, private readonly workspace: ReportWorkspace, private readonly options: DiagnosticsOptions) {
    workspace.onDidChange((change) => {
      if (change.kind === 'codebook') this.refresh();
      else if (change.kind === 'files') this.refresh(change.uris);
      else if (change.kind === 'scanned' && !this.options.pull) this.publishClosed(change.uris);
      // 'edited' follows the typing schedule below; 'dataset' changes no problem.
    });
    if (options.pull) {
      connection.languages.diagnostics.on(guard(connection, 'textDocument/diagnostic', (params: DocumentDiagnosticParams, token) => this.pullDocument(params, token)));
      connection.languages.diagnostics.onWorkspace(guard(connection, 'workspace/diagnostic', (params: WorkspaceDiagnosticParams, token) => this.pullWorkspace(params, token)));
    }
  }

  get pull(): boolean {
    return this.options.pull;
  }

  // ------------------------------------------------------------ events

  opened(uri: string, version: number): void {
    this.savedVersions.set(normalizeUri(uri), version);
    if (!this.options.pull) this.validateNow(uri);
  }

  changed(uri: string): void {
    if (this.options.pull || this.options.settings().validate.run !== 'onType') return;
    const key = normalizeUri(uri);
    const version = this.workspace.openDocument(uri)?.version;
    // The change event that comes with opening: validated already.
    if (version === this.savedVersions.get(key) && !this.timers.has(key)) return;
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      // A newer change has its own timer; this one is stale.
      if (this.workspace.openDocument(uri)?.version === version) this.validateNow(uri);
    }, this.options.settings().validate.debounceMs));
  }

  saved(uri: string, version: number): void {
    this.savedVersions.set(normalizeUri(uri), version);
    if (!this.options.pull) this.validateNow(uri);
  }

  closed(uri: string): void {
    const key = normalizeUri(uri);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.savedVersions.delete(key);
    this.closedResults.delete(key);
    if (!this.options.pull && this.published.delete(key)) this.connection.sendDiagnostics({ uri: key, diagnostics: [] });
  }

  /** Settings changed: everything is delivered again with the new limits. */
  settingsChanged(): void {
    this.settingsGeneration++;
    this.refresh();
  }

  /**
   * Delivers again after the codebook, the settings or files on disk changed:
   * asks the client to pull, or re-publishes open documents (and codebook files).
   */
  refresh(uris?: readonly string[]): void {
    if (this.options.pull) {
      if (this.options.refreshSupport) this.connection.languages.diagnostics.refresh().catch((error: unknown) => logFailure(this.connection, 'workspace/diagnostic/refresh', error));
      return;
    }
    const targets = uris ?? this.workspace.openUris();
    for (const uri of targets) if (this.workspace.isOpen(uri)) this.validateNow(uri);
    this.publishClosed(uris ?? this.workspace.reports().map((entry) => entry.uri));
    if (!uris) this.publishCodebooks();
  }

  /**
   * Push mode: starts publishing the reports that are not open, once the
   * settings (and so the codebooks) are known, so that no problem computed
   * with the wrong codebook flashes by.
   */
  async publishWorkspace(): Promise<void> {
    if (this.options.pull) return;
    this.publishingClosed = true;
    await this.workspace.ready;
    this.publishClosed(this.workspace.reports().map((entry) => entry.uri));
  }

  /** Push mode: the problems of reports that are not open (cleared when they go); nothing for a clean report never shown. */
  private publishClosed(uris: readonly string[]): void {
    if (this.options.pull || !this.publishingClosed) return;
    for (const uri of uris) {
      const key = normalizeUri(uri);
      if (this.workspace.isOpen(key) || this.workspace.codebookFolder(key)) continue;
      try {
        const entry = this.workspace.report(key);
        const resultId = entry ? this.resultIdOf(entry.report) : 'gone';
        if (this.closedResults.get(key) === resultId) continue;
        const diagnostics = entry ? this.diagnosticsOf(entry) : [];
        this.closedResults.set(key, resultId);
        if (diagnostics.length === 0 && !this.published.has(key)) continue;
        this.connection.sendDiagnostics({ uri: key, diagnostics });
        if (diagnostics.length > 0) this.published.add(key);
        else this.published.delete(key);
      } catch (error) {
        logFailure(this.connection, `Validating ${uri}`, error);
      }
    }
  }

  /** Push mode: validates an open document now and publishes for its version. */
  validateNow(uri: string): void {
    try {
      const document = this.workspace.openDocument(uri);
      const key = normalizeUri(uri);
      const codebookFolder = this.workspace.codebookFolder(key);
      if (codebookFolder) {
        this.publishCodebooks();
        return;
      }
      const entry = this.workspace.report(uri);
      if (!entry || !document) return;
      this.closedResults.delete(key);
      this.connection.sendDiagnostics({ uri: key, version: document.version, diagnostics: this.diagnosticsOf(entry) });
      this.published.add(key);
    } catch (error) {
      logFailure(this.connection, `Validating ${uri}`, error);
    }
  }

  /** Push mode: the problems of each folder's codebook.yaml (cleared once fixed). */
  publishCodebooks(): void {
    if (this.options.pull) return;
    for (const folder of this.workspace.allFolders()) {
      const file = folder.codebook.file;
      if (!file) continue;
      const diagnostics = this.codebookDiagnostics(folder.codebook.file!.text, folder.codebook.diagnostics);
      if (diagnostics.length === 0 && !this.published.has(file.uri)) continue;
      this.connection.sendDiagnostics({ uri: file.uri, diagnostics });
      if (diagnostics.length > 0) this.published.add(file.uri);
      else this.published.delete(file.uri);
    }
  }

  diagnosticsOf(entry: ReportEntry): LspDiagnostic[] {
    return toLspDiagnostics(entry.report.text, entry.report.diagnostics, entry.lines, this.options.settings().maxProblems, entry.version);
  }

  private codebookDiagnostics(text: string, diagnostics: readonly Diagnostic[]): LspDiagnostic[] {
    return toLspDiagnostics(text, diagnostics, new LineIndex(text), this.options.settings().maxProblems, null);
  }

  // ------------------------------------------------------------ pull

  private resultIdOf(value: object): string {
    let id = this.resultIds.get(value);
    if (!id) {
      id = String(this.nextResultId++);
      this.resultIds.set(value, id);
    }
    return `${this.settingsGeneration}.${id}`;
  }

  private async pullDocument(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    const key = normalizeUri(uri);
    const codebookFolder = this.workspace.codebookFolder(key);
    if (codebookFolder) {
      const state = codebookFolder.codebook;
      return { kind: DocumentDiagnosticReportKind.Full, resultId: this.resultIdOf(state), items: state.file ? this.codebookDiagnostics(state.file.text, state.diagnostics) : [] };
    }
    const document = this.workspace.openDocument(uri);
    const settings = this.options.settings();
    if (document && settings.validate.run === 'onSave' && params.previousResultId !== undefined && this.savedVersions.get(key) !== document.version) {
      // Validation runs on save: keep what the client shows until then.
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: params.previousResultId };
    }
    if (document && settings.validate.run === 'onType' && settings.validate.debounceMs > 0 && this.savedVersions.get(key) !== document.version) {
      // Typing: answer once the document has been still for the debounce time (a newer change cancels this pull).
      const version = document.version;
      await new Promise((resolve) => setTimeout(resolve, settings.validate.debounceMs));
      throwIfCancelled(token);
      if (this.workspace.openDocument(uri)?.version !== version) {
        throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed', { retriggerRequest: true });
      }
    }
    const entry = this.workspace.report(uri);
    if (!entry) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const resultId = this.resultIdOf(entry.report);
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: this.diagnosticsOf(entry) };
  }

  /** Reports that are not open (open ones are pulled one by one), and the workspace codebooks. */
  private async pullWorkspace(params: WorkspaceDiagnosticParams, token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    await this.workspace.ready;
    throwIfCancelled(token);
    const previous = new Map(params.previousResultIds.map((entry) => [normalizeUri(entry.uri), entry.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const seen = new Set<string>();
    for await (const entry of cooperative(this.workspace.reports(), token, 50)) {
      if (this.workspace.isOpen(entry.uri)) continue;
      seen.add(entry.uri);
      const resultId = this.resultIdOf(entry.report);
      if (previous.get(entry.uri) === resultId) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri: entry.uri, version: null, resultId });
      else items.push({ kind: DocumentDiagnosticReportKind.Full, uri: entry.uri, version: null, resultId, items: this.diagnosticsOf(entry) });
    }
    for (const folder of this.workspace.allFolders()) {
      const file = folder.codebook.file;
      if (!file || this.workspace.isOpen(file.uri)) continue;
      seen.add(file.uri);
      const resultId = this.resultIdOf(folder.codebook);
      if (previous.get(file.uri) === resultId) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri: file.uri, version: null, resultId });
      else items.push({ kind: DocumentDiagnosticReportKind.Full, uri: file.uri, version: null, resultId, items: this.codebookDiagnostics(file.text, folder.codebook.diagnostics) });
    }
    // Files that are gone: clear what the client still shows for them, once.
    for (const [uri, resultId] of previous) {
      if (seen.has(uri) || this.workspace.isOpen(uri) || resultId === 'gone') continue;
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: 'gone', items: [] });
    }
    return { items };
  }
}
