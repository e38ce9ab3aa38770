// What every agreement output states beside its figures, in one wording for
// the CLI, the editor and the docs.
import { MATCHING_RULE } from './spanMatching';

export { MATCHING_RULE };

/** The matching rule in a few words, for a column of a table. */
export const MATCHING_RULE_SHORT = 'one-to-one; exact first, then same label by largest overlap and earliest start, then other labels';

/** The unit every offset, length and character-level coefficient counts in. */
export const UNIT = 'Unicode code points of the clean text';

/** How the corpus figures are made. */
export const POOLING = 'corpus figures are pooled: the counts of every article added up before each coefficient is computed (not a mean of per-article figures); a pair is pooled over the articles both coded; alpha_U over the articles every annotator coded';

/** How character units are formed. */
export const CHARACTER_UNITS = 'each code point is a unit; each code (or theme) is its own binary variable, covered or not, nested codes separately; the all-codes row pools the variables';

/** What "n/a" means. */
export const UNDEFINED = 'n/a: undefined, no disagreement to expect (nobody used the code, or every unit has the one value); never shown as 1 or 0';
