import type { FieldItem, FieldNode } from '../../document/types';
import { lineBreakLength, lineStartOf, nextLineBreak } from '../../text/lineBreaks';
import type { TextEdit } from '../../text/textEdit';

/**
 * The edit that takes one item out of a front-matter list: its lines from a
 * block list (`  - at: …` and the lines below it), or it and its comma from
 * a flow list (`[…, …]`). The last item leaves `[]`, so the field still says
 * the list is empty. Undefined when the item is not laid out as either.
 */
export function listItemRemoval(text: string, field: FieldNode, item: FieldItem): TextEdit | undefined {
  const items = field.items ?? [];
  const { start, end } = field.valueRange;
  if (text[start] === '[') {
    if (items.length === 1) return { range: field.valueRange, newText: '[]' };
    let after = item.range.end;
    while (after < end && /\s/.test(text[after])) after++;
    if (text[after] === ',') {
      after++;
      while (after < end && /\s/.test(text[after])) after++;
      return { range: { start: item.range.start, end: after }, newText: '' };
    }
    let before = item.range.start;
    while (before > start && /\s/.test(text[before - 1])) before--;
    return text[before - 1] === ',' ? { range: { start: before - 1, end: item.range.end }, newText: '' } : undefined;
  }
  const lineStart = lineStartOf(text, item.range.start);
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(lineStart, item.range.start))) return undefined;
  const lineEnd = nextLineBreak(text, item.range.end);
  if (items.length === 1) {
    // From the colon after the key: `candidates: []`, whatever was written after the colon.
    const colon = text.indexOf(':', field.keyRange.end);
    return colon === -1 || colon > lineStart ? undefined : { range: { start: colon, end: lineEnd }, newText: ': []' };
  }
  return { range: { start: lineStart, end: lineEnd + lineBreakLength(text, lineEnd) }, newText: '' };
}
