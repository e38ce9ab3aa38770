import { spansAtOffset } from '../spans/spansAtOffset';
import type { Codebook } from '../codebook/types';
import type { FieldNode, ReportDocument, Span } from '../document/types';
import { scalarFieldText } from '../document/fieldValueText';
import { containsOffset } from '../text/range';
import { attributeDefinition, isThemeAttribute, splitAttributeValue } from './attributeValues';
import { fieldDefinitionAt } from './fieldDefinitions';
import type { LanguageSymbol } from './types';

/** Which code, theme, attribute, field, value, area or id is at an offset (touching its edges counts). */
export function symbolAtOffset(document: ReportDocument, codebook: Codebook, offset: number): LanguageSymbol | undefined {
  const frontMatter = document.frontMatter;
  if (frontMatter && offset >= frontMatter.contentRange.start && offset <= frontMatter.contentRange.end) {
    return fieldSymbol(frontMatter.fields, [], codebook, offset);
  }
  const span = spanWithAttributesAt(document, offset);
  return span ? attributeBlockSymbol(span, codebook, offset) : undefined;
}

/** The span whose attribute block `{…}` contains the offset. */
export function spanWithAttributesAt(document: ReportDocument, offset: number): Span | undefined {
  if (offset <= document.bodyStart) return undefined;
  // A block holding the offset (its closing `}` included) belongs to a span holding the character before it.
  return spansAtOffset(document, offset - 1).find((span) => offset >= span.attributeRange.start && offset <= span.attributeRange.end);
}

/** The innermost span whose markup (from `[` to `}`) contains the offset. */
export function innermostSpanAt(document: ReportDocument, offset: number): Span | undefined {
  return spansAtOffset(document, offset)[0];
}

function attributeBlockSymbol(span: Span, codebook: Codebook, offset: number): LanguageSymbol | undefined {
  for (const code of span.codes) {
    if (containsOffset(code.tokenRange, offset)) return { kind: 'code', name: code.name, range: code.range, span };
  }
  for (const id of span.ids) {
    if (containsOffset(id.tokenRange, offset)) return { kind: 'id', value: id.value, range: id.range, span };
  }
  for (const attribute of span.attributes) {
    if (containsOffset(attribute.keyRange, offset)) return { kind: 'attribute', name: attribute.key, range: attribute.keyRange, span };
    if (!containsOffset(attribute.valueRange, offset)) continue;
    if (isThemeAttribute(span, codebook, attribute.key)) {
      const part = splitAttributeValue(attribute).find((p) => containsOffset(p.range, offset));
      return part ? { kind: 'theme', name: part.text, range: part.range, attribute: attribute.key, span } : undefined;
    }
    const values = attributeDefinition(span, codebook, attribute.key)?.attribute.values;
    if (Array.isArray(values)) {
      return { kind: 'attributeValue', attribute: attribute.key, value: attribute.value, range: attribute.valueRange, span };
    }
    return { kind: 'attribute', name: attribute.key, range: attribute.keyRange, span };
  }
  return undefined;
}

function fieldSymbol(fields: readonly FieldNode[], parent: readonly string[], codebook: Codebook, offset: number): LanguageSymbol | undefined {
  for (const field of fields) {
    const path = [...parent, field.key];
    if (containsOffset(field.keyRange, offset)) return { kind: 'field', path, range: field.keyRange };
    if (!containsOffset(field.valueRange, offset)) continue;
    if (field.children) return fieldSymbol(field.children, path, codebook, offset);
    if (field.items) {
      const item = field.items.find((i) => containsOffset(i.range, offset));
      const value = item ? scalarFieldText(item.value) : undefined;
      return item && value !== undefined ? { kind: 'fieldValue', path, value, item: true, range: item.range } : undefined;
    }
    const value = scalarFieldText(field.value);
    if (value === undefined) return undefined;
    if (fieldDefinitionAt(codebook, path)?.type === 'area') return { kind: 'area', value, range: field.valueRange };
    return { kind: 'fieldValue', path, value, item: false, range: field.valueRange };
  }
  return undefined;
}
