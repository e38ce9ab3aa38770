import type { Fix } from '../../diagnostics/diagnostic';
import type { OffsetRange } from '../../text/range';
import type { TextEdit } from '../../text/textEdit';

/**
 * A fix that turns article text into markup. Its edits cover exactly the
 * characters that leave the clean text (see Fix.removesTextMarkup), which is
 * why a `[` that becomes markup as it is still gets an edit: see claimEdit.
 */
export function markupFix(title: string, edits: TextEdit[], preferred: boolean): Fix {
  return { title, edits, preferred, removesTextMarkup: true };
}

/** Rewrites `range` as it is: its characters stay, but now as markup. */
export function claimEdit(text: string, range: OffsetRange): TextEdit {
  return { range, newText: text.slice(range.start, range.end) };
}

/** A passage for a fix title: on one line, and short. */
export function quotedForTitle(passage: string): string {
  const oneLine = passage.replace(/\s+/g, ' ').trim();
  return `“${oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine}”`;
}
