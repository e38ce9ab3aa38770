import type { ReportDocument, Span } from '../document/types';
import type { OffsetRange } from '../text/range';

/**
 * What a position in a report names: the vocabulary that hover, definition,
 * references, highlights and rename share.
 */
export type LanguageSymbol =
  /** A code in an attribute block; `range` covers the name without its dot. */
  | { readonly kind: 'code'; readonly name: string; readonly range: OffsetRange; readonly span: Span }
  /** One theme in a theme-valued attribute such as `theme="health workforce"`. */
  | { readonly kind: 'theme'; readonly name: string; readonly range: OffsetRange; readonly attribute: string; readonly span: Span }
  /** An attribute name (`theme` in `theme=health`). */
  | { readonly kind: 'attribute'; readonly name: string; readonly range: OffsetRange; readonly span: Span }
  /** A value of an attribute with a fixed list of values (`severity=significant`). */
  | { readonly kind: 'attributeValue'; readonly attribute: string; readonly value: string; readonly range: OffsetRange; readonly span: Span }
  /** A front-matter key; `path` has more than one step inside a mapping such as `source`. */
  | { readonly kind: 'field'; readonly path: readonly string[]; readonly range: OffsetRange }
  /** A scalar front-matter value, or an item of a list (`item` true). */
  | { readonly kind: 'fieldValue'; readonly path: readonly string[]; readonly value: string; readonly item: boolean; readonly range: OffsetRange }
  /** The value of an `area`-typed field. */
  | { readonly kind: 'area'; readonly value: string; readonly range: OffsetRange }
  /** A span's `#id`; `range` covers the value without the hash. */
  | { readonly kind: 'id'; readonly value: string; readonly range: OffsetRange; readonly span: Span };

/** A report of the corpus as the workspace-wide functions see it; `IndexedReport` fits. */
export interface CorpusReport {
  /** Whatever key the caller uses for the report (a path or a URI). */
  readonly path: string;
  readonly document: ReportDocument;
}

/** A range in one report of the corpus. */
export interface CorpusLocation {
  readonly path: string;
  readonly range: OffsetRange;
}
