// `findings/tag`: the edit that tags passages of a report with a code (or
// several on one span), its themes and attributes, computed by the core from the codebook in force.
// The front end only picks the code and the themes, and applies the edit.
import { ErrorCodes, ResponseError, type Range } from 'vscode-languageserver/node';
import { planTagging, sourceRangeOfCleanSelection, tagRefusalMessage, type OffsetRange } from '../../core';
import { TagRequest, type TagEdit, type TagParams, type TagResult } from '../../protocol';
import type { ServerContext } from '../context';
import { ContentModified, guard } from '../guard';
import { array, dictionary, integer, object, optional, range, string, uinteger } from '../paramShapes';

export function registerTagging(context: ServerContext): void {
  const { connection, workspace } = context;
  connection.onRequest(TagRequest, guard(connection, TagRequest.method, shape, (params: TagParams): TagResult => {
    const { uri, version, selections, cleanSelections, codes, themes, attributes } = checkTagParams(params);
    const entry = workspace.report(uri);
    if (!entry) throw invalid(`${uri} is not a report the server knows`);
    // Tag what the user saw: an edit made since moves the passages.
    if (entry.version !== null && entry.version !== version) throw new ContentModified();
    const codebook = entry.folder.codebook.codebook;
    const document = entry.report.document;
    const offsets = cleanSelections
      ? cleanSelections.map((range) => sourceRangeOfCleanSelection(document, range))
      : selections.map((range): OffsetRange => ({ start: entry.lines.offset(range.start), end: entry.lines.offset(range.end) }));
    const plan = planTagging(document, codebook, offsets, codes, { themes, attributes });
    if (!plan) {
      const unknown = codes.filter((code) => !codebook.codes.has(code));
      throw invalid(`The codebook (${codebook.name}) defines no code ${unknown.map((code) => `\`${code}\``).join(', ')}.`);
    }
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
  selections: optional(array(range)),
  cleanSelections: optional(array(object({ start: uinteger, end: uinteger }))),
  code: optional(string),
  codes: optional(array(string)),
  themes: optional(array(string)),
  attributes: optional(dictionary(string)),
};

/** The parameters, checked beyond their shape: anything malformed is InvalidParams, never a crash. */
function checkTagParams(params: TagParams): { uri: string; version: number; selections: readonly Range[]; cleanSelections: ReadonlyArray<OffsetRange> | undefined; codes: string[]; themes: string[]; attributes: Record<string, string> } {
  // An optional member may come as null: it counts as absent.
  const code = params.code ?? undefined;
  const several = params.codes ?? undefined;
  if ((code === undefined) === (several === undefined)) throw invalid('give either `code` or `codes`');
  const codes = (several ?? [code!]).map((name) => name.trim().replace(/^\./, ''));
  if (codes.length === 0 || codes.some((code) => code === '')) throw invalid('`code` and `codes` must be code names');
  const selections = params.selections ?? undefined;
  const cleanSelections = params.cleanSelections ?? undefined;
  if ((selections === undefined) === (cleanSelections === undefined)) throw invalid('give either `selections` or `cleanSelections`');
  if ((selections ?? cleanSelections ?? []).length > MAX_SELECTIONS) throw invalid(`at most ${MAX_SELECTIONS} selections at once`);
  if (cleanSelections?.some((range) => range.end < range.start)) throw invalid('each of `cleanSelections` must end at or after its start');
  const attributes = params.attributes ?? {};
  if (!Object.keys(attributes).every((name) => /^[A-Za-z_][\w-]*$/.test(name))) throw invalid('`attributes` names must be attribute names (letters, digits, `-`, `_`)');
  return {
    uri: params.textDocument.uri,
    version: params.textDocument.version,
    selections: selections ?? [],
    cleanSelections,
    codes,
    themes: [...(params.themes ?? [])],
    attributes: { ...attributes },
  };
}

/** More passages than any editor selects at once: a request for more could keep the server busy for seconds. */
const MAX_SELECTIONS = 1000;

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${TagRequest.method}: ${message}`);
}
