import { lookUpArea } from '../codebook/areaLookup';
import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import type { OffsetRange } from '../text/range';
import { attributeDefinition } from './attributeValues';
import { areaMarkdown, attributeMarkdown, attributeValueMarkdown, codeMarkdown, enumValueMarkdown, escape, fieldMarkdown, themeMarkdown } from './describe';
import { fieldDefinitionAt, valueDefinition } from './fieldDefinitions';
import { spanLabel } from './spanText';
import { symbolAtOffset } from './symbolAtOffset';

export interface HoverResult {
  /** Markdown. */
  readonly contents: string;
  readonly range: OffsetRange;
}

/** What the codebook says about the code, theme, attribute, field, value or area at an offset. */
export function hoverAt(document: ReportDocument, codebook: Codebook, offset: number): HoverResult | undefined {
  const symbol = symbolAtOffset(document, codebook, offset);
  if (!symbol) return undefined;
  const contents = ((): string | undefined => {
    switch (symbol.kind) {
      case 'code': {
        const code = codebook.codes.get(symbol.name);
        return code ? codeMarkdown(code, codebook) : `\`.${escape(symbol.name)}\` is not a code of the codebook.`;
      }
      case 'theme': {
        const theme = codebook.themes.get(symbol.name);
        return theme ? themeMarkdown(theme) : `\`${escape(symbol.name)}\` is not a theme of the codebook.`;
      }
      case 'attribute': {
        const found = attributeDefinition(symbol.span, codebook, symbol.name);
        return found ? attributeMarkdown(found.attribute, found.code, codebook) : undefined;
      }
      case 'attributeValue': {
        const found = attributeDefinition(symbol.span, codebook, symbol.attribute);
        return found ? attributeValueMarkdown(found.attribute, symbol.value, found.code) : undefined;
      }
      case 'field': {
        const field = fieldDefinitionAt(codebook, symbol.path);
        return field ? fieldMarkdown(field, symbol.path.join('.')) : undefined;
      }
      case 'fieldValue': {
        const field = fieldDefinitionAt(codebook, symbol.path);
        if (!field) return undefined;
        const definition = valueDefinition(field, symbol.item);
        const value = definition.values?.get(symbol.value);
        return value ? enumValueMarkdown(value, definition) : fieldMarkdown(field, symbol.path.join('.'));
      }
      case 'area': {
        const match = lookUpArea(symbol.value);
        switch (match.kind) {
          case 'canonical':
          case 'alias':
            return areaMarkdown(match.area, symbol.value);
          case 'former':
            return `**${escape(symbol.value)}** is no longer a local authority: its SEND duties passed to ${match.successors.map((s) => `\`${s}\``).join(', ')}.`;
          case 'unknown':
            return `\`${escape(symbol.value)}\` is not an English local authority with SEND duties.${match.suggestion ? ` Did you mean \`${match.suggestion}\`?` : ''}`;
        }
        return undefined;
      }
      case 'id':
        return `**#${escape(symbol.value)}** · span id\n\n${escape(spanLabel(document, symbol.span, 120))}`;
    }
  })();
  return contents === undefined ? undefined : { contents, range: symbol.range };
}
