import type { Codebook, FieldDefinition } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import { quoteIfNeeded } from '../document/yamlScalar';
import { lineEndingOf } from '../text/lineEnding';
import type { OffsetRange } from '../text/range';
import type { CompletionOptions, CompletionProposal } from './completionProposal';

/**
 * On the first line of a report without fields (empty, or one to three dashes
 * being typed), the whole front matter with the codebook's required fields.
 */
export function newFrontMatterCompletion(document: ReportDocument, codebook: Codebook, offset: number, options: CompletionOptions): CompletionProposal | undefined {
  const text = document.text;
  const start = document.hasBom ? 1 : 0;
  const firstLineEnd = endOfLine(text, start);
  if (offset > firstLineEnd || !/^-{0,3}[ \t]*$/.test(text.slice(start, firstLineEnd)) || (document.frontMatter?.fields.length ?? 0) > 0) return undefined;
  return frontMatterSnippet(codebook, options.today, options.snippets ?? true, lineEndingOf(text), { start, end: firstLineEnd });
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

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  const end = newline === -1 ? text.length : newline;
  return text[end - 1] === '\r' ? end - 1 : end;
}
