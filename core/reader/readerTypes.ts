/**
 * What the coded reader, the editor's code tints and "Save as HTML" show of
 * a report: its clean text, its passages with their codes, and a compact
 * header. Plain data without imports: the reader's webview bundle uses
 * these types (and the functions beside them that import only this file).
 *
 * Offsets into the clean text are in UTF-16 code units (JavaScript string
 * indices); source positions are zero-based lines and UTF-16 characters, as
 * in LSP.
 */

/** The name of the attribute every code accepts for a note on its passage. */
export const MEMO_ATTRIBUTE = 'memo';

export interface ReaderPosition {
  readonly line: number;
  readonly character: number;
}

export interface ReaderRange {
  readonly start: ReaderPosition;
  readonly end: ReaderPosition;
}

/** One attribute as written on a passage, `key=value`, other than its themes and its memo. */
export interface ReaderAttribute {
  readonly key: string;
  readonly value: string;
}

export interface ReaderPassage {
  /** The span's index: its position in document order of opening brackets (the export's `index`). */
  readonly index: number;
  /** The tagged text in the clean text, UTF-16 units, half-open. */
  readonly start: number;
  readonly end: number;
  /** The code names as written, each once, in order. */
  readonly codes: readonly string[];
  /** Theme names, each once, in order. */
  readonly themes: readonly string[];
  readonly attributes: readonly ReaderAttribute[];
  /** The value of the passage's `memo` attribute; null without one. */
  readonly memo: string | null;
  /** The first `#id`, if any. */
  readonly id: string | null;
  /** The enclosing passage's index, for nested spans. */
  readonly parent: number | null;
  readonly depth: number;
  /** In the report's source: the whole span (`[` to `}`), its tagged text, and the `]{…}` that closes it. */
  readonly source: {
    readonly span: ReaderRange;
    readonly text: ReaderRange;
    readonly close: ReaderRange;
  };
}

/** A code of the codebook in force, for colours and the legend. */
export interface ReaderCode {
  readonly name: string;
  readonly label: string;
  /** A CSS colour from the codebook (`#rrggbb`). */
  readonly color: string;
  /** How many passages of this report carry the code. */
  readonly passages: number;
}

export interface ReaderTheme {
  readonly name: string;
  readonly label: string;
  readonly passages: number;
}

/** One entry of the compact header: a front-matter field as text. */
export interface ReaderHeaderField {
  readonly key: string;
  /** The field's name in words (`inspection_dates` → "Inspection dates"). */
  readonly label: string;
  /** The value as text; enum values by their label when the codebook gives one, lists joined with ", ". */
  readonly value: string;
}

export interface ReaderHeader {
  /** The value of the codebook's area field (or the file name when there is none). */
  readonly title: string;
  readonly fields: readonly ReaderHeaderField[];
  /** The report's memo (front-matter `memo`); null without one. */
  readonly memo: string | null;
}

/** The passages of a report: what the editor's tints, stripes and hovers need, without the text. */
export interface ReaderPassages {
  readonly passages: readonly ReaderPassage[];
  /** Every code of the codebook in force, in its order (a code the report uses but the codebook lacks comes last, in grey). */
  readonly codes: readonly ReaderCode[];
  readonly themes: readonly ReaderTheme[];
}

export interface ReaderModel extends ReaderPassages {
  /** The report's file name, for titles. */
  readonly name: string;
  readonly header: ReaderHeader;
  /** The article: the body with the span markup removed. */
  readonly cleanText: string;
  /**
   * Where each source line of the body starts in the clean text: line
   * `firstLine + i` starts at clean offset `offsets[i]` (for scrolling the
   * reader and the source together).
   */
  readonly lines: { readonly firstLine: number; readonly offsets: readonly number[] };
  /** The article's SHA-256 (lowercase hex), for the saved HTML. */
  readonly fingerprint: string;
}
