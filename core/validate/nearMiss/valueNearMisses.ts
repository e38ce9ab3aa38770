import type { CodeDefinition, Codebook } from '../../codebook/types';
import type { Fix } from '../../diagnostics/diagnostic';
import { isClosingTypographicQuote, isOpeningTypographicQuote } from '../../document/attributeBlock';
import type { ReportDocument, Span, SpanAttribute, SpanId } from '../../document/types';
import { attributesOf } from '../codebookLookups';
import type { NearMiss } from './nearMiss';

const COMMA = 44;
const SEMICOLON = 59;

/**
 * Slips inside real attribute blocks that the grammar accepts but no one
 * means: a value in typographic quotes (`speaker=“one parent”`, read with
 * the quotes as part of the value), a value or id ending in `,` or `;`, and
 * two tokens run together (`organisation=Council,stance=welcomes`).
 */
export function valueNearMisses(document: ReportDocument, codebook: Codebook): NearMiss[] {
  const found: NearMiss[] = [];
  for (const span of document.spans) {
    for (const attribute of span.attributes) {
      if (attribute.quoted) continue;
      const first = attribute.value.charCodeAt(0);
      if (isOpeningTypographicQuote(first)) found.push(typographicQuotes(document.text, attribute));
      else if (endsInSeparator(attribute.value) && !valueRuleReports(codebook, span, attribute)) found.push(trailingSeparator(document.text, attribute));
      else if (attribute.value.includes('=') && isFreeText(codebook, span, attribute)) found.push(joinedAttributes(document.text, codebook, span, attribute));
    }
    for (const id of span.ids) {
      if (endsInSeparator(id.value)) found.push(trailingSeparatorOfId(id));
      else if (id.value.includes('=') && knownCodes(codebook, span)) found.push(joinedAttributes(document.text, codebook, span, id));
      else {
        const joined = joinedCode(document.text, codebook, id);
        if (joined) found.push(joined);
      }
    }
  }
  return found;
}

/** The codes of a span that the codebook defines, each once. */
function knownCodes(codebook: Codebook, span: Span): CodeDefinition[] | undefined {
  const codes: CodeDefinition[] = [];
  for (const code of span.codes) {
    const definition = codebook.codes.get(code.name);
    if (!definition) return undefined;
    if (!codes.includes(definition)) codes.push(definition);
  }
  return codes.length > 0 ? codes : undefined;
}

/** Whether an attribute takes any text (the span rules judge every other value). */
function isFreeText(codebook: Codebook, span: Span, attribute: SpanAttribute): boolean {
  const codes = knownCodes(codebook, span);
  const definition = codes && attributesOf(codebook, codes).get(attribute.key);
  return definition !== undefined && definition.values === undefined;
}

const NAME_CHAR = /[\p{L}\p{N}_-]/u;

/**
 * `organisation=Council,stance=welcomes`, `#w1,theme=health`: a free-text
 * value or an id holding a `=`, where the blank before the next attribute
 * was lost (or typed as another character). The second attribute's key is the name before the `=`; when
 * letters run into it, the longest key the span's codes take.
 */
function joinedAttributes(text: string, codebook: Codebook, span: Span, token: SpanAttribute | SpanId): NearMiss {
  const start = 'key' in token ? token.valueRange.start : token.range.start;
  const equals = text.indexOf('=', start);
  let keyStart = equals;
  while (keyStart > start && NAME_CHAR.test(text[keyStart - 1])) keyStart--;
  const run = text.slice(keyStart, equals);
  const key = [...attributesOf(codebook, knownCodes(codebook, span)!).keys()].filter((name) => run.endsWith(name)).sort((a, b) => b.length - a.length)[0];
  const fixes: Fix[] = [];
  if (key !== undefined && key.length < run.length) {
    fixes.push({ title: `Put a blank before \`${key}=\``, edits: [{ range: { start: equals - key.length, end: equals - key.length }, newText: ' ' }], preferred: true });
  } else if (keyStart > start && run !== '') {
    fixes.push({ title: `Write a blank for \`${text[keyStart - 1]}\` before \`${run}=\``, edits: [{ range: { start: keyStart - 1, end: keyStart }, newText: ' ' }], preferred: true });
  }
  return {
    rule: 'markup-joined-tokens',
    range: 'key' in token ? token.valueRange : token.tokenRange,
    passage: undefined,
    message: `${'key' in token ? `The value of \`${token.key}\`` : `The id \`#${token.value}\``} runs into \`${key ?? run}=\`: a blank between two attributes is missing.`,
    fixes,
  };
}

/** `#w1.wsoa`: an id running into a code the codebook defines. */
function joinedCode(text: string, codebook: Codebook, id: SpanId): NearMiss | undefined {
  const dot = id.value.indexOf('.', 1);
  if (dot === -1 || !codebook.codes.has(id.value.slice(dot + 1))) return undefined;
  const at = id.range.start + dot;
  return {
    rule: 'markup-joined-tokens',
    range: id.tokenRange,
    passage: undefined,
    message: `The id \`${id.value}\` runs into the code \`${id.value.slice(dot)}\`: a blank between them is missing.`,
    fixes: [{ title: `Put a blank before \`${id.value.slice(dot)}\``, edits: [{ range: { start: at, end: at }, newText: ' ' }], preferred: true }],
  };
}

function endsInSeparator(value: string): boolean {
  const last = value.charCodeAt(value.length - 1);
  return value.length > 1 && (last === COMMA || last === SEMICOLON);
}

/**
 * Whether attribute-value reports the value already: a `;` stays on the
 * value it ends, which is then not one the codebook allows (a `,` only
 * separates values, so it passes unseen).
 */
function valueRuleReports(codebook: Codebook, span: Span, attribute: SpanAttribute): boolean {
  if (!attribute.value.endsWith(';')) return false;
  const codes = knownCodes(codebook, span);
  return codes === undefined || attributesOf(codebook, codes).get(attribute.key)?.values !== undefined;
}

function typographicQuotes(text: string, attribute: SpanAttribute): NearMiss {
  const { start, end } = attribute.valueRange;
  const closed = end - start > 1 && isClosingTypographicQuote(text.charCodeAt(end - 1));
  const inner = text.slice(start + 1, closed ? end - 1 : end);
  const quotes = closed ? `${text[start]} ${text[end - 1]}` : text[start];
  return {
    rule: 'markup-typographic-quotes',
    range: attribute.valueRange,
    passage: undefined,
    message: `\`${attribute.key}\` is quoted with typographic quotes (${quotes}), which markup does not read as quotes: the value is \`${attribute.value}\`, quotes and all.`,
    fixes: [
      { title: 'Use straight quotes', edits: [{ range: attribute.valueRange, newText: attributeQuoted(inner) }], preferred: true },
      { title: 'Keep the typographic quotes as part of the value', edits: [{ range: attribute.valueRange, newText: attributeQuoted(attribute.value) }], preferred: false },
    ],
  };
}

/** A value in `"…"`, with `"` and `\` escaped as the attribute grammar reads them. */
function attributeQuoted(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function trailingSeparator(text: string, attribute: SpanAttribute): NearMiss {
  const { end } = attribute.valueRange;
  const mark = text[end - 1];
  return {
    rule: 'markup-trailing-punctuation',
    range: { start: end - 1, end },
    passage: undefined,
    message: `The \`${mark}\` at the end of \`${attribute.key}=${attribute.value}\` is part of the value; between attributes only spaces go.`,
    fixes: [
      { title: `Remove the \`${mark}\``, edits: [{ range: { start: end - 1, end }, newText: '' }], preferred: true },
      { title: `Keep the \`${mark}\` in the value`, edits: [{ range: attribute.valueRange, newText: attributeQuoted(attribute.value) }], preferred: false },
    ],
  };
}

function trailingSeparatorOfId(id: SpanId): NearMiss {
  const { end } = id.range;
  const mark = id.value[id.value.length - 1];
  return {
    rule: 'markup-trailing-punctuation',
    range: { start: end - 1, end },
    passage: undefined,
    message: `The \`${mark}\` at the end of \`#${id.value}\` is part of the id; between tokens only spaces go.`,
    fixes: [{ title: `Remove the \`${mark}\``, edits: [{ range: { start: end - 1, end }, newText: '' }], preferred: true }],
  };
}
