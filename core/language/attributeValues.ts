import type { Codebook, AttributeDefinition, CodeDefinition } from '../codebook/types';
import type { Span, SpanAttribute } from '../document/types';
import type { OffsetRange } from '../text/range';

/** One value of a space- or comma-separated attribute value. */
export interface ValuePart {
  readonly text: string;
  /** The part's own range; the whole value's range when escapes make exact ranges impossible. */
  readonly range: OffsetRange;
  readonly exact: boolean;
}

/** Splits `theme="a b"` into its values, as the validator does. */
export function splitAttributeValue(attribute: SpanAttribute): ValuePart[] {
  const exact = attribute.valueRange.end - attribute.valueRange.start === attribute.value.length;
  const parts: ValuePart[] = [];
  const pattern = /[^\s,]+/g;
  for (let match = pattern.exec(attribute.value); match; match = pattern.exec(attribute.value)) {
    const start = attribute.valueRange.start + match.index;
    parts.push({ text: match[0], range: exact ? { start, end: start + match[0].length } : attribute.valueRange, exact });
  }
  return parts;
}

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
export function attributeDefinition(span: Span, codebook: Codebook, key: string): { code: CodeDefinition; attribute: AttributeDefinition } | undefined {
  for (const code of knownCodes(span, codebook)) {
    const attribute = code.attributes.get(key);
    if (attribute) return { code, attribute };
  }
  return undefined;
}

/** True when an attribute holds theme names: its codebook definition says so, or, for a span whose codes are unknown, it is called `theme`. */
export function isThemeAttribute(span: Span, codebook: Codebook, key: string): boolean {
  const found = attributeDefinition(span, codebook, key);
  if (found) return found.attribute.values === 'themes';
  return key === 'theme';
}

/** Every theme named on a span, with the attribute it is in. */
export function spanThemes(span: Span, codebook: Codebook): Array<ValuePart & { readonly attribute: SpanAttribute }> {
  const themes: Array<ValuePart & { readonly attribute: SpanAttribute }> = [];
  for (const attribute of span.attributes) {
    if (!isThemeAttribute(span, codebook, attribute.key)) continue;
    for (const part of splitAttributeValue(attribute)) themes.push({ ...part, attribute });
  }
  return themes;
}
