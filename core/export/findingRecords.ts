import type { Codebook } from '../codebook/types';
import type { ReportDocument, Span } from '../document/types';
import { spanCodeNames } from '../spans/spanCodeNames';
import { spanThemeNames } from '../spans/spanThemes';
import { codePointOffsets } from '../text/codePoints';
import { LineIndex } from '../text/lineIndex';

/** Code points of clean text shown before and after each finding. */
export const CONTEXT_LENGTH = 32;

export interface SourcePosition {
  /** 1-based line in the report file. */
  readonly line: number;
  /** 1-based column in Unicode code points. */
  readonly column: number;
}

export interface FindingRecord {
  readonly index: number;
  readonly id: string | null;
  readonly codes: readonly string[];
  readonly themes: readonly string[];
  /** Every attribute as written, by key in sorted order; the first value wins. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  /** Offsets into the clean text in Unicode code points (Python's `str` indices). */
  readonly start: number;
  readonly end: number;
  /** Offsets into the clean text in UTF-16 code units (JavaScript's string indices). */
  readonly start_utf16: number;
  readonly end_utf16: number;
  readonly source_start: SourcePosition;
  readonly source_end: SourcePosition;
  /** Index of the enclosing finding, for nested spans. */
  readonly parent: number | null;
}

export interface DocumentRecord {
  readonly path: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly text_sha256: string;
  readonly text_length: { readonly code_points: number; readonly utf16: number };
  readonly findings: readonly FindingRecord[];
}

/** Turns a parsed report into export records: exact text, context and offsets in both units. */
export function documentRecord(path: string, document: ReportDocument, codebook: Codebook): DocumentRecord {
  const clean = document.cleanText;
  const wanted: number[] = [clean.length];
  for (const span of document.spans) wanted.push(span.clean.start, span.clean.end);
  const points = codePointOffsets(clean, wanted);
  const cleanPoints = Array.from(clean);
  const lines = new LineIndex(document.text);
  const findings = document.spans.map((span, i): FindingRecord => {
    const start = points[1 + 2 * i];
    const end = points[2 + 2 * i];
    return {
      index: span.index,
      id: span.ids[0]?.value ?? null,
      codes: spanCodeNames(span),
      themes: spanThemeNames(span, codebook),
      attributes: attributesOf(span),
      exact: clean.slice(span.clean.start, span.clean.end),
      prefix: cleanPoints.slice(Math.max(0, start - CONTEXT_LENGTH), start).join(''),
      suffix: cleanPoints.slice(end, end + CONTEXT_LENGTH).join(''),
      start,
      end,
      start_utf16: span.clean.start,
      end_utf16: span.clean.end,
      source_start: sourcePosition(document.text, lines, span.textRange.start),
      source_end: sourcePosition(document.text, lines, span.textRange.end),
      parent: span.parent ?? null,
    };
  });
  return {
    path,
    fields: frontMatterFields(document),
    text_sha256: sha256Hex(clean),
    text_length: { code_points: points[0], utf16: clean.length },
    findings,
  };
}

/** node:crypto is loaded on first use, by exports only: checking reports never needs it. */
function sha256Hex(text: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function frontMatterFields(document: ReportDocument): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of document.frontMatter?.fields ?? []) {
    if (!(field.key in fields)) fields[field.key] = field.value;
  }
  return fields;
}

function attributesOf(span: Span): Record<string, string> {
  const result: Record<string, string> = {};
  const keys = uniqueInOrder(span.attributes.map((a) => a.key)).sort();
  for (const key of keys) result[key] = span.attributes.find((a) => a.key === key)!.value;
  return result;
}

function sourcePosition(text: string, lines: LineIndex, offset: number): SourcePosition {
  const position = lines.position(offset);
  const lineStart = offset - position.character;
  const column = codePointOffsets(text.slice(lineStart, offset), [position.character])[0];
  return { line: position.line + 1, column: column + 1 };
}

function uniqueInOrder(values: string[]): string[] {
  return [...new Set(values)];
}
