import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { FileChangeType, type CancellationToken, type FileEvent, type TextDocuments, type WorkspaceFolder } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  BUILTIN_CODEBOOK,
  buildCodebook,
  createReportFilter,
  defaultCodebook,
  IGNORE_FILE,
  LineIndex,
  ReportIndex,
  type Codebook,
  type Diagnostic,
  type IndexedReport,
  type WorkspaceCodebookState,
} from '../core';
import { cooperative } from './guard';
import { baseName, fileUri, fsPathOf, isUnder, normalizeUri, relativePath } from './uris';

export const LANGUAGE_ID = 'inspection-report';
export const REPORT_SUFFIX = '.report.md';
export const CODEBOOK_FILE = 'codebook.yaml';
const REPORT_GLOB = '**/*.report.md';
const IGNORED = ['**/node_modules/**', '**/.git/**'];

/** The codebook in force for a workspace folder, and what became of its `codebook.yaml`. */
export interface CodebookState {
  readonly codebook: Codebook;
  /** Problems in the workspace codebook file (which is then not used). */
  readonly diagnostics: readonly Diagnostic[];
  readonly state: WorkspaceCodebookState;
  /** The `codebook.yaml` at the folder root, when there is one (even if ignored). */
  readonly file: { readonly uri: string; readonly fsPath: string; readonly text: string } | undefined;
  /** True when the file exists but the workspace is not trusted. */
  readonly ignored: boolean;
}

export interface Folder {
  /** Normalized URI; '' for the pseudo-folder of files outside every workspace folder. */
  readonly uri: string;
  readonly fsPath: string | undefined;
  readonly name: string;
  readonly index: ReportIndex;
  codebook: CodebookState;
  /** `findings.codebook.path`: the codebook file, relative to the folder (default `codebook.yaml`). */
  codebookPath: string;
  keep: (relativePath: string) => boolean;
}

/** A report as the features see it: analysed, with its line index, and its version when open. */
export interface ReportEntry {
  readonly uri: string;
  readonly folder: Folder;
  readonly report: IndexedReport;
  readonly lines: LineIndex;
  /** The open document's version; null for a file read from disk. */
  readonly version: number | null;
}

export type WorkspaceChange =
  | { readonly kind: 'codebook'; readonly folder: Folder }
  | { readonly kind: 'files'; readonly uris: readonly string[] };

export interface WorkspaceOptions {
  readonly trusted: boolean;
  readonly log: (message: string) => void;
  /** How long to wait after an edit of an open codebook before re-validating with it. */
  readonly debounceMs?: () => number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lineIndexes = new WeakMap<IndexedReport, LineIndex>();

/**
 * The corpus: every `*.report.md` under the workspace folders, read from
 * disk, with open documents overlaying their files. Each folder has its own
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

  constructor(private readonly documents: TextDocuments<TextDocument>, private readonly options: WorkspaceOptions) {
    this.loose = { uri: '', fsPath: undefined, name: '', index: new ReportIndex(defaultCodebook()), codebook: builtinState(undefined, false), codebookPath: CODEBOOK_FILE, keep: () => true };
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
    const codebook = this.readCodebook(fsPath, CODEBOOK_FILE);
    const folder: Folder = { uri, fsPath, name: workspaceFolder.name, index: new ReportIndex(codebook.codebook), codebook, codebookPath: CODEBOOK_FILE, keep: () => true };
    this.folders.push(folder);
    this.folders.sort((a, b) => b.uri.length - a.uri.length);
    // Reports of an enclosing folder that lie in this one now belong here.
    for (const other of this.folders) {
      if (other === folder) continue;
      for (const report of other.index.all()) if (isUnder(report.path, uri)) other.index.remove(report.path);
    }
    // Open documents that now belong to this folder move into its index.
    for (const [key, document] of this.open) {
      if (this.folderFor(key) === folder && this.isReport(document)) {
        for (const other of this.allFolders()) if (other !== folder) other.index.remove(key);
        folder.index.update(key, document.getText());
      }
    }
    this.scans.set(uri, this.scan(folder));
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
      const rescan = this.scan(outer);
      this.scans.set(outer.uri, rescan);
      void rescan.then(() => this.emit({ kind: 'files', uris: outer.index.all().filter((report) => isUnder(report.path, key)).map((report) => report.path) }));
    }
    const removed = folder.index.all().map((report) => report.path);
    for (const [openKey, document] of this.open) {
      if (isUnder(openKey, key) && this.isReport(document)) this.folderFor(openKey).index.update(openKey, document.getText());
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
    if (this.isReport(document)) this.folderFor(key).index.update(key, document.getText());
    else if (this.codebookFolder(key)) this.reloadCodebook(this.codebookFolder(key)!);
  }

  /** An edited report is re-analysed when asked for; an edited codebook is reloaded after a pause in typing. */
  documentChanged(document: TextDocument): void {
    const key = normalizeUri(document.uri);
    this.open.set(key, document);
    const folder = this.isReport(document) ? undefined : this.codebookFolder(key);
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
    this.open.delete(key);
    const codebookFolder = this.codebookFolder(key);
    if (codebookFolder) {
      this.reloadCodebook(codebookFolder);
      return;
    }
    if (!this.isReport(document)) return;
    await this.refreshFromDisk(key);
    this.emit({ kind: 'files', uris: [key] });
  }

  /** The analysed report at a URI: the open document's text, else the file's as last read. */
  report(uri: string): ReportEntry | undefined {
    const key = normalizeUri(uri);
    const folder = this.folderFor(key);
    const document = this.open.get(key);
    if (document) {
      if (!this.isReport(document)) return undefined;
      return this.entry(key, folder, folder.index.update(key, document.getText()), document.version);
    }
    const report = folder.index.get(key);
    return report ? this.entry(key, folder, report, null) : undefined;
  }

  /** Every report of a folder (of all folders when none is given), open documents brought up to date first. */
  reports(folder?: Folder): ReportEntry[] {
    const folders = folder ? [folder] : this.allFolders();
    const entries: ReportEntry[] = [];
    for (const f of folders) {
      for (const [key, document] of this.open) if (this.isReport(document) && this.folderFor(key) === f) f.index.update(key, document.getText());
      for (const report of f.index.all()) entries.push(this.entry(report.path, f, report, this.open.get(report.path)?.version ?? null));
    }
    return entries;
  }

  lineIndex(report: IndexedReport): LineIndex {
    let lines = lineIndexes.get(report);
    if (!lines) {
      lines = new LineIndex(report.text);
      lineIndexes.set(report, lines);
    }
    return lines;
  }

  private entry(uri: string, folder: Folder, report: IndexedReport, version: number | null): ReportEntry {
    return { uri, folder, report, lines: this.lineIndex(report), version };
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
        const folder = this.folderFor(key);
        if (folder !== this.loose) rescans.add(folder);
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
              changed.push(report.path);
            }
          }
        }
      }
    }
    for (const folder of rescans) {
      const before = new Set(folder.index.all().map((report) => report.path));
      await this.scan(folder);
      const after = new Set(folder.index.all().map((report) => report.path));
      for (const key of before) if (!after.has(key)) changed.push(key);
      for (const key of after) if (!before.has(key)) changed.push(key);
    }
    if (changed.length > 0) this.emit({ kind: 'files', uris: changed });
  }

  private async refreshFromDisk(key: string, deleted = false): Promise<void> {
    const folder = this.folderFor(key);
    const fsPath = fsPathOf(key);
    const kept = folder.fsPath !== undefined && fsPath !== undefined && folder.keep(relativePath(folder.fsPath, fsPath));
    const text = !deleted && kept && fsPath ? await this.readText(fsPath) : undefined;
    if (text === undefined) folder.index.remove(key);
    else folder.index.update(key, text);
  }

  private async scan(folder: Folder): Promise<void> {
    if (!folder.fsPath || !existsSync(folder.fsPath)) return;
    const root = folder.fsPath;
    // Reports that changed on disk while the scan runs are not the scan's to remove.
    const known = new Set(folder.index.all().map((report) => report.path));
    try {
      const ignoreFiles = await fg(`**/${IGNORE_FILE}`, { cwd: root, ignore: IGNORED, dot: true, followSymbolicLinks: false });
      const ignores = await Promise.all(ignoreFiles.map(async (file) => ({ dir: path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file), text: (await this.readText(path.join(root, file))) ?? '' })));
      folder.keep = createReportFilter(ignores);
      const files = (await fg(REPORT_GLOB, { cwd: root, ignore: IGNORED, dot: false, followSymbolicLinks: false })).filter((file) => folder.keep(file)).sort();
      const found = new Set<string>();
      for await (const file of cooperative(files, undefined, 25)) {
        if (!this.folders.includes(folder)) return;
        const key = fileUri(path.join(root, file));
        // A report in a nested workspace folder belongs to that folder.
        if (this.folderFor(key) !== folder) continue;
        found.add(key);
        if (this.isOpen(key)) continue;
        const text = await this.readText(path.join(root, file));
        if (text === undefined) folder.index.remove(key);
        else folder.index.update(key, text);
      }
      for (const report of folder.index.all()) if (known.has(report.path) && !found.has(report.path) && !this.isOpen(report.path)) folder.index.remove(report.path);
      this.options.log(`Scanned ${folder.name || root}: ${files.length} report${files.length === 1 ? '' : 's'}.`);
    } catch (error) {
      this.options.log(`Could not scan ${root}: ${(error as Error).message}`);
    }
  }

  private async readText(fsPath: string): Promise<string | undefined> {
    try {
      return utf8.decode(await fs.readFile(fsPath));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.options.log(`Skipped ${fsPath}: ${(error as Error).message.includes('encoded') ? 'not UTF-8 text' : (error as Error).message}`);
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
    const next = value && value.trim() !== '' ? value.trim() : CODEBOOK_FILE;
    if (next === folder.codebookPath) return;
    folder.codebookPath = next;
    this.reloadCodebook(folder);
  }

  /** Re-reads a folder's codebook (from the editor when open); when it changed, re-validates the folder and tells the listeners. */
  reloadCodebook(folder: Folder): void {
    const next = this.readCodebook(folder.fsPath, folder.codebookPath);
    const previous = folder.codebook;
    if (previous.file?.text === next.file?.text && previous.ignored === next.ignored && previous.file?.uri === next.file?.uri) return;
    folder.codebook = next;
    folder.index.setCodebook(next.codebook);
    if (next.state === 'invalid') this.options.log(`${next.file?.fsPath}: invalid codebook (${next.diagnostics.length} problem${next.diagnostics.length === 1 ? '' : 's'}); using the built-in codebook.`);
    this.emit({ kind: 'codebook', folder });
  }

  private readCodebook(folderFsPath: string | undefined, codebookPath: string): CodebookState {
    if (!folderFsPath) return builtinState(undefined, false);
    const fsPath = codebookFile(folderFsPath, codebookPath);
    const uri = fileUri(fsPath);
    let text = this.open.get(uri)?.getText();
    if (text === undefined) {
      try {
        text = utf8.decode(readFileSync(fsPath));
      } catch {
        return builtinState(undefined, false);
      }
    }
    const file = { uri, fsPath, text };
    if (!this.options.trusted) {
      this.options.log(`${fsPath} is ignored: the workspace is not trusted. Using the built-in codebook.`);
      return builtinState(file, true);
    }
    const result = buildCodebook(BUILTIN_CODEBOOK, { kind: 'workspace', path: fsPath, text });
    return { codebook: result.codebook, diagnostics: result.diagnostics, state: result.diagnostics.length > 0 ? 'invalid' : 'valid', file, ignored: false };
  }

  private emit(change: WorkspaceChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

function codebookFile(folderFsPath: string, codebookPath: string): string {
  return path.resolve(folderFsPath, codebookPath);
}

function builtinState(file: CodebookState['file'], ignored: boolean): CodebookState {
  return { codebook: defaultCodebook(), diagnostics: [], state: 'missing', file, ignored };
}
