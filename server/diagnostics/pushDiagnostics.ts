// Push diagnostics (`textDocument/publishDiagnostics`), for clients that do
// not pull: open reports are validated on type (after a debounce) or on save;
// reports that are not open are published once the settings are known, so
// that the Problems panel lists the whole workspace, `.findingsignore`d
// reports included. Whatever was published for a file is cleared when it goes.
import type { Connection } from 'vscode-languageserver/node';
import { cooperative, logFailure } from '../guard';
import type { ReportWorkspace } from '../reportWorkspace';
import { normalizeUri } from '../uris';
import { codebookDiagnostics, reportDiagnostics, type DiagnosticsDelivery, type DiagnosticsOptions } from './lspDiagnostics';

export class PushDiagnostics implements DiagnosticsDelivery {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The URIs with diagnostics shown, to clear them when they go. */
  private readonly published = new Set<string>();
  /** The version of each open document as last opened or saved, for `onSave`. */
  private readonly savedVersions = new Map<string, number>();
  /** Whether reports that are not open are published yet (after the first settings). */
  private publishingClosed = false;
  /** What was last published for each report that is not open (its report object, or null once gone), to send nothing twice. */
  private readonly closedResults = new Map<string, object | null>();

  constructor(private readonly connection: Connection, private readonly workspace: ReportWorkspace, private readonly options: DiagnosticsOptions) {
    workspace.onDidChange((change) => {
      if (change.kind === 'codebook') this.refresh();
      else if (change.kind === 'files') this.refreshReports(change.uris);
      else if (change.kind === 'scanned') void this.publishClosed(change.uris);
      // 'edited' follows the typing schedule below; 'dataset' changes no problem.
    });
    options.corpus.onDidChange((uris) => {
      for (const uri of uris) this.closedResults.delete(uri);
      this.refreshReports(uris);
    });
  }

  opened(uri: string, version: number): void {
    this.savedVersions.set(normalizeUri(uri), version);
    this.validateNow(uri);
  }

  changed(uri: string): void {
    if (this.options.settings().validate.run !== 'onType') return;
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
    this.validateNow(uri);
  }

  /** The editor's problems go with the editor; the file's on disk (if any) follow when the workspace has re-read it. */
  closed(uri: string): void {
    const key = normalizeUri(uri);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.savedVersions.delete(key);
    this.closedResults.delete(key);
    this.clear(key);
  }

  settingsChanged(): void {
    this.closedResults.clear();
    this.refresh();
  }

  /** Re-publishes the open documents, the reports that are not open and the codebooks. */
  refresh(): void {
    for (const uri of this.workspace.openUris()) this.validateNow(uri);
    void this.publishClosed(this.workspace.reports().map((entry) => entry.uri));
    this.publishCodebooks();
  }

  async start(): Promise<void> {
    this.publishCodebooks();
    this.publishingClosed = true;
    await this.workspace.ready;
    await this.publishClosed(this.workspace.reports().map((entry) => entry.uri));
  }

  /** Reports changed, appeared or went on disk. */
  private refreshReports(uris: readonly string[]): void {
    for (const uri of uris) if (this.workspace.isOpen(uri)) this.validateNow(uri);
    void this.publishClosed(uris);
  }

  /**
   * The problems of reports that are not open (cleared when they go); nothing
   * for a clean report never shown. In slices: after a scan of thousands of
   * reports, the open report's requests are answered in between.
   */
  private async publishClosed(uris: readonly string[]): Promise<void> {
    if (!this.publishingClosed) return;
    for await (const uri of cooperative(uris, undefined, 100)) {
      const key = normalizeUri(uri);
      if (this.workspace.isOpen(key) || this.workspace.codebookFolder(key)) continue;
      try {
        const entry = this.workspace.report(key);
        const result = entry?.report ?? null;
        if (this.closedResults.has(key) && this.closedResults.get(key) === result) continue;
        this.closedResults.set(key, result);
        if (entry) this.publish(key, reportDiagnostics(entry, this.options.settings(), this.options.corpus));
        else this.clear(key);
      } catch (error) {
        logFailure(this.connection, `Validating ${uri}`, error);
      }
    }
  }

  /** Validates an open document now and publishes for its version. */
  private validateNow(uri: string): void {
    try {
      const key = normalizeUri(uri);
      if (this.workspace.codebookFolder(key)) {
        this.publishCodebooks();
        return;
      }
      const document = this.workspace.openDocument(uri);
      const entry = this.workspace.report(uri);
      if (!entry || !document) return;
      this.closedResults.delete(key);
      this.connection.sendDiagnostics({ uri: key, version: document.version, diagnostics: reportDiagnostics(entry, this.options.settings(), this.options.corpus) });
      this.published.add(key);
    } catch (error) {
      logFailure(this.connection, `Validating ${uri}`, error);
    }
  }

  /** The problems of each folder's codebook file (cleared once fixed). */
  private publishCodebooks(): void {
    for (const folder of this.workspace.allFolders()) {
      const file = folder.codebook.file;
      if (file) this.publish(file.uri, codebookDiagnostics(file.text, folder.codebook.diagnostics, this.options.settings()));
    }
  }

  private publish(uri: string, diagnostics: ReturnType<typeof reportDiagnostics>): void {
    if (diagnostics.length === 0) {
      this.clear(uri);
      return;
    }
    this.connection.sendDiagnostics({ uri, diagnostics });
    this.published.add(uri);
  }

  private clear(uri: string): void {
    if (this.published.delete(uri)) this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
