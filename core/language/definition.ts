import type { Codebook, DefinitionLocation } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import type { OffsetRange } from '../text/range';
import { attributeDefinition } from './attributeValues';
import { fieldDefinitionAt, valueDefinition } from './fieldDefinitions';
import { symbolAtOffset } from './symbolAtOffset';

/** Where the thing at an offset is defined: a codebook entry, or (for an id) its first use in the same report. */
export type DefinitionTarget =
  | { readonly kind: 'codebook'; readonly location: DefinitionLocation }
  | { readonly kind: 'document'; readonly range: OffsetRange };

export function definitionAt(document: ReportDocument, codebook: Codebook, offset: number): DefinitionTarget | undefined {
  const symbol = symbolAtOffset(document, codebook, offset);
  if (!symbol) return undefined;
  let location: DefinitionLocation | undefined;
  switch (symbol.kind) {
    case 'code':
      location = codebook.codes.get(symbol.name)?.location;
      break;
    case 'theme':
      location = codebook.themes.get(symbol.name)?.location;
      break;
    case 'attribute':
      location = attributeDefinition(symbol.span, codebook, symbol.name)?.attribute.location;
      break;
    case 'attributeValue':
      location = attributeDefinition(symbol.span, codebook, symbol.attribute)?.attribute.location;
      break;
    case 'field':
      location = fieldDefinitionAt(codebook, symbol.path)?.location;
      break;
    case 'fieldValue': {
      const field = fieldDefinitionAt(codebook, symbol.path);
      location = field ? (valueDefinition(field, symbol.item).values?.get(symbol.value)?.location ?? field.location) : undefined;
      break;
    }
    case 'area':
      location = fieldDefinitionAt(codebook, ['area'])?.location;
      break;
    case 'id': {
      const first = document.spans.find((span) => span.ids.some((id) => id.value === symbol.value));
      const id = first?.ids.find((i) => i.value === symbol.value);
      return id ? { kind: 'document', range: id.range } : undefined;
    }
  }
  return location ? { kind: 'codebook', location } : undefined;
}
