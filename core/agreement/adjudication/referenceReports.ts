/**
 * A reference report: the article coded as the annotators settled it, made
 * by adjudicating their copies. Its `annotator` is this value, so it is one
 * more copy of the article (same clean text) but never one annotator's:
 * agreement leaves it out.
 */
export const ADJUDICATED_ANNOTATOR = 'adjudicated';

/** Whether a copy's `annotator` (as annotatorOf reads it) marks a reference report. */
export function isReferenceAnnotator(annotator: string | undefined): boolean {
  return annotator === ADJUDICATED_ANNOTATOR;
}
