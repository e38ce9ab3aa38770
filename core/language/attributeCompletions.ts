import type { Codebook, CodeDefinition } from '../codebook/types';
import { scalarFieldText } from '../document/fieldValueText';
import type { ReportDocument, Span } from '../document/types';
import { lineStartOf, nextLineBreak } from '../text/lineBreaks';
import type { OffsetRange } from '../text/range';
import { attributeBlockContext, type AttributeBlockContext, type AttributeToken } from './attributeBlockContext';
import { attributeDefinition, isThemeAttribute } from './attributeValues';
import type { CompletionProposal } from './completionProposal';
import { attributeMarkdown, codeMarkdown, themeMarkdown } from './describe';
import { slugify, uniqueName } from './slug';
import { attributeValue } from './tagEdit';

/** Codes, ids, attribute names and values in the attribute block `]{…}` at an offset in the body, closed or still being typed. */
export function attributeCompletions(document: ReportDocument, codebook: Codebook, offset: number, snippets: boolean): CompletionProposal[] {
  const context = attributeBlockContext(document.text, offset, document.bodyStart);
  if (!context) return [];
  const keepsMarkup = markupGuard(document, context, offset);
  return blockCompletions(document, codebook, context, snippets)
    .map((proposal) => fittedToWhatFollows(document.text, proposal, snippets))
    .filter((proposal): proposal is CompletionProposal => proposal !== undefined && keepsMarkup(proposal));
}

/**
 * Whether a proposal leaves the article and its markup as the parser reads
 * them. The block is read here as it is being typed, and the parser may read
 * its line otherwise (an unclosed block is text, in which it finds later
 * blocks): a proposal must contain the cursor, stay inside the block the
 * parser closed, or, in a block it did not close, keep clear of the markup
 * it found; and it never replaces or writes a bracket, which the parser could
 * pair with one elsewhere.
 */
function markupGuard(document: ReportDocument, context: AttributeBlockContext, offset: number): (proposal: CompletionProposal) => boolean {
  const text = document.text;
  const span = document.spans.find((s) => s.attributeRange.start === context.open);
  const lineStart = lineStartOf(text, context.close);
  const lineEnd = nextLineBreak(text, context.open);
  // Only markup on the block's line can meet an edit on it.
  const markup: OffsetRange[] = [];
  if (!span) {
    for (const other of document.spans) {
      if (other.range.start >= lineStart && other.range.start < lineEnd) markup.push({ start: other.range.start, end: other.range.start + 1 });
      if (other.attributeRange.end > lineStart && other.textRange.end < lineEnd) markup.push({ start: other.textRange.end, end: other.attributeRange.end });
    }
  }
  return ({ range: { start, end }, insertText }) => {
    if (start > offset || end < offset || /[[\]]/.test(text.slice(start, end))) return false;
    if (span) return start > span.attributeRange.start && end < span.attributeRange.end;
    if (/[[\]]/.test(insertText)) return false;
    return !markup.some((m) => (start === end ? m.start < start && start < m.end : start < m.end && m.start < end));
  };
}

/**
 * A name written against the characters after it would join them into one
 * token (`.code` before `[`, `key=` before a quote, which then opens a value
 * to the line's end): a blank goes after it then. Before the `=` of a pair
 * only the attribute's name is written.
 */
function fittedToWhatFollows(text: string, proposal: CompletionProposal, snippets: boolean): CompletionProposal | undefined {
  if (proposal.kind !== 'code' && proposal.kind !== 'id' && proposal.kind !== 'attribute') return proposal;
  const next = text[proposal.range.end];
  if (next === undefined || next === ' ' || next === '\t' || next === '}' || next === '\r' || next === '\n') return proposal;
  if (next === '=') return proposal.kind === 'attribute' ? { ...proposal, insertText: proposal.label, snippet: false, retrigger: false } : undefined;
  if (proposal.kind === 'attribute' && proposal.insertText.endsWith('=')) {
    return snippets ? { ...proposal, insertText: `${proposal.insertText}$0 `, snippet: true } : { ...proposal, insertText: `${proposal.insertText} `, retrigger: false };
  }
  return { ...proposal, insertText: `${proposal.insertText} ` };
}

function blockCompletions(document: ReportDocument, codebook: Codebook, context: AttributeBlockContext, snippets: boolean): CompletionProposal[] {
  const token = context.token;
  const codes = context.codes.map((name) => codebook.codes.get(name)).filter((code): code is CodeDefinition => code !== undefined);
  switch (token.kind) {
    case 'code':
      return codeProposals(codebook, context, token.range, '');
    case 'id':
      return idProposals(document, codebook, context, token.range, '');
    case 'key': {
      const proposals = attributeNameProposals(codebook, codes, context, token.range, snippets);
      const blank = token.range.start === token.range.end;
      if (blank || codes.length === 0) proposals.push(...codeProposals(codebook, context, token.range, '.').map((p) => ({ ...p, sortText: `${codes.length === 0 ? 0 : 5}${p.sortText}` })));
      if (blank && context.ids.length === 0) proposals.push(...idProposals(document, codebook, context, token.range, '#').map((p) => ({ ...p, sortText: `9${p.sortText}` })));
      return proposals;
    }
    case 'value': {
      const span = typedSpan(context);
      if (isThemeAttribute(span, codebook, token.key)) {
        let order = 0;
        // Sets, not list searches: a long value and a large codebook would multiply.
        const written = new Set(token.otherWords);
        return [...codebook.themes.values()]
          .filter((theme) => !written.has(theme.name))
          .map((theme) => ({
            label: theme.name,
            kind: 'theme' as const,
            detail: theme.label,
            documentation: themeMarkdown(theme),
            insertText: theme.name,
            snippet: false,
            range: token.range,
            sortText: String(++order).padStart(3, '0'),
          }));
      }
      const definition = attributeDefinition(span, codebook, token.key)?.attribute;
      if (!definition || definition.values === undefined) return valuesInReport(document, context, token);
      if (Array.isArray(definition.values)) {
        return definition.values.map((value, index) => ({
          label: value,
          kind: 'value' as const,
          detail: `${token.key} value`,
          documentation: definition.description,
          insertText: value,
          snippet: false,
          range: token.range,
          sortText: String(index).padStart(3, '0'),
        }));
      }
      return [];
    }
  }
}

/**
 * A free-text value (`speaker="…"`): the values the same attribute has on the
 * report's other spans, most used first, replacing the whole value.
 */
function valuesInReport(document: ReportDocument, context: AttributeBlockContext, token: Extract<AttributeToken, { kind: 'value' }>): CompletionProposal[] {
  const uses = new Map<string, number>();
  for (const span of document.spans) {
    if (span.attributeRange.start === context.open) continue;
    for (const attribute of span.attributes) {
      if (attribute.key === token.key && attribute.value.trim() !== '') uses.set(attribute.value, (uses.get(attribute.value) ?? 0) + 1);
    }
  }
  const ranked = [...uses.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return ranked.map(([value, count], index) => ({
    label: value,
    kind: 'value' as const,
    detail: `${token.key} on ${count} other span${count === 1 ? '' : 's'} of the report`,
    // Inside quotes the value is written with escapes; bare, it is quoted when it needs to be.
    insertText: token.quoted ? value.replace(/[\\"']/g, (c) => `\\${c}`) : attributeValue(value),
    snippet: false,
    range: token.valueRange,
    filterText: value,
    sortText: String(index).padStart(5, '0'),
  }));
}

/**
 * The block being typed as the span it will make, for the span functions of
 * attributeValues, which read only a span's codes: the block may not be
 * closed yet, so the parser has no span for it.
 */
function typedSpan(context: AttributeBlockContext): Pick<Span, 'codes'> {
  return { codes: context.codes.map((name) => ({ name, range: NO_RANGE, tokenRange: NO_RANGE })) };
}

const NO_RANGE = { start: 0, end: 0 };

function codeProposals(codebook: Codebook, context: AttributeBlockContext, range: OffsetRange, prefix: string): CompletionProposal[] {
  const proposals: CompletionProposal[] = [];
  let order = 0;
  const written = new Set(context.codes);
  for (const code of codebook.codes.values()) {
    order++;
    if (written.has(code.name)) continue;
    proposals.push({
      label: `${prefix}${code.name}`,
      kind: 'code',
      detail: code.label,
      documentation: codeMarkdown(code, codebook),
      insertText: `${prefix}${code.name}`,
      snippet: false,
      range,
      sortText: String(order).padStart(3, '0'),
    });
  }
  return proposals;
}

function attributeNameProposals(codebook: Codebook, codes: readonly CodeDefinition[], context: AttributeBlockContext, range: OffsetRange, snippets: boolean): CompletionProposal[] {
  const proposals: CompletionProposal[] = [];
  const seen = new Set<string>(context.keys);
  let order = 0;
  for (const code of codes) {
    for (const attribute of code.attributes.values()) {
      order++;
      if (seen.has(attribute.name)) continue;
      seen.add(attribute.name);
      const freeText = attribute.values === undefined;
      proposals.push({
        label: attribute.name,
        kind: 'attribute',
        detail: `${attribute.required ? 'required' : 'optional'} attribute of .${code.name}`,
        documentation: attributeMarkdown(attribute, code, codebook),
        insertText: freeText ? (snippets ? `${attribute.name}="$1"` : `${attribute.name}=""`) : `${attribute.name}=`,
        snippet: freeText && snippets,
        range,
        sortText: `${attribute.required ? 1 : 2}${String(order).padStart(3, '0')}`,
        retrigger: !freeText,
      });
    }
  }
  return proposals;
}

/** Suggested ids: a slug of the tagged text, and `<area>-<code>-<n>`, both unused in the report. */
function idProposals(document: ReportDocument, codebook: Codebook, context: AttributeBlockContext, range: OffsetRange, prefix: string): CompletionProposal[] {
  const taken = new Set<string>();
  for (const span of document.spans) {
    if (span.attributeRange.start === context.open) continue;
    for (const id of span.ids) taken.add(id.value);
  }
  const suggestions: Array<{ name: string; detail: string }> = [];
  const textSlug = slugify(spanTextBefore(document.text, context.close, document.bodyStart));
  if (textSlug) suggestions.push({ name: uniqueName(textSlug, taken), detail: 'from the tagged text' });
  const area = scalarFieldText(document.frontMatter?.fields.find((f) => f.key === 'area')?.value);
  // A code being typed may hold any characters (brackets too): the id takes it slugified.
  const code = context.codes.find((name) => codebook.codes.has(name)) ?? slugify(context.codes[0] ?? '');
  if (area && code) {
    const base = `${slugify(area, 6, 40)}-${code}`;
    let n = 1;
    while (taken.has(`${base}-${n}`)) n++;
    suggestions.push({ name: `${base}-${n}`, detail: 'area, code and number' });
  }
  return suggestions.map((suggestion, index) => ({
    label: `${prefix}${suggestion.name}`,
    kind: 'id' as const,
    detail: suggestion.detail,
    insertText: `${prefix}${suggestion.name}`,
    snippet: false,
    range,
    sortText: String(index),
    preselect: index === 0 || undefined,
  }));
}

/** The tagged text of the span whose `]` is at `close`, without the markup of nested spans. */
function spanTextBefore(text: string, close: number, bodyStart: number): string {
  let depth = 0;
  let open = -1;
  for (let i = close - 1; i >= bodyStart; i--) {
    const c = text[i];
    if (c === ']') depth++;
    else if (c === '[') {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open === -1) return '';
  return text.slice(open + 1, close).replace(/\]\{[^}\n]*\}/g, '').replace(/[[\]]/g, '');
}
