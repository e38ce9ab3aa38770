import type { OffsetRange } from '../text/range';
import type { TextEdit } from '../text/textEdit';

export type Severity = 'error' | 'warning' | 'information';

/** A fix the editor offers as a quick fix; edits are in the same document. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix to apply on "fix all" when there is a single obvious one. */
  readonly preferred: boolean;
  /**
   * Set on a fix whose purpose is to turn characters the parser read as
   * article text into markup (or to remove them): the clean text loses
   * exactly the characters of the edited ranges and nothing else. Every
   * other fix leaves the clean text unchanged, and tests hold both to it.
   */
  readonly removesTextMarkup?: boolean;
}

/**
 * A problem found in a text, under the id of the rule that found it. Generic
 * in the id so that each layer (codebook, validator) names only its own rules.
 */
export interface Diagnostic<Rule extends string = string> {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly message: string;
  /** UTF-16 offsets into the text checked. */
  readonly range: OffsetRange;
  readonly fixes: readonly Fix[];
}
