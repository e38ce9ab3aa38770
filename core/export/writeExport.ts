import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import type { FindingFilters } from '../summary/findingsQuery';
import { comparePaths } from '../workspace/reportIndex';
import { documentRecord, type DocumentRecord } from './findingRecords';
import { keptSpans } from './findingFilter';
import { documentSerializer, type ExportFormat, type SerializerOptions } from './serializers';

export interface ExportableReport {
  /** The report's path in the export: relative to where `findings` runs, with `/`. */
  readonly path: string;
  readonly document: ReportDocument;
}

/** Where an export goes, chunk by chunk. A promise returned means "wait before writing more" (backpressure). */
export interface ExportSink {
  write(chunk: string): void | Promise<void>;
}

export interface ExportTotals {
  readonly documents: number;
  readonly findings: number;
}

/**
 * The one export engine of the CLI and the language server: writes the
 * dataset of reports that arrive one at a time, in path order, to a sink,
 * report by report, so memory stays flat however large the corpus. The same
 * reports always give the same bytes. Stops (giving undefined) once
 * `isCancelled` answers true; it is asked before each report.
 *
 * With `filters` (the summary panel's), only the findings they match are
 * written, each row exactly as in the whole export; a report left with none
 * is left out (in JSON too), and the totals count what was written.
 */
export async function writeExport(
  reports: Iterable<ExportableReport> | AsyncIterable<ExportableReport>,
  codebook: Codebook,
  format: ExportFormat,
  sink: ExportSink,
  isCancelled: () => boolean = () => false,
  filters?: FindingFilters,
  options: SerializerOptions = {},
): Promise<ExportTotals | undefined> {
  const serializer = documentSerializer(format, codebook, options);
  const kept = keptSpans(filters, codebook);
  await write(sink, serializer.head);
  let documents = 0;
  let findings = 0;
  let previous: string | undefined;
  for await (const report of reports) {
    if (isCancelled()) return undefined;
    // Sorting is the caller's (it alone can avoid holding every report): a wrong order would change the bytes.
    if (previous !== undefined && comparePaths(previous, report.path) > 0) throw new Error(`export: ${report.path} came after ${previous}; reports must come in path order`);
    previous = report.path;
    let record: DocumentRecord;
    if (kept) {
      const spans = kept(report.path, report.document);
      if (spans.size === 0) continue;
      const whole = documentRecord(report.path, report.document, codebook);
      record = { ...whole, findings: whole.findings.filter((finding) => spans.has(finding.index)) };
    } else {
      record = documentRecord(report.path, report.document, codebook);
    }
    documents++;
    findings += record.findings.length;
    await write(sink, serializer.document(record));
  }
  if (isCancelled()) return undefined;
  await write(sink, serializer.tail());
  return { documents, findings };
}

function write(sink: ExportSink, chunk: string): void | Promise<void> {
  if (chunk !== '') return sink.write(chunk);
}
