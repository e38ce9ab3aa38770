import type { Codebook } from '../codebook/types';
import { articleFingerprint } from '../document/articleFingerprint';
import type { ReportDocument, Span } from '../document/types';
import { MEMO_ATTRIBUTE } from '../reader/readerTypes';
import { spanCodeNames } from '../spans/spanCodeNames';
import { spanMemo } from '../spans/spanMemo';
import { spanThemeNames } from '../spans/spanThemes';
import { codePointOffsets, utf16OffsetsOfCodePoints } from '../text/codePoints';
import { LineIndex } from '../text/lineIndex';
import type { LineCharacter } from '../text/range';

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
  /** Every attribute as written but the memo, by key in sorted order; the first value wins. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The passage's memo (its `memo` attribute), or null. */
  readonly memo: string | null;
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
  // The clean text is made of the report's characters: without a surrogate in the report, code points are UTF-16 units in both.
  const surrogates = hasSurrogates(document.text);
  const wanted: number[] = [clean.length];
  for (const span of document.spans) wanted.push(span.clean.start, span.clean.end);
  const points = surrogates ? codePointOffsets(clean, wanted) : wanted;
  const context = contextOffsets(clean, points, surrogates);
  const source = sourcePositions(document, surrogates);
  const findings = document.spans.map((span, i): FindingRecord => {
    const start = points[1 + 2 * i];
    const end = points[2 + 2 * i];
    return {
      index: span.index,
      id: span.ids[0]?.value ?? null,
      codes: spanCodeNames(span),
      themes: spanThemeNames(span, codebook),
      attributes: attributesOf(span),
      memo: spanMemo(span),
      exact: clean.slice(span.clean.start, span.clean.end),
      prefix: clean.slice(context[4 * i], context[4 * i + 1]),
      suffix: clean.slice(context[4 * i + 2], context[4 * i + 3]),
      start,
      end,
      start_utf16: span.clean.start,
      end_utf16: span.clean.end,
      source_start: source[2 * i],
      source_end: source[2 * i + 1],
      parent: span.parent ?? null,
    };
  });
  return {
    path,
    fields: frontMatterFields(document),
    text_sha256: articleFingerprint(document),
    text_length: { code_points: points[0], utf16: clean.length },
    findings,
  };
}

export function frontMatterFields(document: ReportDocument): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of document.frontMatter?.fields ?? []) {
    if (!(field.key in fields)) fields[field.key] = field.value;
  }
  return fields;
}

function attributesOf(span: Span): Record<string, string> {
  // The first value of each key (one pass, not a search per key), then the keys sorted. The memo has its own key.
  const first = new Map<string, string>();
  for (const attribute of span.attributes) if (attribute.key !== MEMO_ATTRIBUTE && !first.has(attribute.key)) first.set(attribute.key, attribute.value);
  const result: Record<string, string> = {};
  for (const key of [...first.keys()].sort()) result[key] = first.get(key)!;
  return result;
}

/**
 * Where each span's context starts and ends in UTF-16 units: for span i, at
 * 4i to 4i+3, the prefix (up to CONTEXT_LENGTH code points before it) and the
 * suffix (after it). `points` is the text's length then each span's start and
 * end, in code points. One pass over the text, however many spans.
 */
function contextOffsets(clean: string, points: readonly number[], surrogates: boolean): number[] {
  const wanted: number[] = [];
  for (let i = 1; i < points.length; i += 2) {
    const start = points[i];
    const end = points[i + 1];
    wanted.push(Math.max(0, start - CONTEXT_LENGTH), start, end, Math.min(points[0], end + CONTEXT_LENGTH));
  }
  return surrogates ? utf16OffsetsOfCodePoints(clean, wanted) : wanted;
}

/**
 * Each span's tagged text's start and end in the report file (at 2i and
 * 2i+1): 1-based lines, columns in code points, counted in one pass over the
 * text rather than once per position.
 */
function sourcePositions(document: ReportDocument, surrogates: boolean): SourcePosition[] {
  const { text, spans } = document;
  const lines = new LineIndex(text);
  const positions: LineCharacter[] = [];
  for (const span of spans) positions.push(lines.position(span.textRange.start), lines.position(span.textRange.end));
  // Without surrogate pairs, UTF-16 columns are code point columns.
  if (!surrogates) return positions.map((position) => ({ line: position.line + 1, column: position.character + 1 }));
  const wanted: number[] = [];
  positions.forEach((position, k) => {
    const offset = k % 2 === 0 ? spans[k >> 1].textRange.start : spans[k >> 1].textRange.end;
    wanted.push(offset - position.character, offset);
  });
  const points = codePointOffsets(text, wanted);
  return positions.map((position, k) => ({ line: position.line + 1, column: points[2 * k + 1] - points[2 * k] + 1 }));
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Whether code points and UTF-16 units may differ in a text: most texts hold no surrogate, and skip the counting. */
function hasSurrogates(text: string): boolean {
  return SURROGATE.test(text);
}
