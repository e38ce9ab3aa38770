// Free-text fields completed with what the other reports of the workspace
// hold, never with words of the article: who annotates (any report's
// annotator), and a report's partners (those its own area's reports name).
import { lookUpArea } from '../codebook/areaLookup';
import type { Codebook } from '../codebook/types';
import { scalarFieldText } from '../document/fieldValueText';
import type { FieldNode, ReportDocument } from '../document/types';
import { quoteIfNeeded } from '../document/yamlScalar';
import type { OffsetRange } from '../text/range';
import type { CompletionProposal } from './completionProposal';

/** What is read of a report: its front matter's top-level keys and values (an index keeps them for every report; a parse fits too). */
export interface FrontMatterOf {
  readonly frontMatter: { readonly fields: readonly Pick<FieldNode, 'key' | 'value'>[] } | undefined;
}

/** Which reports a field's values are taken from: every report, or the reports of the same area. */
type Source = 'everyReport' | 'sameArea';

const WORKSPACE_FIELDS: ReadonlyMap<string, Source> = new Map<string, Source>([
  ['annotator', 'everyReport'],
  // The local authority and its health partners belong to one area: another area's would be wrong.
  ['partners', 'sameArea'],
]);

/**
 * The values other reports give the field at `path` (a text, or the texts of
 * a list), the most used first; `skip` leaves out values already written.
 * The other reports are asked for only for such a field.
 */
export function workspaceFieldValues(
  document: ReportDocument,
  codebook: Codebook,
  path: readonly string[],
  otherReports: () => Iterable<FrontMatterOf>,
  range: OffsetRange,
  skip: ReadonlySet<string>,
): CompletionProposal[] {
  const source = path.length === 1 ? WORKSPACE_FIELDS.get(path[0]) : undefined;
  if (!source) return [];
  const area = source === 'sameArea' ? areaOf(document, codebook) : undefined;
  if (source === 'sameArea' && area === undefined) return [];
  const uses = new Map<string, number>();
  for (const other of otherReports()) {
    if (other === document) continue;
    if (area !== undefined && areaOf(other, codebook) !== area) continue;
    const field = fieldNamed(other, path[0]);
    if (!field) continue;
    // A report counts once for a value, however often it repeats it.
    for (const value of new Set(textsOf(field))) if (!skip.has(value)) uses.set(value, (uses.get(value) ?? 0) + 1);
  }
  const ranked = [...uses.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return ranked.map(([value, count], index) => ({
    label: value,
    kind: 'value' as const,
    detail: `in ${count} other report${count === 1 ? '' : 's'}${area !== undefined ? ` of ${area}` : ''}`,
    insertText: quoteIfNeeded(value),
    snippet: false,
    range,
    filterText: quoteIfNeeded(value),
    sortText: `1${String(index).padStart(5, '0')}`,
  }));
}

/** The report's area by its canonical name (an alias counts as its area); undefined when unknown or unset. */
function areaOf(document: FrontMatterOf, codebook: Codebook): string | undefined {
  for (const definition of codebook.fields.values()) {
    if (definition.type !== 'area') continue;
    const text = scalarFieldText(fieldNamed(document, definition.name)?.value);
    if (text === undefined) return undefined;
    const match = lookUpArea(text);
    return match.kind === 'canonical' || match.kind === 'alias' ? match.area.name : undefined;
  }
  return undefined;
}

function fieldNamed(document: FrontMatterOf, key: string): Pick<FieldNode, 'key' | 'value'> | undefined {
  return document.frontMatter?.fields.find((field) => field.key === key);
}

/** A field's text values: its scalar, or its list's scalar items. */
function textsOf(field: Pick<FieldNode, 'value'>): string[] {
  const values = Array.isArray(field.value) ? field.value : [field.value];
  return values.map(scalarFieldText).filter((text): text is string => text !== undefined && text.trim() !== '');
}
