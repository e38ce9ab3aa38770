import type { Codebook } from '../codebook/types';
import { scalarFieldText } from '../document/fieldValueText';
import type { ReportDocument } from '../document/types';
import { articleFingerprint } from '../document/articleFingerprint';
import { documentRecord, frontMatterFields } from '../export/findingRecords';
import { MEMO_ATTRIBUTE } from '../reader/readerTypes';
import { isThemeAttribute } from '../spans/spanThemes';
import { codePointLength } from '../text/codePoints';

/** A span as agreement reads it: offsets in code points (as exports give them), its codes, themes and other attributes. */
export interface AnnotatedSpan {
  /** The span's position in its report (order of opening brackets). */
  readonly index: number;
  /** Offsets into the clean text in Unicode code points. */
  readonly start: number;
  readonly end: number;
  /** The same in UTF-16 units, to quote the text. */
  readonly startUtf16: number;
  readonly endUtf16: number;
  readonly codes: readonly string[];
  readonly themes: readonly string[];
  /** The attributes that hold no themes (speaker, severity…) other than the memo, keys sorted, first value of each. */
  readonly attributes: Readonly<Record<string, string>>;
}

/** What the front matter says of the article's source, to find copies of one article whose texts differ. */
export interface SourceFields {
  readonly url?: string;
  readonly area?: string;
  readonly published?: string;
  readonly publisher?: string;
}

/** What finding copies of one source whose texts differ needs of a report (sourceMismatches.ts). */
export type SourcedText = Pick<Annotation, 'path' | 'fingerprint' | 'text' | 'source'>;

/** One annotator's copy of an article. */
export interface Annotation {
  readonly path: string;
  /** The front matter's `annotator`, when it is text. */
  readonly annotator: string | undefined;
  /** SHA-256 of the clean text: copies with the same one are one article. */
  readonly fingerprint: string;
  /** The clean text, and its length in code points. */
  readonly text: string;
  readonly length: number;
  readonly source: SourceFields;
  readonly spans: readonly AnnotatedSpan[];
}

/**
 * A parsed report as one annotator's copy. Offsets, codes, themes and the
 * fingerprint are the export's (documentRecord): the figures count in the
 * units a dataset's users see.
 */
export function annotationOf(path: string, document: ReportDocument, codebook: Codebook): Annotation {
  const record = documentRecord(path, document, codebook);
  const fields = record.fields;
  const spans = record.findings.map((finding, i): AnnotatedSpan => {
    const span = document.spans[i];
    const attributes: Record<string, string> = {};
    // A memo is one annotator's note, not a coding decision: it is never a disagreement.
    for (const [key, value] of Object.entries(finding.attributes)) if (key !== MEMO_ATTRIBUTE && !isThemeAttribute(span, codebook, key)) attributes[key] = value;
    return {
      index: finding.index,
      start: finding.start,
      end: finding.end,
      startUtf16: finding.start_utf16,
      endUtf16: finding.end_utf16,
      codes: finding.codes,
      themes: finding.themes,
      attributes,
    };
  });
  return {
    path,
    annotator: trimmedFieldText(fields[ANNOTATOR_FIELD]),
    fingerprint: record.text_sha256,
    text: document.cleanText,
    length: record.text_length.code_points,
    source: sourceFields(fields),
    spans,
  };
}

/**
 * A copy whose spans agreement never compares (an article coded once, a
 * reference report): its path, annotator, text and source as annotationOf
 * gives them, without spans, from what an index keeps of a report.
 */
export function uncomparedCopy(path: string, sourced: SourcedText, annotator: string | undefined): Annotation {
  return { path, annotator, fingerprint: sourced.fingerprint, text: sourced.text, length: codePointLength(sourced.text), source: sourced.source, spans: [] };
}

/** The front-matter fields that say whose copy a report is and whether it was reviewed. */
export const ANNOTATOR_FIELD = 'annotator';
export const STATUS_FIELD = 'status';

/** The report's `annotator`, as agreement names its copy: trimmed text, undefined when absent or empty. */
export function annotatorOf(document: ReportDocument): string | undefined {
  return trimmedFieldText(frontMatterFields(document)[ANNOTATOR_FIELD]);
}

/** A parsed report's path, fingerprint, clean text and source, without reading its spans (cheaper than annotationOf). */
export function sourcedTextOf(path: string, document: ReportDocument): SourcedText {
  return { path, fingerprint: articleFingerprint(document), text: document.cleanText, source: sourceFields(frontMatterFields(document)) };
}

function sourceFields(fields: Readonly<Record<string, unknown>>): SourceFields {
  const source = fields.source !== null && typeof fields.source === 'object' && !Array.isArray(fields.source) ? (fields.source as Record<string, unknown>) : {};
  return { url: trimmedFieldText(source.url), area: trimmedFieldText(fields.area), published: trimmedFieldText(fields.published), publisher: trimmedFieldText(source.publisher) };
}

/** A scalar field as trimmed text; undefined when absent, empty or not a scalar. */
export function trimmedFieldText(value: unknown): string | undefined {
  const scalar = scalarFieldText(value)?.trim();
  return scalar === '' ? undefined : scalar;
}
