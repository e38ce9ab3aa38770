import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import { spanLabel } from '../language/spanText';
import { readerHeader } from '../reader/readerModel';
import { spanCodeNames } from '../spans/spanCodeNames';
import { spanMemo } from '../spans/spanMemo';
import { spanThemeNames } from '../spans/spanThemes';
import type { OffsetRange } from '../text/range';
import { MEMO_EXCERPT_LENGTH } from './passageMemo';
import { reportMemoField, reportMemoText } from './reportMemo';

/** One memo of a report: on the report itself, or on a passage. */
export interface MemoOfReport {
  readonly kind: 'passage' | 'report';
  /** The passage's index; null for the report's memo. */
  readonly passage: number | null;
  readonly codes: readonly string[];
  readonly themes: readonly string[];
  /** The passage's clean text, shortened; the report's title (its area, or `name`) for the report's memo. */
  readonly excerpt: string;
  readonly memo: string;
  /** Where to go: the passage's tagged text, or the memo field's value. */
  readonly range: OffsetRange;
}

/**
 * Every memo of a report in document order: the report's memo first (the
 * front matter comes first), then each passage's that is not blank. One pass
 * over the spans; excerpts only for passages with a memo.
 */
export function memosOfReport(name: string, document: ReportDocument, codebook: Codebook): MemoOfReport[] {
  const memos: MemoOfReport[] = [];
  const reportMemo = reportMemoText(document);
  const field = reportMemoField(document);
  if (reportMemo !== null && field) {
    memos.push({ kind: 'report', passage: null, codes: [], themes: [], excerpt: readerHeader(name, document, codebook).title, memo: reportMemo, range: field.valueRange });
  }
  for (const span of document.spans) {
    const memo = spanMemo(span);
    if (!isPassageMemo(memo)) continue;
    memos.push({
      kind: 'passage',
      passage: span.index,
      codes: spanCodeNames(span),
      themes: spanThemeNames(span, codebook),
      excerpt: spanLabel(document, span, MEMO_EXCERPT_LENGTH),
      memo,
      range: span.textRange,
    });
  }
  return memos;
}

/** Whether memosOfReport lists any memo, without making one (no excerpt, no label). */
export function reportHasMemos(document: ReportDocument): boolean {
  return (reportMemoText(document) !== null && reportMemoField(document) !== undefined) || document.spans.some((span) => isPassageMemo(spanMemo(span)));
}

/** A passage's memo is listed unless blank. */
function isPassageMemo(memo: string | null): memo is string {
  return memo !== null && memo.trim() !== '';
}
