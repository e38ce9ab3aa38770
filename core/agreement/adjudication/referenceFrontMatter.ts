// The front matter of a reference report. A new one takes the first copy's
// fields as written (comments and quoting kept), without those that are one
// annotator's (`annotator`, `status`, `memo`, `keep_as_text`) or the
// reference's own, then adds `annotator: adjudicated`, `status: draft`,
// `adjudicated_from`, `text_sha256` and `candidates`. An existing one keeps
// every field but `adjudicated_from` and `candidates`, which are rewritten.
import { ADJUDICATED_FROM_FIELD, CANDIDATES_FIELD, KEEP_AS_TEXT_FIELD, REPORT_MEMO_FIELD, TEXT_FINGERPRINT_FIELD } from '../../document/formatFields';
import type { ReportDocument } from '../../document/types';
import { yamlPackage } from '../../document/yamlPackage';
import { quoteIfNeeded } from '../../document/yamlScalar';
import { lineEndingOf } from '../../text/lineEnding';
import { lineStartOf } from '../../text/lineBreaks';
import type { OffsetRange } from '../../text/range';
import type { TextEdit } from '../../text/textEdit';
import { ANNOTATOR_FIELD, STATUS_FIELD } from '../annotations';
import { ADJUDICATED_ANNOTATOR } from './referenceReports';

const NEW_STATUS = 'draft';

/** Fields of a copy that the reference does not take over. */
const LEFT_OUT: ReadonlySet<string> = new Set([ANNOTATOR_FIELD, STATUS_FIELD, REPORT_MEMO_FIELD, KEEP_AS_TEXT_FIELD, TEXT_FINGERPRINT_FIELD, CANDIDATES_FIELD, ADJUDICATED_FROM_FIELD]);

/** What the reference's own fields hold. */
export interface ReferenceFields {
  /** The copies, relative to the reference's folder. */
  readonly adjudicatedFrom: readonly string[];
  readonly fingerprint: string;
  /** The whole `candidates` field (candidatesField), ending with a line break. */
  readonly candidates: string;
}

/** The front matter of a new reference, from `---` to the closing `---` line, in the copy's line endings. */
export function newReferenceFrontMatter(copy: ReportDocument, fields: ReferenceFields): string {
  const eol = lineEndingOf(copy.text);
  const layout = fieldLayout(copy);
  let taken = '';
  if (layout) {
    taken = copy.text.slice(layout.lead.start, layout.lead.end);
    for (const block of layout.blocks) if (!LEFT_OUT.has(block.key)) taken += copy.text.slice(block.range.start, block.range.end);
  } else {
    // Fields that share lines (a flow mapping): written again, one per line.
    for (const field of copy.frontMatter?.isMapping ? copy.frontMatter.fields : []) {
      if (!LEFT_OUT.has(field.key)) taken += yamlPackage().stringify({ [field.key]: field.value }).replace(/\n/g, eol);
    }
  }
  const own = `${ANNOTATOR_FIELD}: ${ADJUDICATED_ANNOTATOR}${eol}${STATUS_FIELD}: ${NEW_STATUS}${eol}${adjudicatedFromField(fields.adjudicatedFrom, eol)}${TEXT_FINGERPRINT_FIELD}: "${fields.fingerprint}"${eol}${fields.candidates}`;
  return `---${eol}${taken}${own}---${eol}`;
}

/** The edits that rewrite an existing reference's `adjudicated_from` and `candidates`; a sentence when its front matter cannot be edited so. */
export function referenceFieldEdits(reference: ReportDocument, fields: ReferenceFields): readonly TextEdit[] | { readonly refused: string } {
  const layout = reference.problems.some((problem) => problem.range.start < reference.bodyStart) ? undefined : fieldLayout(reference);
  if (!layout) return { refused: 'its front matter has errors or fields that share lines: correct it, then adjudicate again' };
  const eol = lineEndingOf(reference.text);
  const end = reference.frontMatter!.contentRange.end;
  const edits: TextEdit[] = [];
  const replace = (key: string, text: string) => {
    const block = layout.blocks.find((b) => b.key === key);
    edits.push(block ? { range: block.range, newText: text } : { range: { start: end, end }, newText: text });
  };
  replace(ADJUDICATED_FROM_FIELD, adjudicatedFromField(fields.adjudicatedFrom, eol));
  replace(CANDIDATES_FIELD, fields.candidates);
  return edits;
}

function adjudicatedFromField(paths: readonly string[], eol: string): string {
  return `${ADJUDICATED_FROM_FIELD}:${eol}${paths.map((path) => `  - ${quoteIfNeeded(path)}${eol}`).join('')}`;
}

/**
 * Each top-level field's lines, from its key's line to the next key's (so
 * with the comments after it), and what comes before the first key. Only
 * for a closed front matter whose keys each start a line.
 */
function fieldLayout(document: ReportDocument): { lead: OffsetRange; blocks: Array<{ key: string; range: OffsetRange }> } | undefined {
  const frontMatter = document.frontMatter;
  if (!frontMatter?.closed || !frontMatter.isMapping) return undefined;
  const text = document.text;
  const starts = frontMatter.fields.map((field) => lineStartOf(text, field.keyRange.start));
  for (let i = 0; i < starts.length; i++) {
    if (starts[i] !== frontMatter.fields[i].keyRange.start || (i > 0 && starts[i] <= starts[i - 1])) return undefined;
  }
  const end = frontMatter.contentRange.end;
  return {
    lead: { start: frontMatter.contentRange.start, end: starts[0] ?? end },
    blocks: frontMatter.fields.map((field, i) => ({ key: field.key, range: { start: starts[i], end: starts[i + 1] ?? end } })),
  };
}
