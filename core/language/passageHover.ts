import type { Codebook } from '../codebook/types';
import type { ReportDocument, Span } from '../document/types';
import { MEMO_ATTRIBUTE } from '../reader/readerTypes';
import { spanCodeNames } from '../spans/spanCodeNames';
import { spanMemo } from '../spans/spanMemo';
import { lastOpenedAtOrBefore, spansAtOffset } from '../spans/spansAtOffset';
import { isThemeAttribute, spanThemeNames } from '../spans/spanThemes';
import type { OffsetRange } from '../text/range';
import { escape } from './describe';
import { spanLabel } from './spanText';

/** How much of an enclosing passage's text its hover quotes. */
const EXCERPT_LENGTH = 80;

/**
 * What a coded passage is, for a hover anywhere in it (its text, its `[`, or
 * its markup where no code, theme or attribute is): the innermost passage
 * first, then each one around it, each with its codes, themes, other
 * attributes, id and memo.
 */
export function passageHover(document: ReportDocument, codebook: Codebook, offset: number): { contents: string; range: OffsetRange } | undefined {
  const spans = spansAtOffset(document, offset);
  if (spans.length === 0) return undefined;
  const contents = spans.map((span, depth) => passageMarkdown(document, codebook, span, depth > 0)).join('\n\n---\n\n');
  return { contents, range: stretchAt(document, spans[0], offset) };
}

function passageMarkdown(document: ReportDocument, codebook: Codebook, span: Span, enclosing: boolean): string {
  const codes = spanCodeNames(span).map((name) => `**${escape(codebook.codes.get(name)?.label ?? name)}**`).join(' · ') || '(no code)';
  const id = span.ids[0] ? ` · \`#${span.ids[0].value.replace(/`/g, "'")}\`` : '';
  const lines = [`${enclosing ? 'Within ' : ''}${codes}${id}`];
  if (enclosing) lines.push('', `“${escape(spanLabel(document, span, EXCERPT_LENGTH))}”`);
  const themes = spanThemeNames(span, codebook).map((name) => escape(codebook.themes.get(name)?.label ?? name));
  if (themes.length > 0) lines.push('', `Themes: ${themes.join(', ')}`);
  const others = otherAttributes(span, codebook).map(({ key, value }) => `${escape(key)}: ${escape(value)}`);
  if (others.length > 0) lines.push('', others.join(' · '));
  const memo = spanMemo(span);
  if (memo !== null && memo.trim() !== '') lines.push('', 'Memo:', '', memoQuote(memo));
  return lines.join('\n');
}

/** The attributes other than the themes and the memo, each key's first value (a repeat is an error of its own). */
function otherAttributes(span: Span, codebook: Codebook): Array<{ key: string; value: string }> {
  const seen = new Set<string>();
  const others: Array<{ key: string; value: string }> = [];
  for (const attribute of span.attributes) {
    if (seen.has(attribute.key)) continue;
    seen.add(attribute.key);
    if (attribute.key !== MEMO_ATTRIBUTE && !isThemeAttribute(span, codebook, attribute.key)) others.push({ key: attribute.key, value: attribute.value });
  }
  return others;
}

/** A memo as a Markdown block quote, each of its lines quoted and escaped. */
export function memoQuote(memo: string): string {
  return memo.replace(/\s+$/, '').split(/\r\n|\r|\n/).map((line) => (line.trim() === '' ? '>' : `> ${escape(line)}`)).join('\n');
}

/**
 * Where the hover's answer holds: the stretch of the innermost passage's text
 * between the passages nested in it (after the one that ends last at or
 * before the offset, before the next), never its attribute block, where
 * codes, themes and attributes have hovers of their own. On that block (on
 * `]`, `{` or a blank), only the character hovered. Found from the last span
 * opened at or before the offset, its parents and the span after it:
 * O(log n + depth).
 */
function stretchAt(document: ReportDocument, innermost: Span, offset: number): OffsetRange {
  if (offset >= innermost.textRange.end) return { start: offset, end: offset + 1 };
  const spans = document.spans;
  const last = lastOpenedAtOrBefore(spans, offset)!;
  let start = innermost.range.start;
  for (let at: number | undefined = last; at !== undefined && at !== innermost.index; at = spans[at].parent) {
    if (spans[at].parent === innermost.index) start = spans[at].range.end;
  }
  const next = spans[last + 1];
  const end = next && next.range.start < innermost.textRange.end ? next.range.start : innermost.textRange.end;
  return { start, end };
}
