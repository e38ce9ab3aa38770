import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import { comparePaths } from '../workspace/reportIndex';
import { documentRecord } from './findingRecords';
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
  const ordered = [...reports].sort((a, b) => comparePaths(a.path, b.path));
  const records = [];
  let findings = 0;
  for (const report of ordered) {
    if (isCancelled()) return undefined;
    const record = documentRecord(report.path, report.document);
    findings += record.findings.length;
    records.push(record);
  }
  return { content: serializeFindings(format, records, codebook), documents: records.length, findings };
}
