// The core's diagnostics as LSP diagnostics, shared by the push and the pull path.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { compareDiagnostics, LineIndex, toPortableDiagnostics, type Diagnostic, type PortableDiagnostic, type Severity } from '../../core';
import type { Settings } from '../../protocol';
import type { ReportEntry } from '../workspaceTypes';

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

/** A report's problems, up to `findings.maxProblems`: its own, then those it has with other reports of the corpus. */
export function reportDiagnostics(entry: ReportEntry, settings: Settings, corpus: CorpusDiagnostics): LspDiagnostic[] {
  const withOthers = corpus.diagnosticsOf(entry);
  const all = withOthers.length === 0 ? entry.report.diagnostics : [...entry.report.diagnostics, ...withOthers].sort(compareDiagnostics);
  // A clean report needs neither its text nor its lines (an index holds neither ready for every report).
  if (all.length === 0) return [];
  return toLspDiagnostics(entry.report.text, all, entry.lines, settings.maxProblems, entry.version);
}

/** Problems of a report with other reports (server/corpusMismatches.ts). */
export interface CorpusDiagnostics {
  diagnosticsOf(entry: ReportEntry): Diagnostic[];
  /** Changes whenever some report's corpus problems do. */
  readonly version: number;
  /** Called with the reports whose corpus problems changed. */
  onDidChange(listener: (uris: readonly string[]) => void): void;
}

/** The problems of a workspace codebook file (which is then not used). */
export function codebookDiagnostics(text: string, diagnostics: readonly Diagnostic[], settings: Settings): LspDiagnostic[] {
  return toLspDiagnostics(text, diagnostics, new LineIndex(text), settings.maxProblems, null);
}

/** How diagnostics reach the client (pushed or pulled): the events of the documents and settings it follows. */
export interface DiagnosticsDelivery {
  opened(uri: string, version: number): void;
  changed(uri: string): void;
  saved(uri: string, version: number): void;
  closed(uri: string): void;
  /** Settings changed: everything is delivered again with the new limits. */
  settingsChanged(): void;
  /** The workspace folders changed: everything may have. */
  refresh(): void;
  /** The settings are known: start delivering the problems of the whole workspace. */
  start(): Promise<void>;
}

export interface DiagnosticsOptions {
  readonly settings: () => Settings;
  readonly corpus: CorpusDiagnostics;
}
