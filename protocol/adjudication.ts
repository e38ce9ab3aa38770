// Adjudication: the server makes (or brings up to date) the reference report
// of a report's article from the annotators' copies it indexes; the client
// writes it. The candidates it lists are settled with ordinary code actions
// (the rule `adjudication-candidate`).
import { RequestType } from 'vscode-languageserver-protocol';
import type { Adjudication } from '../core/agreement/adjudication/adjudicationResult';

export interface AdjudicateParams {
  /** Any report of the article: one annotator's copy, or its reference report. */
  readonly uri: string;
}

/** The core's answer (core/agreement/adjudication/adjudicationResult.ts), with the reference report's URI in place of its path. */
export type AdjudicateResult =
  | (Omit<Extract<Adjudication, { kind: 'reference' }>, 'path'> & { readonly uri: string })
  | Extract<Adjudication, { kind: 'refused' }>;

/** `findings/adjudicate`: the reference report of the article of a report; null for a file that is not a report. */
export const AdjudicateRequest = new RequestType<AdjudicateParams, AdjudicateResult | null, void>('findings/adjudicate');

/** The rule of a candidate's diagnostic (its `code`; core/validate/adjudicationRules.ts), which "Go to Next Disagreement" visits. */
export const CANDIDATE_RULE = 'adjudication-candidate';
