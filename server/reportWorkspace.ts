import { existsSync } from 'node:fs';
import path from 'node:path';
import { FileChangeType, type CancellationToken, type FileEvent, type WorkspaceFolder } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CODEBOOK_FILE,
  codebookFileName,
  createDatasetFilter,
  defaultCodebook,
  IGNORE_FILE,
  isInWalkedFolder,
  LineIndex,
  nodeFileSystem,
  NotUtf8Error,
  readUtf8File,
  REPORT_SUFFIX,
  ReportIndex,
  scanFolder,
  type IndexedReport,
} from '../core';
import { LANGUAGE_ID } from '../protocol';
import { builtinState, codebookFile, readFolderCodebook, type CodebookReading } from './folderCodebook';
import { cooperative } from './guard';
import { readSourceFile } from './sourceFiles';
import { baseName, fileUri, fsPathOf, isUnder, normalizeUri, relativePath } from './uris';
import type { Folder, ReportEntry, WorkspaceChange, WorkspaceOptions } from './workspaceTypes';

const lineIndexes = new WeakMap<IndexedReport, LineIndex>();
/** How many line indexes of reports that are not open stay made. */
const RECENT_LINE_INDEXES = 256;
/** How many files a scan reads at once. */
const READ_BATCH = 32;

/**
 * The corpus: every `*.report.md` under the workspace folders (ignored by a
 * `.findingsignore` or not, so that their problems show), read from disk,
 * with open documents overlaying their files. Each folder has its own
 * codebook (its `codebook.yaml`, unless the workspace is untrusted) and its
 * own index, which re-validates every report when the codebook changes.
 */
export class ReportWorkspace {
  private folders: Folder[] = [];
  private readonly loose: Folder;
  private readonly listeners: Array<(change: WorkspaceChange) => void> = [];
  private readonly scans = new Map<string, Promise<void>>();
  /** Open documents by normalized URI. */
  private readonly open = new Map<string, TextDocument>();
  private readonly codebookTimers = new Map<Folder, NodeJS.Timeout>();
  private nextOrder = 0;
  /**
   * How often each report was given a text other than by a scan (opened,
   * closed, changed or gone on disk, moved to another folder): a scan applies
   * what it read only to a report untouched since it read it.
   */
  private readonly touched = new Map<string, number>();
  /** Line indexes of reports that are not open, oldest first. */
  private readonly recentLines = new Map<IndexedReport, LineIndex>();
  /** Each folder's relative paths by URI (they never change while the folder is in the workspace). */
  private readonly relativePaths = new WeakMap<Folder, Map<string, string | undefined>>();
  private readonly codebookReading: CodebookReading;

  constructor(private readonly documents: { get(uri: string): TextDocument | undefined }, private readonly options: WorkspaceOptions) {
    this.codebookReading = { trusted: options.trusted, openText: (uri) => this.open.get(uri)?.getText(), log: options.log };
    this.loose = { uri: '', fsPath: undefined, name: '', order: -1, index: new ReportIndex(defaultCodebook(), readSourceFile), codebook: builtinState(undefined, false), codebookPath: CODEBOOK_FILE, ignoreFiles: [], inDataset: () => false };
  }

  get trusted(): boolean {
    return this.options.trusted;
  }

  /** Resolves when every folder has been scanned once. */
  get ready(): Promise<void> {
    return Promise.all([...this.scans.values()]).then(() => undefined);
  }

  onDidChange(listener: (change: WorkspaceChange) => void): void {
    this.listeners.push(listener);
  }

  allFolders(): readonly Folder[] {
    return [...this.folders, this.loose];
  }

  /** The workspace folders, innermost first (without the pseudo-folder of loose files). */
  workspaceFolders(): readonly Folder[] {
    return [...this.folders];
  }

  // ------------------------------------------------------------ folders

  /** Sets the workspace folders: their codebooks load at once, their files are scanned in the background. */
  setFolders(folders: readonly WorkspaceFolder[]): void {
    for (const folder of this.folders) if (!folders.some((f) => normalizeUri(f.uri) === folder.uri)) this.removeFolder(folder.uri);
    for (const folder of folders) this.addFolder(folder);
  }

  addFolder(workspaceFolder: WorkspaceFolder): void {
    const uri = normalizeUri(workspaceFolder.uri).replace(/\/$/, '');
    if (this.folders.some((f) => f.uri === uri)) return;
    const fsPath = fsPathOf(uri);
    const codebook = readFolderCodebook(fsPath, CODEBOOK_FILE, this.codebookReading);
    const folder: Folder = { uri, fsPath, name: workspaceFolder.name, order: this.nextOrder++, index: new ReportIndex(codebook.codebook, readSourceFile), codebook, codebookPath: CODEBOOK_FILE, ignoreFiles: [], inDataset: createDatasetFilter([]) };
    this.folders.push(folder);
    this.folders.sort((a, b) => b.uri.length - a.uri.length);
    // Reports of an enclosing folder that lie in this one now belong here.
    for (const other of this.folders) {
      if (other === folder) continue;
      for (const report of other.index.all()) {
        if (!isUnder(report.path, uri)) continue;
        other.index.remove(report.path);
        this.touch(report.path);
      }
    }
    // Open documents that now belong to this folder move into its index.
    for (const [key, document] of this.open) {
      if (this.folderFor(key) === folder && this.isReport(document)) {
        for (const other of this.allFolders()) if (other !== folder) other.index.remove(key);
        this.indexOpen(folder.index, key, document);
      }
    }
    this.scans.set(uri, this.scan(folder).then((read) => {
      if (read.length > 0) this.emit({ kind: 'scanned', uris: read });
    }));
  }

  removeFolder(uri: string): void {
    const key = normalizeUri(uri).replace(/\/$/, '');
    const folder = this.folders.find((f) => f.uri === key);
    if (!folder) return;
    this.folders = this.folders.filter((f) => f !== folder);
    this.scans.delete(key);
    // An enclosing folder takes its reports back.
    for (const outer of this.folders) {
      if (!isUnder(key, outer.uri)) continue;
      const rescan = this.scan(outer).then(() => this.emit({ kind: 'files', uris: outer.index.all().filter((report) => isUnder(report.path, key)).map((report) => report.path) }));
      this.scans.set(outer.uri, rescan);
    }
    const removed = folder.index.all().map((report) => report.path);
    for (const [openKey, document] of this.open) {
      if (isUnder(openKey, key) && this.isReport(document)) this.indexOpen(this.folderFor(openKey).index, openKey, document);
    }
    this.emit({ kind: 'files', uris: removed });
  }

  /** The folder a URI belongs to: the innermost workspace folder containing it, else the pseudo-folder. */
  folderFor(uri: string): Folder {
    return this.folders.find((folder) => isUnder(uri, folder.uri)) ?? this.loose;
  }

  // ------------------------------------------------------------ documents

  isReport(document: TextDocument): boolean {
    return document.languageId === LANGUAGE_ID || document.uri.endsWith(REPORT_SUFFIX);
  }

  isReportUri(uri: string): boolean {
    const document = this.openDocument(uri);
    return document ? this.isReport(document) : uri.endsWith(REPORT_SUFFIX);
  }

  openDocument(uri: string): TextDocument | undefined {
    return this.open.get(normalizeUri(uri)) ?? this.documents.get(uri);
  }

  isOpen(uri: string): boolean {
    return this.open.has(normalizeUri(uri));
  }

  openUris(): string[] {
    return [...this.open.keys()];
  }

  documentOpened(document: TextDocument): void {
    const key = normalizeUri(document.uri);
    this.open.set(key, document);
    if (this.isReport(document)) {
      this.indexOpen(this.folderFor(key).index, key, document);
      this.emit({ kind: 'edited', uris: [key] });
    } else if (this.codebookFolder(key)) this.reloadCodebook(this.codebookFolder(key)!);
  }

  /** An edited report is re-analysed when asked for; an edited codebook is reloaded after a pause in typing. */
  documentChanged(document: TextDocument): void {
    const key = normalizeUri(document.uri);
    this.open.set(key, document);
    if (this.isReport(document)) {
      // Analysed when next asked for; listeners only learn that it changed.
      this.emit({ kind: 'edited', uris: [key] });
      return;
    }
    const folder = this.codebookFolder(key);
    if (!folder) return;
    clearTimeout(this.codebookTimers.get(folder));
    this.codebookTimers.set(folder, setTimeout(() => {
      this.codebookTimers.delete(folder);
      if (this.folders.includes(folder)) this.reloadCodebook(folder);
    }, this.options.debounceMs?.() ?? 300));
  }

  /** A closed report falls back to its file on disk, or leaves the corpus if it has none. */
  async documentClosed(document: TextDocument): Promise<void> {
    const key = normalizeUri(document.uri);
    const codebookFolder = this.codebookFolder(key);
    if (codebookFolder || !this.isReport(document)) {
      this.open.delete(key);
      if (codebookFolder) this.reloadCodebook(codebookFolder);
      return;
    }
    // The file is read while the document still stands for it: no request in
    // between sees the index's copy of the closed text as if it were on disk.
    const opened = this.open.get(key);
    const text = await this.readFromDisk(key);
    if (this.open.get(key) !== opened) return; // opened again meanwhile
    this.open.delete(key);
    for (const folder of this.allFolders()) folder.index.keepParsed(key, false);
    this.applyDiskText(key, text);
    this.emit({ kind: 'files', uris: [key] });
  }

  /**
   * Whether a report has a file on disk, as `findings` would see it: always
   * for one read from disk; for an open document, when its file exists (a
   * report deleted on disk may stay open in the editor without a tab).
   */
  isOnDisk(entry: ReportEntry): boolean {
    if (entry.version === null) return true;
    const fsPath = fsPathOf(entry.uri);
    return fsPath !== undefined && existsSync(fsPath);
  }

  /** The analysed report at a URI: the open document's text, else the file's as last read. */
  report(uri: string): ReportEntry | undefined {
    const key = normalizeUri(uri);
    const folder = this.folderFor(key);
    const document = this.open.get(key);
    if (document) {
      if (!this.isReport(document)) return undefined;
      return this.entry(key, folder, this.indexOpen(folder.index, key, document), document.version);
    }
    const report = folder.index.get(key);
    return report ? this.entry(key, folder, report, null) : undefined;
  }

  /** Every report of a folder (of all folders when none is given), open documents brought up to date first. */
  reports(folder?: Folder): ReportEntry[] {
    const folders = folder ? [folder] : this.allFolders();
    const entries: ReportEntry[] = [];
    for (const f of folders) {
      for (const [key, document] of this.open) if (this.isReport(document) && this.folderFor(key) === f) this.indexOpen(f.index, key, document);
      for (const report of f.index.all()) entries.push(this.entry(report.path, f, report, this.open.get(report.path)?.version ?? null));
    }
    return entries;
  }

  /** A URI's path relative to a folder, with `/`; undefined outside it or for other schemes. Remembered: walks over the corpus ask for every report's. */
  relativeToFolder(folder: Folder, uri: string): string | undefined {
    let known = this.relativePaths.get(folder);
    if (!known) this.relativePaths.set(folder, (known = new Map()));
    if (known.has(uri)) return known.get(uri);
    const fsPath = fsPathOf(uri);
    const relative = !folder.fsPath || !fsPath || !isUnder(normalizeUri(uri), folder.uri) ? undefined : relativePath(folder.fsPath, fsPath);
    known.set(uri, relative);
    return relative;
  }

  /**
   * A report's line index. An open report's is kept with it; any other's (a
   * line index holds its text, which the index keeps only as UTF-8) among
   * the last RECENT_LINE_INDEXES made.
   */
  lineIndex(report: IndexedReport): LineIndex {
    let lines = lineIndexes.get(report) ?? this.recentLines.get(report);
    if (lines) return lines;
    lines = new LineIndex(report.text);
    if (this.isOpen(report.path)) {
      lineIndexes.set(report, lines);
      return lines;
    }
    this.recentLines.set(report, lines);
    if (this.recentLines.size > RECENT_LINE_INDEXES) this.recentLines.delete(this.recentLines.keys().next().value!);
    return lines;
  }

  /** The line index is made when a feature first reads it: a walk over the corpus reads facts, not lines. */
  private entry(uri: string, folder: Folder, report: IndexedReport, version: number | null): ReportEntry {
    const lineIndex = (report: IndexedReport): LineIndex => this.lineIndex(report);
    return {
      uri,
      folder,
      report,
      version,
      get lines() {
        return lineIndex(report);
      },
    };
  }

  /** An open report's text into an index that keeps its parse: every keystroke's features read it. */
  private indexOpen(index: ReportIndex, key: string, document: TextDocument): IndexedReport {
    this.touch(key);
    index.keepParsed(key, true);
    return index.update(key, document.getText());
  }

  private touch(key: string): void {
    this.touched.set(key, (this.touched.get(key) ?? 0) + 1);
  }

  // ------------------------------------------------------------ files on disk

  /** Applies `workspace/didChangeWatchedFiles`: reports, codebooks and ignore files changed on disk. */
  async filesChanged(changes: readonly FileEvent[], token?: CancellationToken): Promise<void> {
    const changed: string[] = [];
    const rescans = new Set<Folder>();
    for await (const change of cooperative(changes, token)) {
      const key = normalizeUri(change.uri);
      const name = baseName(key);
      const codebookFolder = this.codebookFolder(key);
      if (codebookFolder) {
        if (!this.isOpen(key)) this.reloadCodebook(codebookFolder);
        continue;
      }
      if (name === IGNORE_FILE) {
        // An ignore file may sit in a nested folder: every folder holding it rescans.
        for (const folder of this.folders) if (isUnder(key, folder.uri)) rescans.add(folder);
        continue;
      }
      if (key.endsWith(REPORT_SUFFIX)) {
        if (this.isOpen(key)) continue;
        await this.refreshFromDisk(key, change.type === FileChangeType.Deleted);
        changed.push(key);
      } else if (change.type === FileChangeType.Deleted) {
        // A deleted folder takes its reports with it.
        for (const folder of this.allFolders()) {
          for (const report of folder.index.all()) {
            if (isUnder(report.path, key) && !this.isOpen(report.path)) {
              folder.index.remove(report.path);
              this.touch(report.path);
              changed.push(report.path);
            }
          }
        }
      }
    }
    const datasets: Array<{ folder: Folder; uris: string[] }> = [];
    for (const folder of rescans) {
      const before = new Set(this.datasetUris(folder));
      changed.push(...(await this.scan(folder)));
      const after = new Set(this.datasetUris(folder));
      const moved = [...before].filter((key) => !after.has(key)).concat([...after].filter((key) => !before.has(key)));
      if (moved.length > 0) datasets.push({ folder, uris: moved });
    }
    if (changed.length > 0) this.emit({ kind: 'files', uris: changed });
    for (const dataset of datasets) this.emit({ kind: 'dataset', ...dataset });
  }

  private datasetUris(folder: Folder): string[] {
    return folder.index.all().filter((report) => {
      const relative = this.relativeToFolder(folder, report.path);
      return relative !== undefined && folder.inDataset(relative);
    }).map((report) => report.path);
  }

  private async refreshFromDisk(key: string, deleted = false): Promise<void> {
    this.applyDiskText(key, deleted ? undefined : await this.readFromDisk(key));
  }

  /** A report's text on disk; undefined when it is gone, unreadable, or in no folder a walk indexes. */
  private async readFromDisk(key: string): Promise<string | undefined> {
    const folder = this.folderFor(key);
    const fsPath = fsPathOf(key);
    const relative = this.relativeToFolder(folder, key);
    // Files outside the workspace folders are known only while open; the folders a walk skips are never indexed.
    const indexed = relative !== undefined && isInWalkedFolder(relative);
    return indexed && fsPath ? this.readText(fsPath) : undefined;
  }

  private applyDiskText(key: string, text: string | undefined): void {
    this.touch(key);
    const folder = this.folderFor(key);
    if (text === undefined) folder.index.remove(key);
    else folder.index.update(key, text);
  }

  /**
   * Reads the folder's ignore files and every report in it (ignored ones
   * too: their problems show, they are only left out of the dataset).
   * Returns the reports whose entries were added, changed or removed.
   */
  private async scan(folder: Folder): Promise<string[]> {
    if (!folder.fsPath || !existsSync(folder.fsPath)) return [];
    const root = folder.fsPath;
    // Reports that changed on disk while the scan runs are not the scan's to remove.
    const known = new Set(folder.index.all().map((report) => report.path));
    const changed: string[] = [];
    try {
      const scan = await scanFolder(nodeFileSystem, root);
      folder.ignoreFiles = scan.ignoreFiles;
      folder.inDataset = scan.inDataset;
      const files = scan.reports;
      const found = new Set<string>();
      const progress = this.options.scanProgress?.(folder.name, files.length);
      let done = 0;
      try {
        // Files are read a batch at a time (the reads overlap; one by one the scan would mostly wait)
        // and analysed one by one, yielding between slices so that the open reports' requests go first.
        for (let start = 0; start < files.length; start += READ_BATCH) {
          if (!this.folders.includes(folder)) return changed;
          const batch = files.slice(start, start + READ_BATCH).map((file) => ({ key: fileUri(path.join(root, file)), fsPath: path.join(root, file) }))
            // A report in a nested workspace folder belongs to that folder.
            .filter(({ key }) => this.folderFor(key) === folder);
          const stamps = batch.map(({ key }) => this.touched.get(key) ?? 0);
          const texts = await Promise.all(batch.map(({ key, fsPath }) => (this.isOpen(key) ? undefined : this.readText(fsPath))));
          for await (const [i, { key }] of cooperative(batch.entries(), undefined, 25)) {
            if (!this.folders.includes(folder)) return changed;
            // A nested workspace folder added meanwhile took the report.
            if (this.folderFor(key) !== folder) continue;
            found.add(key);
            // Open, or given a newer text (opened, closed, changed or deleted on disk) since the batch was read: that text stands.
            if (this.isOpen(key) || (this.touched.get(key) ?? 0) !== stamps[i]) continue;
            const text = texts[i];
            const before = folder.index.get(key);
            if (text === undefined) folder.index.remove(key);
            else folder.index.update(key, text);
            if (folder.index.get(key) !== before) changed.push(key);
          }
          done = Math.min(files.length, start + READ_BATCH);
          progress?.report(done);
        }
      } finally {
        progress?.end();
      }
      for (const report of folder.index.all()) {
        if (known.has(report.path) && !found.has(report.path) && !this.isOpen(report.path)) {
          folder.index.remove(report.path);
          changed.push(report.path);
        }
      }
      this.options.log(`Scanned ${folder.name || root}: ${files.length} report${files.length === 1 ? '' : 's'}.`);
    } catch (error) {
      this.options.log(`Could not scan ${root}: ${(error as Error).message}`);
    }
    return changed;
  }

  private async readText(fsPath: string): Promise<string | undefined> {
    try {
      return await readUtf8File(nodeFileSystem, fsPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.options.log(`Skipped ${fsPath}: ${error instanceof NotUtf8Error ? error.message : (error as Error).message}`);
      return undefined;
    }
  }

  // ------------------------------------------------------------ codebooks

  /** The folder whose codebook file (`codebook.yaml` at its root, or `findings.codebook.path`) a URI is. */
  codebookFolder(uri: string): Folder | undefined {
    return this.folders.find((f) => f.fsPath !== undefined && fileUri(codebookFile(f.fsPath, f.codebookPath)) === uri);
  }

  /** The file names of the codebooks in use, to watch on disk. */
  codebookNames(): string[] {
    return [...new Set([CODEBOOK_FILE, ...this.folders.map((f) => path.basename(f.codebookPath))])];
  }

  /** Sets `findings.codebook.path` for a folder; reloads its codebook when the path changed. */
  setCodebookPath(folder: Folder, value: string | undefined): void {
    const next = codebookFileName(value);
    if (next === folder.codebookPath) return;
    folder.codebookPath = next;
    this.reloadCodebook(folder);
  }

  /** Re-reads a folder's codebook (from the editor when open); when it changed, re-validates the folder and tells the listeners. */
  reloadCodebook(folder: Folder): void {
    const next = readFolderCodebook(folder.fsPath, folder.codebookPath, this.codebookReading);
    const previous = folder.codebook;
    if (previous.file?.text === next.file?.text && previous.ignored === next.ignored && previous.file?.uri === next.file?.uri) return;
    folder.codebook = next;
    folder.index.setCodebook(next.codebook);
    if (next.state === 'invalid') this.options.log(`${next.file?.fsPath}: invalid codebook (${next.diagnostics.length} problem${next.diagnostics.length === 1 ? '' : 's'}); using the built-in codebook.`);
    this.emit({ kind: 'codebook', folder });
  }

  private emit(change: WorkspaceChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
