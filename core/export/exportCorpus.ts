import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import { comparePaths } from '../workspace/reportIndex';
import { documentRecord, type DocumentRecord } from './findingRecords';
import { serializeFindings, type ExportFormat } from './serializers';

export interface ExportableReport {
  readonly path: string;
  readonly document: ReportDocument;
}

export interface CorpusExport {
  readonly content: string;
  readonly documents: number;
  readonly findings: number;
}

/** The dataset for a set of reports: what the CLI writes and what the editor writes, byte for byte. */
export function exportCorpus(reports: readonly ExportableReport[], codebook: Codebook, format: ExportFormat, isCancelled: () => boolean = () => false): CorpusExport | undefined {
  const records: DocumentRecord[] = [];
  for (const report of ordered(reports)) {
    if (isCancelled()) return undefined;
    records.push(documentRecord(report.path, report.document, codebook));
  }
  return serialize(records, codebook, format);
}

export interface CooperativeExportOptions {
  /** Checked between reports: once it answers true the export stops and gives undefined. */
  readonly isCancelled: () => boolean;
  /** Awaited now and then, so that a server can take in a cancellation meanwhile. */
  readonly pause: () => Promise<void>;
  /** Reports between pauses (default 20). */
  readonly every?: number;
}

/**
 * The same bytes as `exportCorpus`, built in slices: a synchronous loop never
 * sees a cancellation that arrives as a message, so this one yields through
 * `pause` between reports.
 */
export async function exportCorpusCooperatively(reports: readonly ExportableReport[], codebook: Codebook, format: ExportFormat, options: CooperativeExportOptions): Promise<CorpusExport | undefined> {
  const every = Math.max(1, options.every ?? 20);
  const records: DocumentRecord[] = [];
  let count = 0;
  for (const report of ordered(reports)) {
    if (count++ % every === 0) await options.pause();
    if (options.isCancelled()) return undefined;
    records.push(documentRecord(report.path, report.document, codebook));
  }
  await options.pause();
  if (options.isCancelled()) return undefined;
  return serialize(records, codebook, format);
}

function ordered(reports: readonly ExportableReport[]): ExportableReport[] {
  return [...reports].sort((a, b) => comparePaths(a.path, b.path));
}

function serialize(records: readonly DocumentRecord[], codebook: Codebook, format: ExportFormat): CorpusExport {
  const findings = records.reduce((total, record) => total + record.findings.length, 0);
  return { content: serializeFindings(format, records, codebook), documents: records.length, findings };
}
