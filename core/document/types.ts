import type { OffsetRange } from '../text/range';

/** Problems the parser itself finds; the validator reports them under the same ids. */
export type ParseProblemCode =
  | 'frontmatter-missing'
  | 'frontmatter-unclosed'
  | 'yaml-syntax'
  | 'frontmatter-too-complex'
  | 'span-unclosed'
  | 'span-stray-close'
  | 'span-syntax';

export interface ParseProblem {
  readonly code: ParseProblemCode;
  readonly message: string;
  readonly range: OffsetRange;
}

/** One `key: value` of the front matter, with exact source ranges. */
export interface FieldNode {
  readonly key: string;
  readonly keyRange: OffsetRange;
  /** Range of the value node; an empty range just after the colon when the value is missing. */
  readonly valueRange: OffsetRange;
  /** The plain JavaScript value (null when empty). */
  readonly value: unknown;
  /** Nested fields when the value is a mapping. */
  readonly children?: readonly FieldNode[];
  /** Items with their ranges when the value is a sequence. */
  readonly items?: readonly FieldItem[];
}

export interface FieldItem {
  readonly value: unknown;
  readonly range: OffsetRange;
}

export interface FrontMatter {
  /** From the opening `---` to the end of the closing delimiter line. */
  readonly range: OffsetRange;
  /** The YAML text between the delimiters. */
  readonly contentRange: OffsetRange;
  readonly closed: boolean;
  /** Top-level fields in source order. */
  readonly fields: readonly FieldNode[];
  /** True when the YAML parsed to a mapping (or to nothing). */
  readonly isMapping: boolean;
}

export interface SpanCode {
  readonly name: string;
  /** Range of the name, without the leading dot. */
  readonly range: OffsetRange;
  /** Range of the whole `.name` token. */
  readonly tokenRange: OffsetRange;
}

export interface SpanId {
  readonly value: string;
  readonly range: OffsetRange;
  readonly tokenRange: OffsetRange;
}

export interface SpanAttribute {
  readonly key: string;
  readonly keyRange: OffsetRange;
  /** The value with quotes removed and escapes resolved. */
  readonly value: string;
  /** Range of the value inside any quotes. */
  readonly valueRange: OffsetRange;
  readonly quoted: boolean;
  /** Range of the whole `key=value` token. */
  readonly tokenRange: OffsetRange;
}

/** A tagged passage: `[text]{.code #id key=value}`. */
export interface Span {
  /** Position in document order of opening brackets. */
  readonly index: number;
  /** From `[` to the closing `}`, inclusive. */
  readonly range: OffsetRange;
  /** The tagged text, between `[` and `]` (markup of nested spans included). */
  readonly textRange: OffsetRange;
  /** From `{` to `}`, inclusive. */
  readonly attributeRange: OffsetRange;
  readonly codes: readonly SpanCode[];
  readonly ids: readonly SpanId[];
  readonly attributes: readonly SpanAttribute[];
  /** Index of the innermost enclosing span, if any. */
  readonly parent: number | undefined;
  readonly depth: number;
  /** Range of the tagged text in the clean text, in UTF-16 units. */
  readonly clean: OffsetRange;
}

export interface ReportDocument {
  readonly text: string;
  /** True when the text starts with a byte order mark (which is not part of the clean text). */
  readonly hasBom: boolean;
  readonly frontMatter: FrontMatter | undefined;
  /** Where the article body starts in the source. */
  readonly bodyStart: number;
  readonly spans: readonly Span[];
  /** The article text: the body with span markup removed. */
  readonly cleanText: string;
  readonly problems: readonly ParseProblem[];
  /** Maps a clean-text offset back to the source. */
  cleanToSource(offset: number): number;
  /** Maps a source offset into the clean text (markup collapses to the nearest text position). */
  sourceToClean(offset: number): number;
}
