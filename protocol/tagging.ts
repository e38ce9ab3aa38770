// Tagging a selection: the client (or any front end) picks the codes and the
// themes; the server computes the markup from the codebook and answers with
// the edit. The article text is never changed: only `[` and `]{…}` are inserted.
import { RequestType, type Range } from 'vscode-languageserver-protocol';

export interface TagParams {
  /** The report, and the version the selections are of (an edit since gives ContentModified). */
  readonly textDocument: { readonly uri: string; readonly version: number };
  /** The passages to tag; white space around them is left out of the span. Give either `selections` or `cleanSelections`. */
  readonly selections?: readonly Range[];
  /**
   * Or the passages as ranges of the clean text (UTF-16 units, half-open), as
   * the coded reader selects them: each becomes the source range that nests
   * with the spans already there, taking in whole every span it covers.
   */
  readonly cleanSelections?: ReadonlyArray<{ readonly start: number; readonly end: number }>;
  /** The code to tag with; give either `code` or `codes`. */
  readonly code?: string;
  /** Several codes for one span, `{.weakness .quote …}`, in the order given (a repeated code counts once); give either `code` or `codes`. */
  readonly codes?: readonly string[];
  /** The themes, written into the attribute that holds themes (`values: themes` in the codebook) of the first code that takes one. */
  readonly themes?: readonly string[];
  /** Values of other attributes, e.g. `{ speaker: 'one parent' }`; quoted when they need it. */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** One insertion: `[` before a passage, or the closing markup after it. */
export interface TagEdit {
  /** An empty range: the edits only insert. */
  readonly range: Range;
  /** The markup as plain text (`""` where a required attribute has no value yet). */
  readonly newText: string;
  /** The same markup as a snippet (LSP snippet syntax) when it has placeholders for required attributes without values. */
  readonly snippet?: string;
}

export type TagRefusalReason =
  /** Nothing but white space selected. */
  | 'empty'
  /** Not in the article text (the front matter). */
  | 'outsideBody'
  /** Would cut through existing span markup. */
  | 'crossesMarkup'
  /** Overlaps an earlier selection. */
  | 'overlaps'
  /** Brackets in the passage would pair with the new markup and change the article text. */
  | 'changesText';

export interface TagRefusal {
  readonly selection: Range;
  readonly reason: TagRefusalReason;
  readonly message: string;
}

export interface TagResult {
  /** In document order, not overlapping, for the version asked about: apply them together, as one undo step. */
  readonly edits: readonly TagEdit[];
  /** The passages tagged (trimmed), in document order. */
  readonly tagged: readonly Range[];
  readonly refused: readonly TagRefusal[];
}

/** `findings/tag`: the edit that tags the selections with a code (or several), its themes and attributes. */
export const TagRequest = new RequestType<TagParams, TagResult, void>('findings/tag');
