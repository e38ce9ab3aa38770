// `findings/tag`: the edit that tags passages of a report with a code, its
// themes and attributes, computed by the core from the codebook in force.
// The front end only picks the code and the themes, and applies the edit.
import { ErrorCodes, ResponseError, type Range } from 'vscode-languageserver/node';
import { planTagging, tagRefusalMessage, type OffsetRange } from '../../core';
import { TagRequest, type TagEdit, type TagParams, type TagResult } from '../../protocol';
import type { ServerContext } from '../context';
import { ContentModified, guard } from '../guard';

export function registerTagging(context: ServerContext): void {
  const { connection, workspace } = context;
  connection.onRequest(TagRequest, guard(connection, TagRequest.method, (params: TagParams): TagResult => {
    const { uri, version, selections, code, themes, attributes } = checkTagParams(params);
    const entry = workspace.report(uri);
    if (!entry) throw invalid(`${uri} is not a report the server knows`);
    // Tag what the user saw: an edit made since moves the passages.
    if (entry.version !== null && entry.version !== version) throw new ContentModified();
    const codebook = entry.folder.codebook.codebook;
    const offsets = selections.map((range): OffsetRange => ({ start: entry.lines.offset(range.start), end: entry.lines.offset(range.end) }));
    const plan = planTagging(entry.report.document, codebook, offsets, code, { themes, attributes });
    if (!plan) throw invalid(`The codebook (${codebook.name}) defines no code \`${code}\`.`);
    const at = (offset: number): Range => entry.lines.range({ start: offset, end: offset });
    return {
      edits: plan.insertions.map((insertion): TagEdit => (insertion.snippet === undefined
        ? { range: at(insertion.offset), newText: insertion.text }
        : { range: at(insertion.offset), newText: insertion.text, snippet: insertion.snippet })),
      tagged: plan.tagged.map((range) => entry.lines.range(range)),
      refused: plan.refused.map(({ selection, reason }) => ({ selection: entry.lines.range(selection), reason, message: tagRefusalMessage(reason) })),
    };
  }));
}

/** The parameters, checked: anything malformed is InvalidParams, never a crash. */
function checkTagParams(params: TagParams): { uri: string; version: number; selections: readonly Range[]; code: string; themes: string[]; attributes: Record<string, string> } {
  const raw = (params ?? {}) as unknown as Record<string, unknown>;
  const document = raw.textDocument as { uri?: unknown; version?: unknown } | undefined;
  if (typeof document?.uri !== 'string' || !Number.isInteger(document.version)) throw invalid('`textDocument` must be { uri, version }');
  if (!Array.isArray(raw.selections) || !raw.selections.every(isRange)) throw invalid('`selections` must be a list of ranges');
  if (typeof raw.code !== 'string' || raw.code.trim() === '') throw invalid('`code` must be a code name');
  if (raw.themes !== undefined && (!Array.isArray(raw.themes) || !raw.themes.every((theme) => typeof theme === 'string'))) throw invalid('`themes` must be a list of theme names');
  const attributes = raw.attributes ?? {};
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes) || !Object.values(attributes).every((value) => typeof value === 'string')) {
    throw invalid('`attributes` must map attribute names to strings');
  }
  const names = Object.keys(attributes);
  if (!names.every((name) => /^[A-Za-z_][\w-]*$/.test(name))) throw invalid('`attributes` names must be attribute names (letters, digits, `-`, `_`)');
  return {
    uri: document.uri,
    version: document.version as number,
    selections: raw.selections as Range[],
    code: raw.code.trim().replace(/^\./, ''),
    themes: (raw.themes as string[] | undefined) ?? [],
    attributes: attributes as Record<string, string>,
  };
}

function isRange(value: unknown): value is Range {
  const range = value as { start?: unknown; end?: unknown } | null;
  return typeof range === 'object' && range !== null && isPosition(range.start) && isPosition(range.end);
}

function isPosition(value: unknown): boolean {
  const position = value as { line?: unknown; character?: unknown } | null;
  return typeof position === 'object' && position !== null && Number.isInteger(position.line) && (position.line as number) >= 0 && Number.isInteger(position.character) && (position.character as number) >= 0;
}

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${TagRequest.method}: ${message}`);
}
