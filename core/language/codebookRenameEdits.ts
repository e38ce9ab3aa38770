import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { CodebookSource, DefinitionLocation } from '../codebook/types';
import { mapEntries } from '../codebook/yamlNodes';
import { lineEndingOf } from '../text/lineEnding';
import type { OffsetRange } from '../text/range';
import type { TextEdit } from '../text/textEdit';
import type { ReferenceTarget } from './references';

/**
 * The edits to the workspace codebook that rename a code or theme defined at
 * `location`: in place (with the `expects_codes` naming a code) when the
 * workspace codebook defines it, else a copy of the built-in entry under the
 * new name, since the built-in codebook cannot be edited. A message when the
 * workspace codebook's layout leaves no safe place for the copy.
 */
export function codebookRenameEdits(workspace: CodebookSource, location: DefinitionLocation, kind: ReferenceTarget['kind'], oldName: string, newName: string): TextEdit[] | { message: string } {
  return location.source === workspace
    ? renameInWorkspace(workspace, location, kind, oldName, newName)
    : copyIntoWorkspace(workspace, location, kind === 'code' ? 'codes' : 'themes', newName);
}

function renameInWorkspace(source: CodebookSource, location: DefinitionLocation, kind: ReferenceTarget['kind'], oldName: string, newName: string): TextEdit[] {
  const edits: TextEdit[] = [{ range: location.range, newText: keepQuotes(source.text, location.range, newName) }];
  if (kind === 'code') {
    const doc = parseDocument(source.text);
    const fields = mapEntries(doc.contents).find((entry) => entry.key === 'fields');
    collectExpectedCodes(fields?.value ?? null, oldName, (range) => edits.push({ range, newText: keepQuotes(source.text, range, newName) }));
  }
  return edits.sort((a, b) => a.range.start - b.range.start);
}

/** Finds `expects_codes` entries naming a code anywhere under a node. */
function collectExpectedCodes(node: YamlNode | null, name: string, found: (range: OffsetRange) => void): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const value = pair.value as YamlNode | null;
      if (key === 'expects_codes') {
        const items = isSeq(value) ? (value.items as YamlNode[]) : [value];
        for (const item of items) if (isScalar(item) && String(item.value) === name && item.range) found({ start: item.range[0], end: item.range[1] });
      } else {
        collectExpectedCodes(value, name, found);
      }
    }
  } else if (isSeq(node)) {
    for (const item of node.items) collectExpectedCodes(item as YamlNode, name, found);
  }
}

function keepQuotes(text: string, range: OffsetRange, name: string): string {
  const first = text[range.start];
  return first === '"' || first === "'" ? `${first}${name}${first}` : name;
}

/** Adds a copy of a built-in entry, under its new name, to the workspace codebook's section. */
function copyIntoWorkspace(workspace: CodebookSource, location: DefinitionLocation, section: 'codes' | 'themes', newName: string): TextEdit[] | { message: string } {
  const text = workspace.text;
  const eol = lineEndingOf(text);
  const doc = parseDocument(text);
  const entry = mapEntries(doc.contents).find((e) => e.key === section);
  if (!entry) {
    // Before a document end marker (`...`): anything after it would start a second document.
    const at = doc.directives.docEnd ? doc.range[1] : text.length;
    const before = at === 0 || text[at - 1] === '\n' ? '' : eol;
    return [{ range: { start: at, end: at }, newText: `${before}${section}:${eol}${entryBlock(location, newName, '  ', eol)}${eol}` }];
  }
  const value = entry.value;
  if (value === null || (isScalar(value) && (value.value === null || value.value === ''))) {
    const lineEnd = text.indexOf('\n', entry.keyRange.end);
    const at = lineEnd === -1 ? text.length : lineEnd + 1;
    const before = lineEnd === -1 ? eol : '';
    return [{ range: { start: at, end: at }, newText: `${before}${entryBlock(location, newName, '  ', eol)}${eol}` }];
  }
  const first = mapEntries(value)[0];
  if (!isMap(value) || value.flow || !first) {
    return { message: `The workspace codebook's \`${section}:\` is not a block mapping, so the built-in entry cannot be copied into it: write it on indented lines.` };
  }
  const lineStart = text.lastIndexOf('\n', first.keyRange.start - 1) + 1;
  const indent = text.slice(lineStart, first.keyRange.start);
  if (!/^[ ]*$/.test(indent)) return { message: `The workspace codebook's \`${section}:\` is not indented with spaces.` };
  return [{ range: { start: lineStart, end: lineStart }, newText: `${entryBlock(location, newName, indent, eol)}${eol}` }];
}

/** The lines of a codebook entry, re-indented and with the key replaced. */
function entryBlock(location: DefinitionLocation, newName: string, indent: string, eol: string): string {
  const text = location.source.text;
  const lineStart = text.lastIndexOf('\n', location.range.start - 1) + 1;
  const ownIndent = location.range.start - lineStart;
  const lines: string[] = [];
  let at = lineStart;
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(at, end).replace(/\r$/, '');
    if (lines.length > 0 && line.trim() !== '' && line.length - line.trimStart().length <= ownIndent) break;
    lines.push(line);
    if (newline === -1) break;
    at = newline + 1;
  }
  while (lines.length > 1 && lines[lines.length - 1].trim() === '') lines.pop();
  const head = `${newName}${lines[0].slice(ownIndent + (location.range.end - location.range.start))}`;
  const rest = lines.slice(1).map((line) => (line.trim() === '' ? '' : indent + line.slice(Math.min(ownIndent, line.length - line.trimStart().length))));
  return [indent + head, ...rest].join(eol);
}
