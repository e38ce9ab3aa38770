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
import { repeats } from './repeats';

/** The name of the attribute that holds themes when the codebook does not say otherwise. */
export const DEFAULT_THEME_ATTRIBUTE = 'theme';

/** The codebook definitions of the codes a span carries, unknown codes left out. */
export function knownCodes(span: Span, codebook: Codebook): CodeDefinition[] {
  const codes: CodeDefinition[] = [];
  // A set only for a long list of codes: a span has one or two, for which a scan is cheapest.
  const seen = span.codes.length > 8 ? new Set<CodeDefinition>() : undefined;
  for (const code of span.codes) {
    const definition = codebook.codes.get(code.name);
    if (!definition || (seen ? seen.has(definition) : codes.includes(definition))) continue;
    seen?.add(definition);
    codes.push(definition);
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
  const holdsThemes = themeKeyTest(span, codebook);
  // A repeated key is an error whose message says only the first value counts: so here too.
  const repeated = repeats(attributes, (attribute) => attribute.key);
  for (let index = 0; index < attributes.length; index++) {
    const attribute = attributes[index];
    if (repeated[index] === 1 || !holdsThemes(attribute.key)) continue;
    const value = attribute.value;
    forEachValue(value, (start, end) => void names.add(value.slice(start, end)));
  }
  return [...names];
}

/**
 * isThemeAttribute for one span's keys. It looks through the span's codes for
 * each key: with the handful of codes a span has that is fastest, but for a
 * block of thousands of codes and attributes the first definition of each key
 * is gathered once instead.
 */
function themeKeyTest(span: Span, codebook: Codebook): (key: string) => boolean {
  if (span.codes.length <= 8) return (key) => isThemeAttribute(span, codebook, key);
  const first = new Map<string, AttributeDefinition>();
  const seen = new Set<CodeDefinition>();
  for (const code of span.codes) {
    const definition = codebook.codes.get(code.name);
    if (!definition || seen.has(definition)) continue;
    seen.add(definition);
    for (const [name, attribute] of definition.attributes) if (!first.has(name)) first.set(name, attribute);
  }
  return (key) => {
    const attribute = first.get(key);
    return attribute ? attribute.values === 'themes' : key === DEFAULT_THEME_ATTRIBUTE;
  };
}
