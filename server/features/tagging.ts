// `findings/tag`: the edit that tags passages of a report with a code, its
// themes and attributes, computed by the core from the codebook in force.
// The front end only picks the code and the themes, and applies the edit.
import { ErrorCodes, ResponseError, type Range } from 'vscode-languageserver/node';
import { planTagging, tagRefusalMessage, type OffsetRange } from '../../core';
import { TagRequest, type TagEdit, type TagParams, type TagResult } from '../../protocol';
import type { ServerContext } from '../context';
import { ContentModified, guard } from '../guard';
import { array, dictionary, integer, object, optional, range, string } from '../paramShapes';

export function registerTagging(context: ServerContext): void {
  const { connection, workspace } = context;
  connection.onRequest(TagRequest, guard(connection, TagRequest.method, shape, (params: TagParams): TagResult => {
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

/** What `findings/tag` reads; the names and the code are checked further below. */
const shape = {
  textDocument: object({ uri: string, version: integer }),
  selections: array(range),
  code: string,
  themes: optional(array(string)),
  attributes: optional(dictionary(string)),
};

/** The parameters, checked beyond their shape: anything malformed is InvalidParams, never a crash. */
function checkTagParams(params: TagParams): { uri: string; version: number; selections: readonly Range[]; code: string; themes: string[]; attributes: Record<string, string> } {
  if (params.code.trim() === '') throw invalid('`code` must be a code name');
  const attributes = params.attributes ?? {};
  if (!Object.keys(attributes).every((name) => /^[A-Za-z_][\w-]*$/.test(name))) throw invalid('`attributes` names must be attribute names (letters, digits, `-`, `_`)');
  return {
    uri: params.textDocument.uri,
    version: params.textDocument.version,
    selections: params.selections,
    code: params.code.trim().replace(/^\./, ''),
    themes: [...(params.themes ?? [])],
    attributes: { ...attributes },
  };
}

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${TagRequest.method}: ${message}`);
}
