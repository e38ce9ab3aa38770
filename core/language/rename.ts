import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Codebook, CodebookSource, DefinitionLocation } from '../codebook/types';
import { mapEntries } from '../codebook/yamlNodes';
import type { ReportDocument } from '../document/types';
import type { OffsetRange } from '../text/range';
import type { TextEdit } from '../validate/diagnostic';
import { spanThemes } from './attributeValues';
import { codeOccurrences, referenceTargetAt, type ReferenceTarget } from './references';
import type { CorpusReport } from './types';

/** The names codes and themes must have (the codebook schema's `name` pattern). */
export const CODEBOOK_NAME_PATTERN = /^[a-z][a-z0-9-]*$/;

/** The workspace codebook file as the front end found it: none, present but invalid (so not in force), or in force. */
export type WorkspaceCodebookState = 'missing' | 'invalid' | 'valid';

export type PrepareRenameResult =
  | { readonly ok: true; readonly target: ReferenceTarget; readonly range: OffsetRange; readonly placeholder: string }
  | { readonly ok: false; readonly message: string };

export type RenameResult =
  | { readonly ok: true; readonly edits: ReadonlyMap<string, readonly TextEdit[]>; readonly codebookEdits: readonly TextEdit[]; readonly codebook: CodebookSource | undefined }
  | { readonly ok: false; readonly message: string };

export interface RenameInput {
  readonly reports: Iterable<CorpusReport>;
  readonly codebook: Codebook;
  readonly target: ReferenceTarget;
  readonly newName: string;
  /** Whether a workspace codebook file exists; `valid` is also inferred from the codebook's sources. */
  readonly workspaceCodebook?: WorkspaceCodebookState;
}

/** Checks that the code or theme at an offset can be renamed; undefined when nothing renameable is there. */
export function prepareRename(document: ReportDocument, codebook: Codebook, offset: number, workspaceCodebook: WorkspaceCodebookState = 'missing'): PrepareRenameResult | undefined {
  const target = referenceTargetAt(document, codebook, offset);
  if (!target) return undefined;
  const refusal = refusalFor(codebook, target, workspaceCodebook);
  if (refusal) return { ok: false, message: refusal };
  return { ok: true, target: { kind: target.kind, name: target.name }, range: target.range, placeholder: target.name };
}

/**
 * The edits that rename a code or theme in every report of the corpus and in
 * the workspace codebook. A built-in entry is copied into the workspace
 * codebook under its new name (the built-in one cannot be edited).
 */
export function renameEdits(input: RenameInput): RenameResult {
  const { codebook, target, newName } = input;
  const kind = target.kind;
  if (!CODEBOOK_NAME_PATTERN.test(newName)) {
    return { ok: false, message: `\`${newName}\` is not a valid ${kind} name: use lower-case letters, digits and hyphens, starting with a letter.` };
  }
  const workspace = workspaceSource(codebook);
  const refusal = refusalFor(codebook, target, workspace ? 'valid' : (input.workspaceCodebook ?? 'missing'));
  if (refusal) return { ok: false, message: refusal };
  const entries = kind === 'code' ? codebook.codes : codebook.themes;
  const entry = entries.get(target.name);
  if (newName === target.name) return { ok: true, edits: new Map(), codebookEdits: [], codebook: undefined };
  if (entry && entries.has(newName)) return { ok: false, message: `The codebook already defines a ${kind} \`${newName}\`.` };

  const edits = new Map<string, TextEdit[]>();
  for (const report of input.reports) {
    const reportEdits = kind === 'code'
      ? codeOccurrences(report.document, target.name).map((range) => ({ range, newText: newName }))
      : themeEdits(report.document, codebook, target.name, newName);
    if (reportEdits.length > 0) edits.set(report.path, reportEdits);
  }

  if (!entry || !workspace) return { ok: true, edits, codebookEdits: [], codebook: undefined };
  const codebookEdits = entry.location.source === workspace
    ? renameInWorkspace(workspace, entry.location, kind, target.name, newName)
    : copyIntoWorkspace(workspace, entry.location, kind === 'code' ? 'codes' : 'themes', newName);
  if (!Array.isArray(codebookEdits)) return { ok: false, message: codebookEdits.message };
  return { ok: true, edits, codebookEdits, codebook: workspace };
}

function workspaceSource(codebook: Codebook): CodebookSource | undefined {
  return codebook.sources.find((source) => source.kind === 'workspace');
}

function refusalFor(codebook: Codebook, target: ReferenceTarget, state: WorkspaceCodebookState): string | undefined {
  const entry = target.kind === 'code' ? codebook.codes.get(target.name) : codebook.themes.get(target.name);
  if (!entry || entry.location.source.kind !== 'builtin' || workspaceSource(codebook)) return undefined;
  if (state === 'invalid') {
    return `\`${target.name}\` is a ${target.kind} of the built-in codebook, and the workspace codebook.yaml has errors: fix them first, then rename.`;
  }
  return `\`${target.name}\` is a ${target.kind} of the built-in codebook, which cannot be edited. Add a codebook.yaml to the workspace (it extends the built-in one) to rename it.`;
}

function themeEdits(document: ReportDocument, codebook: Codebook, oldName: string, newName: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const rebuilt = new Set<object>();
  for (const span of document.spans) {
    for (const part of spanThemes(span, codebook)) {
      if (part.text !== oldName) continue;
      if (part.exact) {
        edits.push({ range: part.range, newText: newName });
      } else if (!rebuilt.has(part.attribute)) {
        // Escapes in the value: write the whole value again.
        rebuilt.add(part.attribute);
        const quote = document.text[part.attribute.valueRange.start - 1];
        const value = part.attribute.value.replace(/[^\s,]+/g, (word) => (word === oldName ? newName : word));
        const escaped = part.attribute.quoted ? value.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`) : value;
        edits.push({ range: part.attribute.valueRange, newText: escaped });
      }
    }
  }
  return edits.sort((a, b) => a.range.start - b.range.start);
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
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(text);
  const entry = mapEntries(doc.contents).find((e) => e.key === section);
  if (!entry) {
    const before = text.length === 0 || text.endsWith('\n') ? '' : eol;
    return [{ range: { start: text.length, end: text.length }, newText: `${before}${section}:${eol}${entryBlock(location, newName, '  ', eol)}${eol}` }];
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
