import type { TextEdit } from '../text/textEdit';
import type { Diagnostic } from '../validate/diagnostic';
import { TakenEdits } from './takenEdits';

/**
 * The edits of every preferred fix, skipping any fix whose edits overlap an
 * edit already taken (a fix is taken whole or not at all). Insertions at the
 * same point do not overlap. The result is sorted by position.
 */
export function fixAllEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const index = new TakenEdits();
  for (const diagnostic of diagnostics) {
    for (const fix of diagnostic.fixes) {
      if (!fix.preferred || fix.edits.some((edit) => index.overlaps(edit))) continue;
      for (const edit of fix.edits) index.add(edit);
      for (const edit of fix.edits) taken.push(edit);
    }
  }
  return taken.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}
