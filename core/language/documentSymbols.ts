import { fieldValueText } from '../document/fieldValueText';
import type { FieldNode, ReportDocument, Span } from '../document/types';
import type { OffsetRange } from '../text/range';
import { shorten, spanLabel } from './spanText';

export type OutlineKind = 'frontMatter' | 'field' | 'code' | 'span';

/** An entry of a report's outline; `selectionRange` lies within `range`, children within `range` too. */
export interface OutlineSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: OutlineKind;
  readonly range: OffsetRange;
  readonly selectionRange: OffsetRange;
  readonly children: readonly OutlineSymbol[];
}

/** The name of the group for spans without a code. */
export const NO_CODE = '(no code)';

/**
 * The outline: "Front matter" with one child per field, then one entry per
 * code in order of first use ("weakness (8)"), each with its spans.
 */
export function documentSymbols(document: ReportDocument): OutlineSymbol[] {
  const symbols: OutlineSymbol[] = [];
  const frontMatter = document.frontMatter;
  if (frontMatter) {
    symbols.push({
      name: 'Front matter',
      kind: 'frontMatter',
      range: frontMatter.range,
      selectionRange: { start: frontMatter.range.start, end: Math.min(frontMatter.range.start + 3, frontMatter.range.end) },
      children: frontMatter.fields.map(fieldSymbol),
    });
  }
  // A span with several codes is listed under each: its entry is made once.
  const entries = new Map<Span, OutlineSymbol>();
  const spanSymbol = (span: Span): OutlineSymbol => {
    let entry = entries.get(span);
    if (!entry) {
      entry = {
        name: spanLabel(document, span),
        detail: spanDetail(span),
        kind: 'span',
        range: span.range,
        selectionRange: span.textRange.end > span.textRange.start ? span.textRange : span.range,
        children: [],
      };
      entries.set(span, entry);
    }
    return entry;
  };
  const groups = new Map<string, Span[]>();
  for (const span of document.spans) {
    const names = span.codes.length === 0 ? [NO_CODE] : [...new Set(span.codes.map((code) => code.name))];
    for (const name of names) {
      const group = groups.get(name);
      if (group) group.push(span);
      else groups.set(name, [span]);
    }
  }
  for (const [name, spans] of groups) {
    // A loop, not Math.min(...spread): a spread of many thousand arguments overflows the stack.
    let start = spans[0].range.start;
    let end = spans[0].range.end;
    for (const span of spans) {
      if (span.range.start < start) start = span.range.start;
      if (span.range.end > end) end = span.range.end;
    }
    symbols.push({
      name: `${name} (${spans.length})`,
      kind: 'code',
      range: { start, end },
      selectionRange: spans[0].range,
      children: spans.map(spanSymbol),
    });
  }
  return symbols;
}

function fieldSymbol(field: FieldNode): OutlineSymbol {
  const end = Math.max(field.keyRange.end, field.valueRange.end);
  return {
    name: field.key,
    detail: valueDetail(field),
    kind: 'field',
    range: { start: field.keyRange.start, end },
    selectionRange: field.keyRange,
    children: field.children?.map(fieldSymbol) ?? [],
  };
}

/** A field's value in the outline; a mapping shows its fields as children instead. */
function valueDetail(field: FieldNode): string | undefined {
  if (field.value !== null && typeof field.value === 'object' && !Array.isArray(field.value)) return undefined;
  const text = fieldValueText(field.value, ', ');
  return text === undefined ? undefined : shorten(text, 60);
}

function spanDetail(span: Span): string | undefined {
  const parts = [...span.ids.map((id) => `#${id.value}`), ...span.attributes.map((a) => `${a.key}=${a.value}`)];
  return parts.length > 0 ? shorten(parts.join(' '), 80) : undefined;
}
