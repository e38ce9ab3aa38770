// Adjudication: the server makes (or brings up to date) the reference report
// of a report's article from the annotators' copies it indexes; the client
// writes it. The candidates it lists are settled with ordinary code actions
// (the rule `adjudication-candidate`).
import { RequestType } from 'vscode-languageserver-protocol';

export interface AdjudicateParams {
  /** Any report of the article: one annotator's copy, or its reference report. */
  readonly uri: string;
}

export type AdjudicateResult =
  | {
      readonly kind: 'reference';
      /** The reference report: the existing one, or where to create it (beside the first copy). */
      readonly uri: string;
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
  /** Why there is nothing to adjudicate (fewer than two annotators' copies, a reference that cannot be edited). */
  | { readonly kind: 'refused'; readonly message: string };

/** `findings/adjudicate`: the reference report of the article of a report; null for a file that is not a report. */
export const AdjudicateRequest = new RequestType<AdjudicateParams, AdjudicateResult | null, void>('findings/adjudicate');

/** The rule of a candidate's diagnostic (its `code`; core/validate/adjudicationRules.ts), which "Go to Next Disagreement" visits. */
export const CANDIDATE_RULE = 'adjudication-candidate';
