import type { CodeDefinition, Codebook } from '../../codebook/types';
import type { AttributeBlock } from '../../document/attributeBlock';
import type { Span, SpanAttribute } from '../../document/types';
import type { OffsetRange } from '../../text/range';
import { uniqueValues } from '../../spans/attributeValueParts';
import type { TextEdit } from '../../text/textEdit';
import { attributesOf } from '../codebookLookups';

/**
 * The edits that move a second attribute block's tokens into the span's
 * own block: codes and key=value pairs already there are left out, and a
 * value for an attribute the span sets already that takes several values
 * joins that one (`theme=leadership` and `theme=health` give
 * `theme="leadership health"`). Anything else is added as written, where
 * the span rules judge it. The second block itself is deleted.
 */
export function mergeBlockEdits(text: string, codebook: Codebook, span: Span, block: AttributeBlock, blockStart: number): TextEdit[] {
  const codes = new Set(span.codes.map((code) => code.name));
  const definitions: CodeDefinition[] = [];
  for (const name of [...codes, ...block.codes.map((code) => code.name)]) {
    const definition = codebook.codes.get(name);
    if (definition && !definitions.includes(definition)) definitions.push(definition);
  }
  const takes = definitions.length > 0 ? attributesOf(codebook, definitions) : undefined;
  const edits: TextEdit[] = [];
  const added: string[] = [];
  const tokens: Array<{ range: OffsetRange; code?: string; attribute?: SpanAttribute }> = [
    ...block.codes.map((code) => ({ range: code.tokenRange, code: code.name })),
    ...block.ids.map((id) => ({ range: id.tokenRange })),
    ...block.attributes.map((attribute) => ({ range: attribute.tokenRange, attribute })),
  ].sort((a, b) => a.range.start - b.range.start);
  for (const token of tokens) {
    if (token.code !== undefined && codes.has(token.code)) continue;
    const attribute = token.attribute;
    const existing = attribute && span.attributes.find((a) => a.key === attribute.key);
    if (attribute && existing) {
      if (existing.value === attribute.value) continue;
      if (takes?.get(attribute.key)?.multiple) {
        const values = uniqueValues(`${existing.value} ${attribute.value}`).join(' ');
        edits.push({ range: existing.tokenRange, newText: `${attribute.key}=${/[\s"'\\}]/.test(values) ? `"${values.replace(/[\\"]/g, (c) => `\\${c}`)}"` : values}` });
        continue;
      }
    }
    added.push(text.slice(token.range.start, token.range.end));
  }
  const close = span.range.end - 1;
  if (added.length > 0) edits.push({ range: { start: close, end: close }, newText: ` ${added.join(' ')}` });
  edits.push({ range: { start: blockStart, end: block.end }, newText: '' });
  return edits;
}
