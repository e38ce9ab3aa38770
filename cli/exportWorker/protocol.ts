// What the CLI and its export worker say to each other. The worker encodes
// the dataset into a small ring of shared slots and names each slot as it
// fills; the main thread writes the slot to the file and frees it. Encoding
// and disk writes then run side by side, and the worker's memory can be
// capped without touching the main thread's.
import type { ArticleAgreement, Diagnostic, ExportFormat, ExportTotals } from '../../core';
import type { ReportFile } from '../files';

/** Bytes per slot, and slots in the ring: the most the worker is ahead of the disk. */
export const SLOT_BYTES = 1 << 20;
export const SLOTS = 4;

/** Per slot, in `ExportJob.states`: free to fill, or filled and not yet written. */
export const FREE = 0;
export const FILLED = 1;

export interface ExportJob {
  readonly files: readonly ReportFile[];
  /** The codebook's text and shown path; undefined for the built-in codebook. */
  readonly codebook: { readonly text: string; readonly path: string } | undefined;
  readonly format: ExportFormat;
  /** `--with-agreement`: each compared article's figures, by fingerprint. */
  readonly agreement: Readonly<Record<string, ArticleAgreement>> | undefined;
  /** SLOTS × SLOT_BYTES bytes. */
  readonly slots: SharedArrayBuffer;
  /** One Int32 per slot: FREE or FILLED. */
  readonly states: SharedArrayBuffer;
}

/** A report that has errors, for the refusal message. */
export interface FailingReport {
  readonly path: string;
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

export type WorkerMessage =
  | { readonly kind: 'filled'; readonly slot: number; readonly length: number }
  | { readonly kind: 'done'; readonly totals: ExportTotals; readonly unreadable: readonly string[]; readonly failing: readonly FailingReport[] };
