import type { Codebook, FieldDefinition } from '../codebook/types';
import { REPORT_MEMO_FIELD } from '../document/formatFields';
import type { DocumentRecord, FindingRecord } from './findingRecords';

/**
 * One finding with its document's identity and fields: a JSONL line or a CSV
 * row. The source positions are flattened into four columns.
 */
export interface FindingRow extends Omit<FindingRecord, 'source_start' | 'source_end'> {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly end_line: number;
  readonly end_column: number;
  readonly text_sha256: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** A row without its document's fields: what differs from row to row (`fields` comes last, the same for a whole document). */
export type RowWithoutFields = Omit<FindingRow, 'fields'>;

export function findingRows(documents: readonly DocumentRecord[]): FindingRow[] {
  const rows: FindingRow[] = [];
  for (const document of documents) {
    for (const finding of document.findings) rows.push({ ...rowWithoutFields(document, finding), fields: document.fields });
  }
  return rows;
}

export function rowWithoutFields(document: DocumentRecord, finding: FindingRecord): RowWithoutFields {
  // Listed key by key: the order is the JSONL key order and must not follow FindingRecord's.
  return {
    path: document.path,
    index: finding.index,
    id: finding.id,
    codes: finding.codes,
    themes: finding.themes,
    attributes: finding.attributes,
    memo: finding.memo,
    exact: finding.exact,
    prefix: finding.prefix,
    suffix: finding.suffix,
    start: finding.start,
    end: finding.end,
    start_utf16: finding.start_utf16,
    end_utf16: finding.end_utf16,
    line: finding.source_start.line,
    column: finding.source_start.column,
    end_line: finding.source_end.line,
    end_column: finding.source_end.column,
    parent: finding.parent,
    text_sha256: document.text_sha256,
  };
}

/** The CSV column of the report's memo (front-matter `memo`), beside the passage's `memo`. */
export const REPORT_MEMO_COLUMN = 'report_memo';

/**
 * Flat column names for a codebook's fields: `source.publisher` for fields of
 * a mapping. A codebook field named like the report memo is that memo, which
 * has its own column (REPORT_MEMO_COLUMN).
 */
export function fieldColumns(codebook: Codebook): Array<{ name: string; path: string[]; definition: FieldDefinition }> {
  const columns: Array<{ name: string; path: string[]; definition: FieldDefinition }> = [];
  for (const definition of codebook.fields.values()) {
    if (definition.name === REPORT_MEMO_FIELD) continue;
    if (definition.type === 'map' && definition.fields) {
      for (const child of definition.fields.values()) columns.push({ name: `${definition.name}.${child.name}`, path: [definition.name, child.name], definition: child });
    } else {
      columns.push({ name: definition.name, path: [definition.name], definition });
    }
  }
  return columns;
}
