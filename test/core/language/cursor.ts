import { defaultCodebook, type Codebook, type ReportDocument } from '../../../core';
import { parseReport } from '../../../core/document/parseReport';

/** A report with `|` marking the cursor: the text without the marker, the parsed document and the offset. */
export function cursor(marked: string): { text: string; document: ReportDocument; offset: number; codebook: Codebook } {
  const offset = marked.indexOf('|');
  if (offset === -1) throw new Error('no | in the text');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, document: parseReport(text), offset, codebook: defaultCodebook() };
}

/** The text of a range. */
export function slice(text: string, range: { start: number; end: number }): string {
  return text.slice(range.start, range.end);
}

/** Applies offset edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: ReadonlyArray<{ range: { start: number; end: number }; newText: string }>): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end)) {
    result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  }
  return result;
}

export const FRONT = '---\narea: Darlington\nframework: "2016"\ninspection_type: full\noutcome: wsoa_required\nannotator: t\nstatus: draft\n---\n';
