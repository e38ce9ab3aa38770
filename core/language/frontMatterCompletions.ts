import { allAreas, lookUpArea } from '../codebook/areaLookup';
import type { Codebook, FieldDefinition } from '../codebook/types';
import { failedConditions } from '../codebook/valueConditions';
import { scalarFieldText, scalarFieldTexts } from '../document/fieldValueText';
import type { ReportDocument } from '../document/types';
import { quoteIfNeeded } from '../document/yamlScalar';
import { lineEndingOf } from '../text/lineEnding';
import type { OffsetRange } from '../text/range';
import { areasNamedInText } from './areasInText';
import type { CompletionOptions, CompletionProposal } from './completionProposal';
import { areaDetail, areaMarkdown, enumValueMarkdown, fieldMarkdown } from './describe';
import { fieldDefinitionAt, fieldNodeAt } from './fieldDefinitions';
import { frontMatterPosition } from './frontMatterContext';
import { workspaceFieldValues } from './workspaceFieldValues';

/** Keys and values in the front matter's YAML, at an offset inside it. */
export function frontMatterCompletions(document: ReportDocument, codebook: Codebook, offset: number, options: CompletionOptions): CompletionProposal[] {
  const frontMatter = document.frontMatter!;
  const snippets = options.snippets ?? true;
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
  const at: ValueSite = { document, codebook, path: position.path, range: position.range, typed: document.text.slice(position.range.start, offset), options };
  if (field.type === 'list' && !position.item) {
    // `inspectorates: ` with no brackets yet: offer the values as one-item lists.
    return field.items ? valueProposals(field.items, at).map((p) => ({ ...p, insertText: `[${p.insertText}]`, filterText: `[${p.filterText ?? p.insertText}]` })) : [];
  }
  const definition = position.item ? field.items : field;
  if (!definition) return [];
  let proposals = valueProposals(definition, at);
  if (position.item) {
    const present = new Set((fieldNodeAt(document.frontMatter!.fields, position.path)?.items ?? []).map((item) => scalarFieldText(item.value)));
    const current = document.text.slice(position.range.start, position.range.end);
    proposals = proposals.filter((p) => !present.has(p.label) || p.label === current);
  }
  return proposals;
}

/** Where a value is being completed: the field's path, the range the value takes, and what is typed of it. */
interface ValueSite {
  readonly document: ReportDocument;
  readonly codebook: Codebook;
  readonly path: readonly string[];
  readonly range: OffsetRange;
  readonly typed: string;
  readonly options: CompletionOptions;
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

function valueProposals(definition: FieldDefinition, { document, codebook, path, range, typed, options }: ValueSite): CompletionProposal[] {
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
      return areaProposals(document, range, typed);
    case 'date':
      return [{ label: options.today, kind: 'date', detail: 'today', insertText: options.today, snippet: false, range, preselect: true }];
    default: {
      const proposals: CompletionProposal[] = definition.default !== undefined
        ? [{ label: definition.default, kind: 'value', detail: 'default', insertText: quoteIfNeeded(definition.default), snippet: false, range, sortText: '0' }]
        : [];
      const fromWorkspace = options.otherReports ? workspaceFieldValues(document, codebook, path, options.otherReports, range, new Set(proposals.map((p) => p.label))) : [];
      return [...proposals, ...fromWorkspace];
    }
  }
}

/**
 * Every local authority by its canonical name, and each alias as a way to
 * reach it: first a near miss of what is typed, then the areas the article
 * names (the most named first), then the others by name, then the aliases.
 */
function areaProposals(document: ReportDocument, range: OffsetRange, typed: string): CompletionProposal[] {
  const proposals: CompletionProposal[] = [];
  const match = typed.trim() === '' ? undefined : lookUpArea(typed.replace(/^["']/, ''));
  const suggested = match?.kind === 'unknown' ? match.suggestion : match?.kind === 'alias' ? match.area.name : undefined;
  const inText = areasNamedInText(document);
  const named = new Map(inText.map((area, rank) => [area.name, rank]));
  // With nothing typed to go by, the area the article names most is the likely one.
  const firstNamed = typed.trim() === '' ? inText[0]?.name : undefined;
  for (const area of allAreas()) {
    const insertText = quoteIfNeeded(area.name);
    const isSuggestion = area.name === suggested;
    const rank = named.get(area.name);
    proposals.push({
      label: area.name,
      kind: 'area',
      detail: rank === undefined ? areaDetail(area) : `${areaDetail(area)} · named in the article`,
      documentation: areaMarkdown(area),
      insertText,
      snippet: false,
      range,
      // A near miss (`Hartlepol`) or an alias keeps its suggestion in the list: the editor filters on this text.
      filterText: isSuggestion ? `${typed} ${area.name}` : area.name,
      sortText: isSuggestion ? `0${area.name}` : rank !== undefined ? `1${String(rank).padStart(3, '0')}` : `2${area.name}`,
      preselect: isSuggestion || area.name === firstNamed || undefined,
    });
    for (const alias of area.aliases ?? []) {
      proposals.push({ label: alias, kind: 'area', detail: `→ ${area.name}`, documentation: areaMarkdown(area), insertText, snippet: false, range, filterText: alias, sortText: `3${alias}` });
    }
  }
  return proposals;
}
