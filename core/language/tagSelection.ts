import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import type { OffsetRange } from '../text/range';
import type { TextEdit } from '../validate/diagnostic';
import { tagTarget } from './tagEdit';

export interface TagAction {
  readonly title: string;
  readonly code: string;
  readonly edits: readonly TextEdit[];
}

/**
 * "Tag selection as <code>" for each code of the codebook: wraps the selected
 * body text in `[` … `]{.code}`, adding `key=` for the attributes the code
 * requires (the diagnostics then guide the user to fill them in). Nothing is
 * offered for an empty selection, one outside the body, one that would cut
 * through existing markup, or one whose brackets would pair with the new
 * markup (the article text never changes).
 */
export function tagSelectionActions(document: ReportDocument, codebook: Codebook, selection: OffsetRange): TagAction[] {
  const found = tagTarget(document, selection);
  if (!('range' in found)) return [];
  const range = found.range;
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
