import type { Codebook } from '../codebook/types';
import { parseReport } from '../document/parseReport';
import type { ReportDocument } from '../document/types';
import { LineIndex } from '../text/lineIndex';
import { hasLoneSurrogate } from '../text/ownCopy';
import type { Diagnostic } from '../validate/diagnostic';
import { sourceFileToCompare } from '../validate/fingerprintRules';
import { analyzeReport, compareWithSource, type AnalyzedReport } from './analyzeReport';
import { reportFacts, type ReportFacts } from './reportFacts';

export interface IndexedReport extends AnalyzedReport {
  /** Workspace-relative path with forward slashes; the key of the index. */
  readonly path: string;
  readonly text: string;
  /**
   * The parsed report. An index keeps the parses of the reports it was told
   * to keep (open ones) and of the few used last; any other is parsed again
   * from its text when asked for, equal to the first parse.
   */
  readonly document: ReportDocument;
  /** What corpus-wide features read, computed with the first parse. */
  readonly facts: ReportFacts;
}

/**
 * Reads the source file a report names in `source.file` (relative to the
 * report's folder), given the report's path; undefined when it cannot.
 */
export type SourceReader = (reportPath: string, sourceFile: string) => string | undefined;

/** How many parses of reports nobody keeps stay in memory (the last used). */
const RECENT_PARSES = 64;

/**
 * The reports of a workspace, each parsed and validated once per content.
 * Front ends feed it text (from disk or from open editors); an unchanged
 * text returns the cached result, and a new codebook invalidates everything.
 * With a source reader, a report whose text no longer matches its
 * fingerprint is compared with its source file (read then only).
 *
 * Memory grows with the facts of each report, not with its parse: only the
 * kept reports (`keepParsed`) and the last RECENT_PARSES used hold theirs
 * (a report just analysed holds none until a feature asks for it).
 */
export class ReportIndex {
  private readonly reports = new Map<string, Entry>();
  private sorted: IndexedReport[] | undefined;
  private readonly kept = new Set<string>();
  /** Entries holding a parse nobody keeps, least recently used first. */
  private readonly recent = new Set<Entry>();

  constructor(private codebookInUse: Codebook, private readonly readSource?: SourceReader) {}

  get codebook(): Codebook {
    return this.codebookInUse;
  }

  setCodebook(codebook: Codebook): void {
    if (codebook === this.codebookInUse) return;
    this.codebookInUse = codebook;
    for (const [path, report] of this.reports) this.store(path, this.analyze(path, report.text));
    this.sorted = undefined;
  }

  /** Adds or refreshes a report; returns the cached result when its text is unchanged. */
  update(path: string, text: string): IndexedReport {
    const existing = this.reports.get(path);
    if (existing && existing.text === text) return existing;
    const report = this.analyze(path, text);
    this.store(path, report);
    this.sorted = undefined;
    return report;
  }

  remove(path: string): boolean {
    const existing = this.reports.get(path);
    if (!existing) return false;
    this.recent.delete(existing);
    this.reports.delete(path);
    this.sorted = undefined;
    return true;
  }

  get(path: string): IndexedReport | undefined {
    return this.reports.get(path);
  }

  has(path: string): boolean {
    return this.reports.has(path);
  }

  get size(): number {
    return this.reports.size;
  }

  /** All reports, ordered by path so every output built from them is deterministic. */
  all(): readonly IndexedReport[] {
    this.sorted ??= [...this.reports.values()].sort((a, b) => comparePaths(a.path, b.path));
    return this.sorted;
  }

  /** Whether the report at `path` keeps its parse (an open document: every keystroke's features need it). */
  keepParsed(path: string, keep: boolean): void {
    if (keep) {
      if (this.kept.has(path)) return;
      this.kept.add(path);
      // One of the recently used until now: it must not be let go with them.
      const entry = this.reports.get(path);
      if (entry) {
        this.recent.delete(entry);
        entry.hold();
      }
    } else if (this.kept.delete(path)) {
      const entry = this.reports.get(path);
      if (entry) this.used(entry);
    }
  }

  /** How many reports hold their parse now (for tests and figures). */
  get parsedCount(): number {
    let count = 0;
    for (const entry of this.reports.values()) if (entry.holdsParse) count++;
    return count;
  }

  /** A new entry keeps its parse only when kept: the facts hold what a scan of thousands needs, and a parse dropped at once dies young (cheap to collect). */
  private store(path: string, entry: Entry): void {
    const previous = this.reports.get(path);
    if (previous) this.recent.delete(previous);
    this.reports.set(path, entry);
    if (!this.kept.has(path)) entry.release();
  }

  /** An entry's parse was used: it becomes the most recent; the least recent beyond the limit let theirs go. */
  private used(entry: Entry): void {
    if (this.kept.has(entry.path) || this.reports.get(entry.path) !== entry) return;
    this.recent.delete(entry);
    this.recent.add(entry);
    if (this.recent.size <= RECENT_PARSES) return;
    for (const oldest of this.recent) {
      if (this.recent.size <= RECENT_PARSES) break;
      this.recent.delete(oldest);
      oldest.release();
    }
  }

  private analyze(path: string, text: string): Entry {
    const analyzed = this.withSource(path, analyzeReport(text, this.codebookInUse));
    const facts = reportFacts(analyzed.document, analyzed.diagnostics, this.codebookInUse, new LineIndex(text));
    return new Entry(path, text, analyzed.document, analyzed.diagnostics, facts, (entry) => this.used(entry));
  }

  /** A report whose text no longer matches its fingerprint, compared with its source file when that can be read. */
  private withSource(path: string, report: AnalyzedReport): AnalyzedReport {
    if (!this.readSource) return report;
    const sourceFile = sourceFileToCompare(report.document);
    const sourceText = sourceFile === undefined ? undefined : this.readSource(path, sourceFile);
    return sourceText === undefined ? report : compareWithSource(report, this.codebookInUse, sourceText);
  }
}

/** Texts of reports nobody keeps are held as UTF-8, about half their size as strings (articles are rarely all Latin-1). */
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** An indexed report whose parse may be let go and made again from its text. */
class Entry implements IndexedReport {
  private parsed: ReportDocument | undefined;
  private textString: string | undefined;
  private textBytes: Uint8Array | undefined;

  constructor(
    readonly path: string,
    text: string,
    document: ReportDocument,
    readonly diagnostics: readonly Diagnostic[],
    readonly facts: ReportFacts,
    private readonly onUse: (entry: Entry) => void,
  ) {
    this.parsed = document;
    this.textString = text;
  }

  get text(): string {
    return this.textString ?? decoder.decode(this.textBytes);
  }

  get document(): ReportDocument {
    const document = (this.parsed ??= parseReport(this.text));
    this.onUse(this);
    return document;
  }

  get holdsParse(): boolean {
    return this.parsed !== undefined;
  }

  /** Keeps the text as a string again: a kept report's text is compared with the editor's on every request. */
  hold(): void {
    if (this.textString !== undefined) return;
    this.textString = decoder.decode(this.textBytes);
    this.textBytes = undefined;
  }

  /** Lets the parse go, and keeps the text as UTF-8 when that gives it back exactly (no lone surrogate). */
  release(): void {
    this.parsed = undefined;
    if (this.textString !== undefined && !hasLoneSurrogate(this.textString)) {
      this.textBytes = encoder.encode(this.textString);
      this.textString = undefined;
    }
  }
}

export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
