import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import type { OffsetRange } from '../text/range';
import type { TextEdit } from '../validate/diagnostic';

export interface TagAction {
  readonly title: string;
  readonly code: string;
  readonly edits: readonly TextEdit[];
}

/**
 * "Tag selection as <code>" for each code of the codebook: wraps the selected
 * body text in `[` … `]{.code}`, adding `key=` for the attributes the code
 * requires (the diagnostics then guide the user to fill them in). Nothing is
 * offered for an empty selection, one outside the body, or one that would cut
 * through existing markup.
 */
export function tagSelectionActions(document: ReportDocument, codebook: Codebook, selection: OffsetRange): TagAction[] {
  const range = trimSelection(document.text, selection);
  if (!range || range.start < document.bodyStart) return [];
  for (const span of document.spans) {
    const disjoint = range.end <= span.range.start || range.start >= span.range.end;
    const around = range.start <= span.range.start && range.end >= span.range.end;
    const within = range.start >= span.textRange.start && range.end <= span.textRange.end;
    if (!disjoint && !around && !within) return [];
  }
  const actions: TagAction[] = [];
  for (const code of codebook.codes.values()) {
    const required = [...code.attributes.values()].filter((attribute) => attribute.required).map((attribute) => ` ${attribute.name}=`);
    actions.push({
      title: `Tag selection as ${code.name}`,
      code: code.name,
      edits: [
        { range: { start: range.start, end: range.start }, newText: '[' },
        { range: { start: range.end, end: range.end }, newText: `]{.${code.name}${required.join('')}}` },
      ],
    });
  }
  return actions;
}

/** The selection without surrounding white space; undefined when nothing is left. */
function trimSelection(text: string, selection: OffsetRange): OffsetRange | undefined {
  let start = Math.max(0, Math.min(selection.start, selection.end));
  let end = Math.min(text.length, Math.max(selection.start, selection.end));
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}
