/**
 * How one annotator's passage stands against the other annotators' copies
 * of the article, as the comparison view marks it. No imports: the
 * comparison's webview bundle uses these names and words.
 */

/**
 * Against one other annotator:
 * - `agreed`: they have a span with the same bounds, codes, themes and other
 *   attributes (adjudication's passageKey);
 * - `boundary`: they have a span of one of its codes overlapping it with
 *   other bounds;
 * - `code`: they coded it otherwise: at the same bounds with other codes,
 *   themes or attributes, or only with spans of other codes overlapping it;
 * - `one-sided`: they have nothing overlapping it.
 * Against several, the passage takes the worst of these, in this order.
 */
export type PassageStatus = 'agreed' | 'boundary' | 'code' | 'one-sided';

/** From the least difference to the greatest: the order "worst" reads. */
export const PASSAGE_STATUSES: readonly PassageStatus[] = ['agreed', 'boundary', 'code', 'one-sided'];

/** The words for each status: a short name, and a sentence for a legend or a screen reader. */
export const PASSAGE_STATUS_WORDS: Readonly<Record<PassageStatus, { readonly name: string; readonly meaning: string }>> = {
  agreed: { name: 'agreed', meaning: 'every other annotator has this span with the same bounds, codes, themes and attributes' },
  boundary: { name: 'boundary difference', meaning: 'another annotator coded it with the same code but other bounds' },
  code: { name: 'code difference', meaning: 'another annotator coded it otherwise: other codes, themes or attributes' },
  'one-sided': { name: 'one-sided', meaning: 'another annotator coded nothing overlapping it' },
};

/** The greater of two differences. */
export function worseStatus(a: PassageStatus, b: PassageStatus): PassageStatus {
  return PASSAGE_STATUSES.indexOf(a) >= PASSAGE_STATUSES.indexOf(b) ? a : b;
}
