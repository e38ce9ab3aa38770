import type { FrontMatter } from './types';

// How a front-matter value reads as text. YAML gives strings, numbers,
// booleans, null, lists and mappings; an unquoted `framework: 2023` is a
// number, and must read as the codebook's value "2023".

/**
 * A scalar value as text: a string as written, a number or boolean as YAML
 * reads it back (`2023`, `true`); undefined for null, a list or a mapping.
 * This is the text compared with a codebook's values.
 */
export function scalarFieldText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/**
 * Any value as one line of text, for a table cell or an outline: a scalar as
 * scalarFieldText gives it, a list as its items' texts joined by `separator`,
 * a mapping as JSON; undefined when there is no value (null or missing).
 */
export function fieldValueText(value: unknown, separator: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((item) => fieldValueText(item, separator) ?? '').join(separator);
  if (typeof value === 'object') return JSON.stringify(value);
  return scalarFieldText(value) ?? String(value);
}

/** The text of each top-level scalar field by key (a repeated key: its last value): what `when` conditions read. */
export function scalarFieldTexts(frontMatter: FrontMatter | undefined): Map<string, string> {
  const texts = new Map<string, string>();
  for (const field of frontMatter?.fields ?? []) {
    const text = scalarFieldText(field.value);
    if (text === undefined) texts.delete(field.key);
    else texts.set(field.key, text);
  }
  return texts;
}
