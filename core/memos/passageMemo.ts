import type { ReportDocument, Span } from '../document/types';
import { spanLabel } from '../language/spanText';
import { spanCodeNames } from '../spans/spanCodeNames';
import { spanMemo } from '../spans/spanMemo';
import { spansAtOffset } from '../spans/spansAtOffset';

/** How long an excerpt of a passage's text is, in characters, for prompts and lists. */
export const MEMO_EXCERPT_LENGTH = 80;

export interface PassageMemo {
  /** The span's index. */
  readonly passage: number;
  /** Its memo as it reads; '' without one. */
  readonly memo: string;
  readonly codes: readonly string[];
  /** Its clean text on one line, shortened. */
  readonly excerpt: string;
}

/**
 * The innermost passage at a source offset: the one whose markup (`[` to `}`)
 * holds it or, when none does, ends right before it (a cursor just after `}`).
 */
export function passageAt(document: ReportDocument, offset: number): Span | undefined {
  return spansAtOffset(document, offset)[0] ?? (offset > 0 ? spansAtOffset(document, offset - 1)[0] : undefined);
}

export function passageMemo(document: ReportDocument, span: Span): PassageMemo {
  return { passage: span.index, memo: spanMemo(span) ?? '', codes: spanCodeNames(span), excerpt: spanLabel(document, span, MEMO_EXCERPT_LENGTH) };
}
