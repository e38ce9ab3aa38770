// What "Adjudicate" gives: the reference report of an article, or why there
// is none. No imports: the protocol states its request with this type.

export type Adjudication =
  | {
      readonly kind: 'reference';
      /** The reference report: the existing one, or where to create it (beside the first copy). */
      readonly path: string;
      /** Its whole text, to write (created) or to put in place of its text (updated). */
      readonly text: string;
      readonly created: boolean;
      /** How many annotators' copies it was made from. */
      readonly copies: number;
      /** Agreed spans marked up now (all of them for a new reference; those it lacked for an update). */
      readonly agreed: number;
      /** Agreed spans that could not be marked up: they would cut through spans of the reference. */
      readonly unplaced: number;
      /** Disagreements left to settle. */
      readonly candidates: number;
    }
  /** Why there is nothing to adjudicate (fewer than two annotators' copies, a reference that cannot be edited, copies of different articles). */
  | { readonly kind: 'refused'; readonly message: string };
