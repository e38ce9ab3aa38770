import type { Fix } from '../../diagnostics/diagnostic';
import type { OffsetRange } from '../../text/range';
import type { NearMissRule } from './nearMissRules';

/** Markup that is almost right, which the parser reads as something else (most often as article text). */
export interface NearMiss {
  readonly rule: NearMissRule;
  readonly range: OffsetRange;
  readonly message: string;
  /** The fixes that make it the markup meant. */
  readonly fixes: Fix[];
  /**
   * The text that `keep_as_text` records to keep it as article text, which
   * then silences it; undefined for a slip inside real markup, where there
   * is no article text to keep.
   */
  readonly passage: OffsetRange | undefined;
}
