// Reports that name one source but hold different article texts: a finding
// about the corpus, not one report, so the server keeps it beside the index
// and adds it to each report's diagnostics (core's sourceMismatches and
// sourceMismatchDiagnostic; `findings agree` reports the same mismatches).
// Recomputed after the index settles, per folder, from a cached summary of
// each report (path, fingerprint, clean text, source fields).
import { sourceMismatchDiagnostic, sourceMismatches, type Diagnostic, type IndexedReport, type SourceMismatch, type SourcedText } from '../core';
import type { ReportWorkspace } from './reportWorkspace';
import type { ReportEntry } from './workspaceTypes';

/** The pause after the last change before the corpus is compared again. */
const SETTLE_MS = 250;

export class CorpusMismatches {
  private byUri = new Map<string, SourceMismatch>();
  private stale = true;
  /** Whether the corpus was compared once: until then, asking compares it. */
  private compared = false;
  private timer: NodeJS.Timeout | undefined;
  /** Changes each time some report's mismatch changes: part of the diagnostics' result ids. */
  private generation = 0;
  private readonly texts = new WeakMap<IndexedReport, SourcedText>();
  private readonly listeners: Array<(uris: readonly string[]) => void> = [];

  constructor(private readonly workspace: ReportWorkspace) {
    workspace.onDidChange(() => this.schedule());
  }

  /** Called with the reports whose mismatch appeared, changed or went. */
  onDidChange(listener: (uris: readonly string[]) => void): void {
    this.listeners.push(listener);
  }

  /**
   * The report's mismatch diagnostic, if it has one, as last compared: a
   * keystroke's diagnostics never wait for the corpus to be compared again
   * (the comparison follows once the index settles, and the reports whose
   * mismatch changed are told to the listeners).
   */
  diagnosticsOf(entry: ReportEntry): Diagnostic[] {
    if (!this.compared) this.update();
    const mismatch = this.byUri.get(entry.uri);
    return mismatch ? [sourceMismatchDiagnostic(entry.report.document, mismatch)] : [];
  }

  /** A token that changes whenever a mismatch does. */
  get version(): number {
    if (!this.compared) this.update();
    return this.generation;
  }

  private schedule(): void {
    this.stale = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), SETTLE_MS);
    this.timer.unref?.();
  }

  private update(): void {
    if (!this.stale) return;
    this.stale = false;
    this.compared = true;
    clearTimeout(this.timer);
    const next = new Map<string, SourceMismatch>();
    for (const folder of this.workspace.allFolders()) {
      const uris = new Map<string, string>();
      const texts: SourcedText[] = [];
      for (const entry of this.workspace.reports(folder)) {
        const path = this.workspace.relativeToFolder(folder, entry.uri) ?? entry.uri;
        uris.set(path, entry.uri);
        texts.push(this.sourcedText(entry, path));
      }
      for (const mismatch of sourceMismatches(texts)) next.set(uris.get(mismatch.path)!, mismatch);
    }
    const changed: string[] = [];
    for (const [uri, mismatch] of next) if (this.byUri.get(uri)?.message !== mismatch.message || this.byUri.get(uri)?.positionUtf16 !== mismatch.positionUtf16) changed.push(uri);
    for (const uri of this.byUri.keys()) if (!next.has(uri)) changed.push(uri);
    this.byUri = next;
    if (changed.length === 0) return;
    this.generation++;
    // Later, not now: this may run while a report's diagnostics are being computed.
    setImmediate(() => {
      for (const listener of this.listeners) listener(changed);
    });
  }

  private sourcedText(entry: ReportEntry, path: string): SourcedText {
    let text = this.texts.get(entry.report);
    if (!text || text.path !== path) {
      text = { ...entry.report.facts.sourced, path };
      this.texts.set(entry.report, text);
    }
    return text;
  }
}
