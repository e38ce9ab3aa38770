// The shapes the language server's workspace hands to its features: folders
// with their codebook and index, reports as the features see them, and the
// changes listeners hear of.
import type { ScanProgress } from './scanProgress';
import type { Codebook, Diagnostic, IgnoreFile, IndexedReport, LineIndex, ReportIndex, WorkspaceCodebookState } from '../core';

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
  /** The order in which folders were added (the editor's order of the workspace folders). */
  readonly order: number;
  readonly index: ReportIndex;
  codebook: CodebookState;
  /** `findings.codebook.path`: the codebook file, relative to the folder (default `codebook.yaml`). */
  codebookPath: string;
  /** The `.findingsignore` files in the folder, as last scanned. */
  ignoreFiles: readonly IgnoreFile[];
  /**
   * Whether a report (by its path relative to the folder) is in the folder's
   * dataset, what `findings export .` at the folder's root sees. Every report
   * is indexed and validated; only the dataset is summarised and exported.
   */
  inDataset: (relativePath: string) => boolean;
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
  /** Reports changed, appeared or went on disk. */
  | { readonly kind: 'files'; readonly uris: readonly string[] }
  /** A folder's first scan read these reports. */
  | { readonly kind: 'scanned'; readonly uris: readonly string[] }
  /** Open reports were opened or edited (their diagnostics follow their own schedule). */
  | { readonly kind: 'edited'; readonly uris: readonly string[] }
  /** A `.findingsignore` changed which reports of the folder are in its dataset. */
  | { readonly kind: 'dataset'; readonly folder: Folder; readonly uris: readonly string[] };

export interface WorkspaceOptions {
  readonly trusted: boolean;
  readonly log: (message: string) => void;
  /** How long to wait after an edit of an open codebook before re-validating with it. */
  readonly debounceMs?: () => number;
  /** Shows how far a folder's scan is (work-done progress). */
  readonly scanProgress?: ScanProgress;
}
