import { lookUpArea } from '../codebook/areaLookup';
import type { Codebook } from '../codebook/types';
import { REPORT_MEMO_FIELD } from '../document/formatFields';
import type { ReportDocument, Span } from '../document/types';
import { REPORT_MEMO_DESCRIPTION, reportMemoText } from '../memos/reportMemo';
import { MEMO_ATTRIBUTE } from '../reader/readerTypes';
import type { OffsetRange } from '../text/range';
import { attributeDefinition } from './attributeValues';
import { areaMarkdown, attributeMarkdown, attributeValueMarkdown, codeMarkdown, enumValueMarkdown, escape, fieldMarkdown, themeMarkdown } from './describe';
import { fieldDefinitionAt, valueDefinition } from './fieldDefinitions';
import { memoQuote, passageHover } from './passageHover';
import { spanLabel } from './spanText';
import { symbolAtOffset } from './symbolAtOffset';
import type { LanguageSymbol } from './types';

export interface HoverResult {
  /** Markdown. */
  readonly contents: string;
  readonly range: OffsetRange;
}

/**
 * What the codebook says about the code, theme, attribute, field, value or
 * area at an offset; elsewhere in a coded passage, what the passage is
 * (passageHover.ts). A memo shows on its attribute and on the report's
 * `memo` field.
 */
export function hoverAt(document: ReportDocument, codebook: Codebook, offset: number): HoverResult | undefined {
  const symbol = symbolAtOffset(document, codebook, offset);
  const described = symbol ? symbolHover(document, codebook, symbol, offset) : undefined;
  return described ?? passageHover(document, codebook, offset);
}

function symbolHover(document: ReportDocument, codebook: Codebook, symbol: LanguageSymbol, offset: number): HoverResult | undefined {
  if ((symbol.kind === 'field' || symbol.kind === 'fieldValue') && symbol.path.length === 1 && symbol.path[0] === REPORT_MEMO_FIELD) {
    return { contents: reportMemoMarkdown(document), range: symbol.range };
  }
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
        const memo = symbol.name === MEMO_ATTRIBUTE ? memoAttributeMarkdown(symbol.span, offset) : '';
        return found ? attributeMarkdown(found.attribute, found.code, codebook) + memo : undefined;
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

/** The memo written in the `memo=` token at the offset, as a quote under the attribute's description. */
function memoAttributeMarkdown(span: Span, offset: number): string {
  const attribute = span.attributes.find((a) => a.key === MEMO_ATTRIBUTE && offset >= a.tokenRange.start && offset <= a.tokenRange.end);
  return attribute && attribute.value.trim() !== '' ? `\n\nMemo:\n\n${memoQuote(attribute.value)}` : '';
}

/** The report memo field: what it is, and the memo when it is text. */
function reportMemoMarkdown(document: ReportDocument): string {
  const memo = reportMemoText(document);
  const lines = [`**${REPORT_MEMO_FIELD}** · the report's memo`, '', escape(REPORT_MEMO_DESCRIPTION)];
  if (memo !== null) lines.push('', memoQuote(memo));
  return lines.join('\n');
}
