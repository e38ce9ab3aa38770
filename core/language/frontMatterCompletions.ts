import { allAreas, lookUpArea } from '../codebook/areaLookup';
import type { Codebook, FieldDefinition } from '../codebook/types';
import { failedConditions } from '../codebook/valueConditions';
import { scalarFieldText, scalarFieldTexts } from '../document/fieldValueText';
import type { ReportDocument } from '../document/types';
import { quoteIfNeeded } from '../document/yamlScalar';
import { lineEndingOf } from '../text/lineEnding';
import type { OffsetRange } from '../text/range';
import type { CompletionProposal } from './completionProposal';
import { areaDetail, areaMarkdown, enumValueMarkdown, fieldMarkdown } from './describe';
import { fieldDefinitionAt, fieldNodeAt } from './fieldDefinitions';
import { frontMatterPosition } from './frontMatterContext';

/** Keys and values in the front matter's YAML, at an offset inside it. */
export function frontMatterCompletions(document: ReportDocument, codebook: Codebook, offset: number, today: string, snippets: boolean): CompletionProposal[] {
  const frontMatter = document.frontMatter!;
  const position = frontMatterPosition(document.text, offset, frontMatter.contentRange.start);
  if (!position) return [];
  if (position.kind === 'key') {
    const definitions = position.parentPath.length === 0 ? codebook.fields : fieldDefinitionAt(codebook, position.parentPath)?.fields;
    if (!definitions) return [];
    const siblings = position.parentPath.length === 0 ? frontMatter.fields : (fieldNodeAt(frontMatter.fields, position.parentPath)?.children ?? []);
    const typed = document.text.slice(position.range.start, position.range.end);
    const eol = lineEndingOf(document.text);
    const proposals: CompletionProposal[] = [];
    let order = 0;
    for (const definition of definitions.values()) {
      order++;
      const present = siblings.some((field) => field.key === definition.name);
      if (present && definition.name !== typed) continue;
      const rank = present ? 2 : definition.required ? 0 : 1;
      const insert = position.hasColon ? { text: definition.name, snippet: false, retrigger: false } : keyInsert(definition, position.indent, eol, snippets);
      proposals.push({
        label: definition.name,
        kind: 'field',
        detail: `${definition.required ? 'required' : 'optional'} field${present ? ' (set)' : ''}`,
        documentation: fieldMarkdown(definition),
        insertText: insert.text,
        snippet: insert.snippet,
        retrigger: insert.retrigger,
        range: position.range,
        sortText: `${rank}${String(order).padStart(3, '0')}`,
      });
    }
    return proposals;
  }
  const field = fieldDefinitionAt(codebook, position.path);
  if (!field) return [];
  const typed = document.text.slice(position.range.start, offset);
  if (field.type === 'list' && !position.item) {
    // `inspectorates: ` with no brackets yet: offer the values as one-item lists.
    return field.items ? valueProposals(document, field.items, position.path, position.range, today, typed).map((p) => ({ ...p, insertText: `[${p.insertText}]`, filterText: `[${p.filterText ?? p.insertText}]` })) : [];
  }
  const definition = position.item ? field.items : field;
  if (!definition) return [];
  let proposals = valueProposals(document, definition, position.path, position.range, today, typed);
  if (position.item) {
    const present = new Set((fieldNodeAt(document.frontMatter!.fields, position.path)?.items ?? []).map((item) => scalarFieldText(item.value)));
    const current = document.text.slice(position.range.start, position.range.end);
    proposals = proposals.filter((p) => !present.has(p.label) || p.label === current);
  }
  return proposals;
}

function keyInsert(definition: FieldDefinition, indent: string, eol: string, snippets: boolean): { text: string; snippet: boolean; retrigger: boolean } {
  const hasSuggestions = definition.type === 'enum' || definition.type === 'area' || definition.type === 'date';
  switch (definition.type) {
    case 'list':
      return snippets
        ? { text: `${definition.name}: [$1]`, snippet: true, retrigger: definition.items?.type === 'enum' || definition.items?.type === 'date' }
        : { text: `${definition.name}: []`, snippet: false, retrigger: false };
    case 'map': {
      const children = [...(definition.fields?.values() ?? [])].filter((child) => child.required);
      const shown = children.length > 0 ? children : [...(definition.fields?.values() ?? [])].slice(0, 1);
      const lines = shown.map((child, index) => `${indent}  ${child.name}: ${snippets ? `$${index + 1}` : ''}`);
      return { text: [`${definition.name}:`, ...lines].join(eol), snippet: snippets, retrigger: false };
    }
    default:
      return { text: `${definition.name}: `, snippet: false, retrigger: hasSuggestions };
  }
}

function valueProposals(document: ReportDocument, definition: FieldDefinition, path: readonly string[], range: OffsetRange, today: string, typed: string): CompletionProposal[] {
  switch (definition.type) {
    case 'enum': {
      const current = scalarFieldTexts(document.frontMatter);
      if (path.length === 1) current.delete(path[0]);
      const fieldText = (key: string) => current.get(key);
      const proposals: CompletionProposal[] = [];
      let order = 0;
      for (const value of definition.values?.values() ?? []) {
        order++;
        if (path.length === 1 && failedConditions(value, fieldText).length > 0) continue;
        const insertText = quoteIfNeeded(value.name);
        proposals.push({
          label: value.name,
          kind: 'value',
          detail: value.label,
          documentation: enumValueMarkdown(value, definition),
          insertText,
          snippet: false,
          range,
          filterText: insertText,
          sortText: String(order).padStart(3, '0'),
          preselect: value.name === definition.default,
        });
      }
      return proposals;
    }
    case 'area':
      return areaProposals(range, typed);
    case 'date':
      return [{ label: today, kind: 'date', detail: 'today', insertText: today, snippet: false, range, preselect: true }];
    default:
      return definition.default !== undefined
        ? [{ label: definition.default, kind: 'value', detail: 'default', insertText: quoteIfNeeded(definition.default), snippet: false, range }]
        : [];
  }
}

/** Every local authority by its canonical name, and each alias as a way to reach it. */
function areaProposals(range: OffsetRange, typed: string): CompletionProposal[] {
  const proposals: CompletionProposal[] = [];
  const match = typed.trim() === '' ? undefined : lookUpArea(typed.replace(/^["']/, ''));
  const suggested = match?.kind === 'unknown' ? match.suggestion : match?.kind === 'alias' ? match.area.name : undefined;
  for (const area of allAreas()) {
    const insertText = quoteIfNeeded(area.name);
    const isSuggestion = area.name === suggested;
    proposals.push({
      label: area.name,
      kind: 'area',
      detail: areaDetail(area),
      documentation: areaMarkdown(area),
      insertText,
      snippet: false,
      range,
      // A near miss (`Hartlepol`) or an alias keeps its suggestion in the list: the editor filters on this text.
      filterText: isSuggestion ? `${typed} ${area.name}` : area.name,
      sortText: `${isSuggestion ? 0 : 1}${area.name}`,
      preselect: isSuggestion || undefined,
    });
    for (const alias of area.aliases ?? []) {
      proposals.push({ label: alias, kind: 'area', detail: `→ ${area.name}`, documentation: areaMarkdown(area), insertText, snippet: false, range, filterText: alias, sortText: `2${alias}` });
    }
  }
  return proposals;
}
