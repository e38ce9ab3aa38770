// The front matter a report without one gets, from the "New front matter"
// completion and from the "Insert front matter" quick fix alike: the
// codebook's required fields, then the fingerprint of the article below it.
import type { Codebook, FieldDefinition } from '../codebook/types';
import type { Fix } from '../diagnostics/diagnostic';
import { TEXT_FINGERPRINT_FIELD } from '../document/formatFields';
import type { ReportDocument } from '../document/types';
import { quoteIfNeeded } from '../document/yamlScalar';
import { textFingerprint } from '../text/fingerprint';
import { lineEndingOf } from '../text/lineEnding';

export interface NewFrontMatterOptions {
  /** The clean text the report will have below the front matter; its fingerprint is recorded unless it is empty (no article yet). */
  readonly article: string;
  /** Snippet tab stops and choices for the values, rather than plain values. */
  readonly snippets: boolean;
  /** Today's date (YYYY-MM-DD) for required date fields; they are left empty without it. */
  readonly today?: string;
}

/** The field lines, without the `---` lines around them. */
export function newFrontMatterFields(codebook: Codebook, options: NewFrontMatterOptions): string[] {
  let stop = 0;
  const lines: string[] = [];
  const write = (definition: FieldDefinition, indent: string): void => {
    if (definition.type === 'map') {
      lines.push(`${indent}${definition.name}:`);
      for (const child of definition.fields?.values() ?? []) if (child.required) write(child, `${indent}  `);
      return;
    }
    lines.push(`${indent}${definition.name}: ${options.snippets ? placeholder(definition, ++stop, options.today) : plainValue(definition, options.today)}`);
  };
  for (const definition of codebook.fields.values()) if (definition.required) write(definition, '');
  // Hex starting with a digit reads as a number in YAML unquoted: always quoted, so every report writes it alike.
  if (options.article !== '') lines.push(`${TEXT_FINGERPRINT_FIELD}: "${textFingerprint(options.article)}"`);
  return lines;
}

/** The "Insert front matter" fix: the front matter inserted before the text, which stays the article as it was, byte for byte. */
export function insertFrontMatterFix(document: ReportDocument, codebook: Codebook): Fix {
  const start = document.hasBom ? 1 : 0;
  const eol = lineEndingOf(document.text);
  const fields = newFrontMatterFields(codebook, { article: document.cleanText, snippets: false });
  return { title: 'Insert front matter', edits: [{ range: { start, end: start }, newText: ['---', ...fields, '---', ''].join(eol) }], preferred: false };
}

function placeholder(definition: FieldDefinition, stop: number, today: string | undefined): string {
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
      return today === undefined ? `$${stop}` : `\${${stop}:${today}}`;
    case 'list':
      return `[$${stop}]`;
    default:
      return definition.default !== undefined ? `\${${stop}:${escapeSnippet(quoteIfNeeded(definition.default))}}` : `$${stop}`;
  }
}

function plainValue(definition: FieldDefinition, today: string | undefined): string {
  if (definition.type === 'date') return today ?? '';
  if (definition.type === 'list') return '[]';
  return definition.default !== undefined ? quoteIfNeeded(definition.default) : '';
}

function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, '\\$&');
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}
