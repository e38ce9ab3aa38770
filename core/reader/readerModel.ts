/**
 * Builds what the coded reader and the editor's code tints show of a report
 * (readerTypes.ts) from the parsed report and the codebook in force: one
 * pass over the spans, linear in their number and attributes.
 */
import { FALLBACK_CODE_COLOR } from '../codebook/codeColor';
import type { Codebook, FieldDefinition } from '../codebook/types';
import { articleFingerprint } from '../document/articleFingerprint';
import { FORMAT_FIELDS, REPORT_MEMO_FIELD } from '../document/formatFields';
import type { ReportDocument, Span } from '../document/types';
import { spanCodeNames } from '../spans/spanCodeNames';
import { spanMemo } from '../spans/spanMemo';
import { isThemeAttribute, spanThemeNames } from '../spans/spanThemes';
import type { LineIndex } from '../text/lineIndex';
import { lineStarts } from '../text/lineBreaks';
import { MEMO_ATTRIBUTE, type ReaderAttribute, type ReaderCode, type ReaderHeader, type ReaderHeaderField, type ReaderModel, type ReaderPassage, type ReaderPassages, type ReaderTheme } from './readerTypes';

export { REPORT_MEMO_FIELD };

/** The colour of a code the codebook does not define. */
export const UNKNOWN_CODE_COLOR = FALLBACK_CODE_COLOR;

/** The passages of a report with the codes and themes of its codebook. */
export function readerPassages(document: ReportDocument, codebook: Codebook, lines: LineIndex): ReaderPassages {
  return passagesWithCounts(document.spans.map((span) => readerPassage(span, codebook, lines)), codebook);
}

/** Passages with the codebook's codes and themes, each counted in them. */
export function passagesWithCounts(passages: readonly ReaderPassage[], codebook: Codebook): ReaderPassages {
  return { passages, codes: readerCodes(passages, codebook), themes: readerThemes(passages, codebook) };
}

/** Everything the coded reader shows of a report. */
export function readerModel(name: string, document: ReportDocument, codebook: Codebook, lines: LineIndex, passages: ReaderPassages = readerPassages(document, codebook, lines)): ReaderModel {
  return {
    name,
    ...passages,
    header: readerHeader(name, document, codebook),
    cleanText: document.cleanText,
    lines: bodyLines(document),
    fingerprint: articleFingerprint(document),
  };
}

/** The passage of one span: clean offsets, codes, themes, attributes, memo and source ranges. */
export function readerPassage(span: Span, codebook: Codebook, lines: LineIndex): ReaderPassage {
  const attributes: ReaderAttribute[] = [];
  const seen = new Set<string>();
  for (const attribute of span.attributes) {
    // The first value of a key counts (a repeat is an error of its own).
    if (seen.has(attribute.key)) continue;
    seen.add(attribute.key);
    if (attribute.key !== MEMO_ATTRIBUTE && !isThemeAttribute(span, codebook, attribute.key)) attributes.push({ key: attribute.key, value: attribute.value });
  }
  return {
    index: span.index,
    start: span.clean.start,
    end: span.clean.end,
    codes: spanCodeNames(span),
    themes: spanThemeNames(span, codebook),
    attributes,
    memo: spanMemo(span),
    id: span.ids[0]?.value ?? null,
    parent: span.parent ?? null,
    depth: span.depth,
    source: passageSource(span, lines),
  };
}

/** Where a passage lies in the report's source: the whole span, its tagged text, and the `]{…}` that closes it. */
export function passageSource(span: Span, lines: LineIndex): ReaderPassage['source'] {
  return {
    span: lines.range(span.range),
    text: lines.range(span.textRange),
    close: lines.range({ start: span.textRange.end, end: span.range.end }),
  };
}

function readerCodes(passages: readonly ReaderPassage[], codebook: Codebook): ReaderCode[] {
  const counts = new Map<string, number>();
  for (const passage of passages) for (const code of passage.codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  const codes: ReaderCode[] = [...codebook.codes.values()].map((code) => ({ name: code.name, label: code.label, color: code.color, passages: counts.get(code.name) ?? 0 }));
  for (const [name, passages] of counts) {
    if (!codebook.codes.has(name)) codes.push({ name, label: name, color: UNKNOWN_CODE_COLOR, passages });
  }
  return codes;
}

function readerThemes(passages: readonly ReaderPassage[], codebook: Codebook): ReaderTheme[] {
  const counts = new Map<string, number>();
  for (const passage of passages) for (const theme of passage.themes) counts.set(theme, (counts.get(theme) ?? 0) + 1);
  const themes: ReaderTheme[] = [...codebook.themes.values()].map((theme) => ({ name: theme.name, label: theme.label, passages: counts.get(theme.name) ?? 0 }));
  for (const [name, passages] of counts) {
    if (!codebook.themes.has(name)) themes.push({ name, label: name, passages });
  }
  return themes;
}

/** The header: the area as title, then every other field that reads as a short text, in the front matter's order. */
export function readerHeader(name: string, document: ReportDocument, codebook: Codebook): ReaderHeader {
  const fields: ReaderHeaderField[] = [];
  let title: string | null = null;
  let memo: string | null = null;
  const seen = new Set<string>();
  for (const field of document.frontMatter?.fields ?? []) {
    if (seen.has(field.key)) continue;
    seen.add(field.key);
    if (field.key === REPORT_MEMO_FIELD) {
      memo = typeof field.value === 'string' ? field.value : null;
      continue;
    }
    if (FORMAT_FIELDS.has(field.key)) continue;
    const definition = codebook.fields.get(field.key);
    if (definition?.type === 'area' && title === null && typeof field.value === 'string') {
      title = field.value;
      continue;
    }
    if (field.children) {
      for (const child of field.children) {
        const value = fieldText(child.value, definition?.fields?.get(child.key));
        if (value !== null) fields.push({ key: `${field.key}.${child.key}`, label: `${words(field.key)}: ${words(child.key).toLowerCase()}`, value });
      }
      continue;
    }
    const value = fieldText(field.value, definition);
    if (value !== null) fields.push({ key: field.key, label: words(field.key), value });
  }
  return { title: title ?? name, fields, memo };
}

/** A field's value as text, or null for what does not read as one (empty, nested). */
function fieldText(value: unknown, definition: FieldDefinition | undefined): string | null {
  if (Array.isArray(value)) {
    const items = value.map((item) => scalarText(item, definition?.items));
    return items.length > 0 && items.every((item) => item !== null) ? items.join(', ') : null;
  }
  return scalarText(value, definition);
}

function scalarText(value: unknown, definition: FieldDefinition | undefined): string | null {
  if (value === null || value === undefined || typeof value === 'object') {
    return value instanceof Date ? value.toISOString().slice(0, 10) : null;
  }
  const text = String(value);
  if (text === '') return null;
  return definition?.values?.get(text)?.label ?? text;
}

/** `inspection_dates` → "Inspection dates". */
function words(key: string): string {
  const spaced = key.replace(/[_-]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Where each source line of the body starts in the clean text. */
function bodyLines(document: ReportDocument): ReaderModel['lines'] {
  const starts = lineStarts(document.text);
  let first = 0;
  while (first + 1 < starts.length && starts[first + 1] <= document.bodyStart) first++;
  const offsets: number[] = [];
  for (let line = first; line < starts.length; line++) offsets.push(document.sourceToClean(Math.max(starts[line], document.bodyStart)));
  return { firstLine: first, offsets };
}

