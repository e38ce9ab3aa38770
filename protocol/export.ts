// "Export findings": how many reports in a scope have errors, then the
// export itself, which the server writes to the file the user chose (the
// client never holds the dataset).
import { RequestType } from 'vscode-languageserver-protocol';
import type { FindingsScope } from './scope';

import type { ExportFormat } from '../core/export/exportFormats';
import type { FindingFilters } from '../core/summary/findingsQuery';

/** The core's export formats. */
export type FindingsExportFormat = ExportFormat;

export interface ExportCheckParams {
  readonly scope: FindingsScope;
  /** Count the errors of the reports as their files hold them (see ExportParams.fromDisk), and list `unsaved`. */
  readonly fromDisk?: boolean;
}
export interface ExportCheckResult {
  readonly reports: number;
  readonly reportsWithErrors: number;
  readonly errors: number;
  /**
   * With `fromDisk`: the open documents in scope (reports, and the codebook
   * in force) whose text differs from their file, by their URIs: what an
   * export from disk leaves out of the editor's text.
   */
  readonly unsaved?: readonly string[];
}
/** `findings/exportCheck`: how many reports in a scope have errors, before exporting. */
export const ExportCheckRequest = new RequestType<ExportCheckParams, ExportCheckResult, void>('findings/exportCheck');

export interface ExportParams {
  readonly scope: FindingsScope;
  readonly format: FindingsExportFormat;
  /**
   * Where the export goes, as a URI. The server streams a `file:` target
   * into a temporary file beside it and renames it over the target; for
   * any other scheme it writes a temporary file of its own (see `staged`).
   */
  readonly target: string;
  /**
   * Read every report (and the codebook) as its file holds it, not as an
   * open editor holds it with unsaved changes: then the export is what
   * `findings export` writes from the same files.
   */
  readonly fromDisk?: boolean;
  /**
   * The summary panel's filters: only the findings they match (the panel's
   * own predicate) are written, each row as the whole export writes it; a
   * report left with none is left out. Missing, or every filter '': all.
   */
  readonly filters?: FindingFilters;
}
export interface ExportResult {
  /** The reports written (with `filters`, those left with a finding). */
  readonly documents: number;
  readonly findings: number;
  /**
   * For a target that is not `file:`: the `file:` URI of the finished
   * export, which the client copies to the target, then deletes.
   */
  readonly staged?: string;
}
/**
 * `findings/export`: writes the dataset of a scope, exactly what
 * `findings export` writes for the same reports run at the workspace
 * folder's root, whole or not at all. Cancellable: the temporary file is
 * then deleted and the target left as it was.
 */
export const ExportRequest = new RequestType<ExportParams, ExportResult, void>('findings/export');
