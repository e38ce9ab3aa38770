// Which themes a span carries. One definition for validation, hover, rename,
// references, completion, tagging, export, statistics and the summary:
//
// A span's themes are the values of every attribute that holds themes, in
// the order written, each once. An attribute holds themes when the codebook
// defines it with `values: themes` for the first of the span's codes that
// takes it; when none of the span's known codes defines the attribute, it
// holds themes only if it is called `theme`.
import type { AttributeDefinition, CodeDefinition, Codebook } from '../codebook/types';
import type { Span, SpanAttribute } from '../document/types';
import { forEachValue, splitAttributeValue, type ValuePart } from './attributeValueParts';

/** The name of the attribute that holds themes when the codebook does not say otherwise. */
export const DEFAULT_THEME_ATTRIBUTE = 'theme';

/** The codebook definitions of the codes a span carries, unknown codes left out. */
export function knownCodes(span: Span, codebook: Codebook): CodeDefinition[] {
  const codes: CodeDefinition[] = [];
  for (const code of span.codes) {
    const definition = codebook.codes.get(code.name);
    if (definition && !codes.includes(definition)) codes.push(definition);
  }
  return codes;
}

/** The definition of an attribute for a span: from the first of its codes that takes it. */
export function attributeDefinition(span: Pick<Span, 'codes'>, codebook: Codebook, key: string): { code: CodeDefinition; attribute: AttributeDefinition } | undefined {
  for (const code of span.codes) {
    const definition = codebook.codes.get(code.name);
    const attribute = definition?.attributes.get(key);
    if (attribute) return { code: definition!, attribute };
  }
  return undefined;
}

/** Whether an attribute of a span holds theme names (see the top of this file); only the span's codes matter, so a block still being typed can ask too. */
export function isThemeAttribute(span: Pick<Span, 'codes'>, codebook: Codebook, key: string): boolean {
  const found = attributeDefinition(span, codebook, key);
  return found ? found.attribute.values === 'themes' : key === DEFAULT_THEME_ATTRIBUTE;
}

/** The attributes of a code that hold themes, in the codebook's order. */
export function themeAttributesOf(code: CodeDefinition): AttributeDefinition[] {
  return [...code.attributes.values()].filter((attribute) => attribute.values === 'themes');
}

/** Every theme named on a span, with its range and the attribute it is in (repeats kept: for navigation and rename). */
export function spanThemes(span: Span, codebook: Codebook): Array<ValuePart & { readonly attribute: SpanAttribute }> {
  const themes: Array<ValuePart & { readonly attribute: SpanAttribute }> = [];
  for (const attribute of span.attributes) {
    if (!isThemeAttribute(span, codebook, attribute.key)) continue;
    for (const part of splitAttributeValue(attribute)) themes.push({ ...part, attribute });
  }
  return themes;
}

/** The themes a span carries, each once, in written order (a repeated attribute key counts once, as its first value): what exports, statistics and the summary record. */
export function spanThemeNames(span: Span, codebook: Codebook): string[] {
  if (span.attributes.length === 0) return [];
  const names = new Set<string>();
  const attributes = span.attributes;
  for (let index = 0; index < attributes.length; index++) {
    const attribute = attributes[index];
    // A repeated key is an error whose message says only the first value counts: so here too.
    if (!isThemeAttribute(span, codebook, attribute.key) || isRepeatedKey(attributes, index)) continue;
    const value = attribute.value;
    forEachValue(value, (start, end) => void names.add(value.slice(start, end)));
  }
  return [...names];
}

function isRepeatedKey(attributes: readonly SpanAttribute[], index: number): boolean {
  for (let i = 0; i < index; i++) if (attributes[i].key === attributes[index].key) return true;
  return false;
}
