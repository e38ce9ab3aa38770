import type { Diagnostic, TextEdit } from '../validate/diagnostic';

/**
 * The edits of every preferred fix, skipping any fix whose edits overlap an
 * edit already taken (a fix is taken whole or not at all). Insertions at the
 * same point do not overlap. The result is sorted by position.
 */
export function fixAllEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const fixes = diagnostics.flatMap((diagnostic) => diagnostic.fixes.filter((fix) => fix.preferred));
  for (const fix of fixes) {
    if (fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...fix.edits);
  }
  return taken.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.range.start === a.range.end && b.range.start === b.range.end) return false;
  if (a.range.start === a.range.end) return a.range.start > b.range.start && a.range.start < b.range.end;
  if (b.range.start === b.range.end) return b.range.start > a.range.start && b.range.start < a.range.end;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}
