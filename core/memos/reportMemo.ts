import { REPORT_MEMO_FIELD } from '../document/formatFields';
import type { FieldNode, ReportDocument } from '../document/types';

/** What the report memo is, for hovers. */
export const REPORT_MEMO_DESCRIPTION = "A note on the whole report: what to check, what to raise with the team. Best written as a block, `memo: |` with the note on the indented lines below.";

/** The report's `memo` field (the first, when repeated), if the front matter is a mapping that has one. */
export function reportMemoField(document: ReportDocument): FieldNode | undefined {
  const frontMatter = document.frontMatter;
  return frontMatter?.isMapping ? frontMatter.fields.find((field) => field.key === REPORT_MEMO_FIELD) : undefined;
}

/** The report's memo when it is text and not blank; null otherwise. */
export function reportMemoText(document: ReportDocument): string | null {
  const value = reportMemoField(document)?.value;
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
