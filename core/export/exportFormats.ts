// The export formats, named once for the CLI, the server, the client and the
// docs' examples. No imports, so that every bundle can take it.

export type ExportFormat = 'jsonl' | 'csv' | 'json';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['jsonl', 'csv', 'json'];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}
