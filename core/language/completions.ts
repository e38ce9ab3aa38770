import { lookUpArea, allAreas } from '../codebook/areaLookup';
import type { Codebook, CodeDefinition, FieldDefinition } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import type { OffsetRange } from '../text/range';
import { quoteIfNeeded } from '../validate/frontMatterRules';
import { attributeBlockContext, type AttributeBlockContext } from './attributeBlockContext';
import { areaDetail, areaMarkdown, attributeMarkdown, codeMarkdown, enumValueMarkdown, fieldMarkdown, themeMarkdown } from './describe';
import { conditionsHold, fieldDefinitionAt, fieldNodeAt, scalarFields, scalarText } from './fieldDefinitions';
import { frontMatterPosition } from './frontMatterContext';
import { slugify, uniqueName } from './slug';

export type CompletionKind = 'field' | 'value' | 'area' | 'date' | 'code' | 'attribute' | 'theme' | 'id' | 'snippet';

/** A completion as plain data: the front end turns it into its own item type. */
export interface CompletionProposal {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** The text replacing `range`; a snippet (`$1`, `${1|a,b|}`) when `snippet` is true. */
  readonly insertText: string;
  readonly snippet: boolean;
  readonly range: OffsetRange;
  readonly filterText?: string;
  readonly sortText?: string;
  readonly preselect?: boolean;
  /** Suggest again after inserting: a key whose value has suggestions. */
  readonly retrigger?: boolean;
}

export interface CompletionOptions {
  /** Today's date as YYYY-MM-DD, offered for date fields. */
  readonly today: string;
  /** Whether the editor takes snippets; plain text otherwise. */
  readonly snippets?: boolean;
}

/** Completions at an offset: front-matter keys and values, codes, attributes, values and ids in attribute blocks. */
export function completionsAt(document: ReportDocument, codebook: Codebook, offset: number, options: CompletionOptions): CompletionProposal[] {
  const text = document.text;
  const snippets = options.snippets ?? true;
  const start = document.hasBom ? 1 : 0;
  const firstLineEnd = endOfLine(text, start);
  if (offset <= firstLineEnd && /^-{0,3}[ \t]*$/.test(text.slice(start, firstLineEnd)) && (document.frontMatter?.fields.length ?? 0) === 0) {
    return [frontMatterSnippet(codebook, options.today, snippets, text.includes('\r\n') ? '\r\n' : '\n', { start, end: firstLineEnd })];
  }
  const frontMatter = document.frontMatter;
  if (frontMatter && offset >= frontMatter.contentRange.start && offset <= frontMatter.contentRange.end) {
    return frontMatterCompletions(document, codebook, offset, options.today, snippets);
  }
  if (offset < document.bodyStart) return [];
  const context = attributeBlockContext(text, offset, document.bodyStart);
  return context ? attributeCompletions(document, codebook, context, snippets) : [];
}

// ---------------------------------------------------------------- front matter

function frontMatterCompletions(document: ReportDocument, codebook: Codebook, offset: number, today: string, snippets: boolean): CompletionProposal[] {
  const frontMatter = document.frontMatter!;
  const position = frontMatterPosition(document.text, offset, frontMatter.contentRange.start);
  if (!position) return [];
  if (position.kind === 'key') {
    const definitions = position.parentPath.length === 0 ? codebook.fields : fieldDefinitionAt(codebook, position.parentPath)?.fields;
    if (!definitions) return [];
    const siblings = position.parentPath.length === 0 ? frontMatter.fields : (fieldNodeAt(frontMatter.fields, position.parentPath)?.children ?? []);
    const typed = document.text.slice(position.range.start, position.range.end);
    const eol = document.text.includes('\r\n') ? '\r\n' : '\n';
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
    const present = new Set((fieldNodeAt(document.frontMatter!.fields, position.path)?.items ?? []).map((item) => scalarText(item.value)));
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
      const current = scalarFields(document.frontMatter);
      if (path.length === 1) current.delete(path[0]);
      const proposals: CompletionProposal[] = [];
      let order = 0;
      for (const value of definition.values?.values() ?? []) {
        order++;
        if (path.length === 1 && !conditionsHold(value, current)) continue;
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

function frontMatterSnippet(codebook: Codebook, today: string, snippets: boolean, eol: string, range: OffsetRange): CompletionProposal {
  let stop = 0;
  const lines = ['---'];
  const write = (definition: FieldDefinition, indent: string): void => {
    if (definition.type === 'map') {
      lines.push(`${indent}${definition.name}:`);
      for (const child of definition.fields?.values() ?? []) if (child.required) write(child, `${indent}  `);
      return;
    }
    lines.push(`${indent}${definition.name}: ${snippets ? placeholder(definition, ++stop, today) : plainValue(definition, today)}`);
  };
  for (const definition of codebook.fields.values()) if (definition.required) write(definition, '');
  lines.push('---', snippets ? '$0' : '');
  const fields = [...codebook.fields.values()].filter((f) => f.required).map((f) => f.name);
  return {
    label: '---',
    kind: 'snippet',
    detail: 'New front matter',
    documentation: `Fills in the front matter with the codebook's required fields: ${fields.map((f) => `\`${f}\``).join(', ')}.`,
    insertText: lines.join(eol),
    snippet: snippets,
    range,
    filterText: '---',
    preselect: true,
  };
}

function placeholder(definition: FieldDefinition, stop: number, today: string): string {
  switch (definition.type) {
    case 'enum': {
      const values = [...(definition.values?.values() ?? [])];
      if (values.length === 0 || values.some((value) => value.when.size > 0)) return `$${stop}`;
      const names = values.map((value) => quoteIfNeeded(value.name));
      const first = definition.default !== undefined ? quoteIfNeeded(definition.default) : undefined;
      const ordered = first ? [first, ...names.filter((n) => n !== first)] : names;
      return `\${${stop}|${ordered.map(escapeChoice).join(',')}|}`;
    }
    case 'date':
      return `\${${stop}:${today}}`;
    case 'list':
      return `[$${stop}]`;
    default:
      return definition.default !== undefined ? `\${${stop}:${escapeSnippet(quoteIfNeeded(definition.default))}}` : `$${stop}`;
  }
}

function plainValue(definition: FieldDefinition, today: string): string {
  if (definition.type === 'date') return today;
  if (definition.type === 'list') return '[]';
  return definition.default !== undefined ? quoteIfNeeded(definition.default) : '';
}

function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, '\\$&');
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

// ---------------------------------------------------------------- attribute blocks

function attributeCompletions(document: ReportDocument, codebook: Codebook, context: AttributeBlockContext, snippets: boolean): CompletionProposal[] {
  const token = context.token;
  const codes = context.codes.map((name) => codebook.codes.get(name)).filter((code): code is CodeDefinition => code !== undefined);
  switch (token.kind) {
    case 'code':
      return codeProposals(codebook, context, token.range, '');
    case 'id':
      return idProposals(document, codebook, context, token.range, '');
    case 'key': {
      const proposals = attributeNameProposals(codebook, codes, context, token.range, snippets);
      const blank = token.range.start === token.range.end;
      if (blank || codes.length === 0) proposals.push(...codeProposals(codebook, context, token.range, '.').map((p) => ({ ...p, sortText: `${codes.length === 0 ? 0 : 5}${p.sortText}` })));
      if (blank && context.ids.length === 0) proposals.push(...idProposals(document, codebook, context, token.range, '#').map((p) => ({ ...p, sortText: `9${p.sortText}` })));
      return proposals;
    }
    case 'value': {
      const definition = codes.map((code) => code.attributes.get(token.key)).find((a) => a !== undefined);
      const themes = definition ? definition.values === 'themes' : token.key === 'theme';
      if (themes) {
        let order = 0;
        return [...codebook.themes.values()]
          .filter((theme) => !token.otherWords.includes(theme.name))
          .map((theme) => ({
            label: theme.name,
            kind: 'theme' as const,
            detail: theme.label,
            documentation: themeMarkdown(theme),
            insertText: theme.name,
            snippet: false,
            range: token.range,
            sortText: String(++order).padStart(3, '0'),
          }));
      }
      if (definition && Array.isArray(definition.values)) {
        return definition.values.map((value, index) => ({
          label: value,
          kind: 'value' as const,
          detail: `${token.key} value`,
          documentation: definition.description,
          insertText: value,
          snippet: false,
          range: token.range,
          sortText: String(index).padStart(3, '0'),
        }));
      }
      return [];
    }
  }
}

function codeProposals(codebook: Codebook, context: AttributeBlockContext, range: OffsetRange, prefix: string): CompletionProposal[] {
  const proposals: CompletionProposal[] = [];
  let order = 0;
  for (const code of codebook.codes.values()) {
    order++;
    if (context.codes.includes(code.name)) continue;
    proposals.push({
      label: `${prefix}${code.name}`,
      kind: 'code',
      detail: code.label,
      documentation: codeMarkdown(code, codebook),
      insertText: `${prefix}${code.name}`,
      snippet: false,
      range,
      sortText: String(order).padStart(3, '0'),
    });
  }
  return proposals;
}

function attributeNameProposals(codebook: Codebook, codes: readonly CodeDefinition[], context: AttributeBlockContext, range: OffsetRange, snippets: boolean): CompletionProposal[] {
  const proposals: CompletionProposal[] = [];
  const seen = new Set<string>(context.keys);
  let order = 0;
  for (const code of codes) {
    for (const attribute of code.attributes.values()) {
      order++;
      if (seen.has(attribute.name)) continue;
      seen.add(attribute.name);
      const freeText = attribute.values === undefined;
      proposals.push({
        label: attribute.name,
        kind: 'attribute',
        detail: `${attribute.required ? 'required' : 'optional'} attribute of .${code.name}`,
        documentation: attributeMarkdown(attribute, code, codebook),
        insertText: freeText ? (snippets ? `${attribute.name}="$1"` : `${attribute.name}=""`) : `${attribute.name}=`,
        snippet: freeText && snippets,
        range,
        sortText: `${attribute.required ? 1 : 2}${String(order).padStart(3, '0')}`,
        retrigger: !freeText,
      });
    }
  }
  return proposals;
}

/** Suggested ids: a slug of the tagged text, and `<area>-<code>-<n>`, both unused in the report. */
function idProposals(document: ReportDocument, codebook: Codebook, context: AttributeBlockContext, range: OffsetRange, prefix: string): CompletionProposal[] {
  const taken = new Set<string>();
  for (const span of document.spans) {
    if (span.attributeRange.start === context.open) continue;
    for (const id of span.ids) taken.add(id.value);
  }
  const suggestions: Array<{ name: string; detail: string }> = [];
  const textSlug = slugify(spanTextBefore(document.text, context.close, document.bodyStart));
  if (textSlug) suggestions.push({ name: uniqueName(textSlug, taken), detail: 'from the tagged text' });
  const area = scalarText(document.frontMatter?.fields.find((f) => f.key === 'area')?.value);
  const code = context.codes.find((name) => codebook.codes.has(name)) ?? context.codes[0];
  if (area && code) {
    const base = `${slugify(area, 6, 40)}-${code}`;
    let n = 1;
    while (taken.has(`${base}-${n}`)) n++;
    suggestions.push({ name: `${base}-${n}`, detail: 'area, code and number' });
  }
  return suggestions.map((suggestion, index) => ({
    label: `${prefix}${suggestion.name}`,
    kind: 'id' as const,
    detail: suggestion.detail,
    insertText: `${prefix}${suggestion.name}`,
    snippet: false,
    range,
    sortText: String(index),
    preselect: index === 0 || undefined,
  }));
}

/** The tagged text of the span whose `]` is at `close`, without the markup of nested spans. */
export function spanTextBefore(text: string, close: number, bodyStart: number): string {
  let depth = 0;
  let open = -1;
  for (let i = close - 1; i >= bodyStart; i--) {
    const c = text[i];
    if (c === ']') depth++;
    else if (c === '[') {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open === -1) return '';
  return text.slice(open + 1, close).replace(/\]\{[^}\n]*\}/g, '').replace(/[[\]]/g, '');
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  const end = newline === -1 ? text.length : newline;
  return text[end - 1] === '\r' ? end - 1 : end;
}
