import type { AgreementFigures, SourceMismatch } from './agreementTypes';
import { CHARACTER_UNITS, UNDEFINED } from './statements';

/**
 * The agreement figures as one plain document: what `findings agree
 * --format json` prints and what the language server answers to
 * `findings/agreement`, so the CLI and the editor show the same numbers.
 * Imports types and wording only: the protocol (and webviews) read its type.
 */
export function agreementDocument(result: { readonly figures: AgreementFigures; readonly mismatches: readonly SourceMismatch[] }) {
  const { unit, by, labels, matching, pooling, annotators, corpus, articles, single } = result.figures;
  return { unit, by, labels, matching, characterUnits: CHARACTER_UNITS, pooling, undefinedValues: UNDEFINED, annotators, corpus, articles, single, mismatches: result.mismatches };
}

export type AgreementDocument = ReturnType<typeof agreementDocument>;
