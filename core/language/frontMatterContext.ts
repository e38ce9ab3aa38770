import type { OffsetRange } from '../text/range';

/** Where the cursor is in the front matter's YAML, read line by line so that it works while the YAML is incomplete. */
export type FrontMatterPosition =
  /** At a key; `parentPath` names the enclosing mapping field (empty at the top level). */
  | { readonly kind: 'key'; readonly parentPath: readonly string[]; readonly indent: string; readonly range: OffsetRange; readonly hasColon: boolean }
  /** At a value of the field at `path`; `item` when inside a list (`[a, b]` or `- a`); `range` covers the value (or the item) being written. */
  | { readonly kind: 'value'; readonly path: readonly string[]; readonly item: boolean; readonly flow: boolean; readonly range: OffsetRange };

const KEY_LINE = /^([ \t]*)([A-Za-z_][\w-]*)[ \t]*:(?=[ \t]|$)/;

export function frontMatterPosition(text: string, offset: number, contentStart: number): FrontMatterPosition | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const line = text.slice(lineStart, lineEnd);
  // A lone CR splits the YAML line into two editor lines: no range there would be one line in the editor.
  if (line.includes('\r')) return undefined;
  const column = offset - lineStart;
  const before = line.slice(0, column);

  const keyOnly = /^([ \t]*)([A-Za-z_][\w-]*)?$/.exec(before);
  if (keyOnly) {
    const indent = keyOnly[1];
    let end = column;
    while (end < line.length && /[\w-]/.test(line[end])) end++;
    const hasColon = /^[ \t]*:/.test(line.slice(end));
    return { kind: 'key', parentPath: parentPath(text, lineStart, indent.length, contentStart), indent, range: { start: lineStart + indent.length, end: lineStart + end }, hasColon };
  }

  const item = /^([ \t]*)-[ \t]*/.exec(before);
  if (item) {
    const path = listOwner(text, lineStart, item[1].length, contentStart);
    if (!path) return undefined;
    const start = lineStart + item[0].length;
    return { kind: 'value', path, item: true, flow: false, range: { start, end: lineStart + line.trimEnd().length } };
  }

  const key = KEY_LINE.exec(line);
  if (!key || column < key[0].length) return undefined;
  const path = [...parentPath(text, lineStart, key[1].length, contentStart), key[2]];
  let valueStart = key[0].length;
  while (valueStart < line.length && (line[valueStart] === ' ' || line[valueStart] === '\t')) valueStart++;
  const valueEnd = line.trimEnd().length;
  if (line[valueStart] === '[' && column > valueStart) {
    // A flow list: the item between the brackets or commas around the cursor.
    let start = column;
    while (start > valueStart + 1 && line[start - 1] !== ',' && line[start - 1] !== '[') start--;
    while (start < column && line[start] === ' ') start++;
    let end = column;
    while (end < valueEnd && line[end] !== ',' && line[end] !== ']') end++;
    while (end > start && line[end - 1] === ' ') end--;
    return { kind: 'value', path, item: true, flow: true, range: { start: lineStart + start, end: lineStart + end } };
  }
  return { kind: 'value', path, item: false, flow: false, range: { start: lineStart + Math.min(valueStart, column), end: lineStart + Math.max(valueEnd, column) } };
}

/** The keys of the mappings enclosing a line indented by `indent`. */
function parentPath(text: string, lineStart: number, indent: number, contentStart: number): string[] {
  const path: string[] = [];
  let want = indent;
  let at = lineStart;
  while (want > 0 && at > contentStart) {
    const previousStart = Math.max(text.lastIndexOf('\n', at - 2) + 1, contentStart);
    if (previousStart >= at) break;
    const line = text.slice(previousStart, at).replace(/\r?\n$/, '');
    at = previousStart;
    if (line.trim() === '' || /^[ \t]*#/.test(line)) continue;
    const key = KEY_LINE.exec(line);
    if (key && key[1].length < want) {
      path.push(key[2]);
      want = key[1].length;
    }
  }
  // Gathered innermost first (push, not unshift: deep front matter would make that quadratic).
  return want > 0 ? [] : path.reverse();
}

/** The field a block-list item (`- value`) belongs to: the nearest key above it, at the same or a smaller indentation. */
function listOwner(text: string, lineStart: number, indent: number, contentStart: number): string[] | undefined {
  let at = lineStart;
  while (at > contentStart) {
    const previousStart = Math.max(text.lastIndexOf('\n', at - 2) + 1, contentStart);
    if (previousStart >= at) break;
    const line = text.slice(previousStart, at).replace(/\r?\n$/, '');
    at = previousStart;
    if (/^[ \t]*-/.test(line) || line.trim() === '') continue;
    const key = KEY_LINE.exec(line);
    if (key && key[1].length <= indent && line.slice(key[0].length).trim() === '') {
      return [...parentPath(text, previousStart, key[1].length, contentStart), key[2]];
    }
    return undefined;
  }
  return undefined;
}
