import type { AttributeDefinition, CodeDefinition } from '../codebook/types';
import type { Fix } from '../diagnostics/diagnostic';
import type { RuleTable } from '../diagnostics/rule';
import type { ReportDocument, Span, SpanAttribute, SpanCode } from '../document/types';
import type { OffsetRange } from '../text/range';
import { forEachValue, splitAttributeValue } from '../spans/attributeValueParts';
import { repeats } from '../spans/repeats';
import { blankSpans } from './blankSpans';
import { attributesOf, isTheme, onlyCode, requiredAttributes, themeNames } from './codebookLookups';
import type { RuleContext } from './context';
import { removeTokenFix, replaceFix } from './fixes';
import { didYouMean, listValues, suggest } from './suggest';

export const SPAN_RULES = {
  'code-missing': { severity: 'error', description: 'A span has no code (no `.code` class).' },
  'code-unknown': { severity: 'error', description: 'A span carries a code the codebook does not define.' },
  'code-duplicate': { severity: 'warning', description: 'A span carries the same code twice.' },
  'attribute-unknown': { severity: 'warning', description: 'An attribute that none of the span\'s codes takes.' },
  'attribute-value': { severity: 'error', description: 'An attribute value that is not allowed (for example an unknown theme).' },
  'attribute-missing': { severity: 'error', description: 'A span lacks an attribute its code requires.' },
  'attribute-duplicate': { severity: 'warning', description: 'A span sets the same attribute twice.' },
  // An error, not a warning: exported, an empty span would be a finding without text.
  'span-empty': { severity: 'error', description: 'A span tags no text.' },
} as const satisfies RuleTable;

type Context = RuleContext<keyof typeof SPAN_RULES>;

/** Codes, attributes and emptiness of every span. */
export function checkSpans(context: Context): void {
  const document = context.document;
  const blank = blankSpans(document);
  const markupOnly = markupOnlyStretches(document);
  for (const span of document.spans) {
    const known = checkCodes(context, span);
    checkAttributes(context, span, known);
    if (blank[span.index] === 1) {
      context.report('span-empty', span.range, 'This span tags no text.', removalChangesText(document, markupOnly, span) ? [] : [{
        title: 'Remove the empty span',
        edits: [{ range: { start: span.range.start, end: span.textRange.start }, newText: '' }, { range: { start: span.textRange.end, end: span.range.end }, newText: '' }],
        preferred: true,
      }]);
    }
  }
}

/**
 * Stretches of the body that are markup only: spans tagging nothing, nested
 * in one another or side by side, merged. "Fix all" may remove every span of
 * one (each is empty), so the text on either side of it then meets.
 */
interface MarkupOnlyStretches {
  readonly stretches: readonly OffsetRange[];
  /** The first span of each stretch, by its `[`. */
  readonly firstSpans: ReadonlySet<number>;
}

function markupOnlyStretches(document: ReportDocument): MarkupOnlyStretches {
  const stretches: Array<{ start: number; end: number }> = [];
  const firstSpans = new Set<number>();
  // Spans come in the order of their `[`: a nested one starts inside the stretch, a neighbour at its end.
  for (const span of document.spans) {
    if (span.clean.start !== span.clean.end) continue;
    const last = stretches[stretches.length - 1];
    if (last && span.range.start <= last.end) {
      last.end = Math.max(last.end, span.range.end);
      continue;
    }
    stretches.push({ start: span.range.start, end: span.range.end });
    firstSpans.add(span.index);
  }
  return { stretches, firstSpans };
}

/**
 * Whether removing an empty span's markup (alone, or with "fix all"
 * together with the empty spans around it) could change the clean text;
 * then no fix is offered:
 * - a `]` of the text before it would meet a `{` after it (`[sic][]{.x}{…}`
 *   would become the span `[sic]{…}`). Of a stretch of empty spans, only the
 *   first goes unfixed: the stretch is then never removed whole.
 * - a U+FEFF of the text would come first in the file, where it reads as a
 *   byte order mark;
 * - without a closed front matter, a line would start with `---` or `...`,
 *   which could open a front matter or close an unclosed one.
 */
function removalChangesText(document: ReportDocument, markupOnly: MarkupOnlyStretches, span: Span): boolean {
  const text = document.text;
  const own = [{ start: span.range.start, end: span.textRange.start }, { start: span.textRange.end, end: span.range.end }];
  if (span.textRange.start === span.textRange.end && text[span.range.start - 1] === ']' && text[span.range.end] === '{') return true;
  if (markupOnly.firstSpans.has(span.index)) {
    const stretch = stretchAt(markupOnly.stretches, span.range.start)!;
    if (text[stretch.start - 1] === ']' && text[stretch.end] === '{') return true;
  }
  if (document.bodyStart === 0 && span.clean.start === 0 && document.cleanText.charCodeAt(0) === BYTE_ORDER_MARK) return true;
  if (document.frontMatter?.closed !== true) {
    for (const from of [span.range.start, span.textRange.end]) {
      const lineStart = nearLineStart(text, from, document.bodyStart, own, markupOnly.stretches);
      if (lineStart !== undefined && DELIMITER_START.test(lineStartAfterRemoval(text, lineStart, own, markupOnly.stretches))) return true;
    }
  }
  return false;
}

const BYTE_ORDER_MARK = 0xfeff;
const DELIMITER_START = /^(?:---|\.\.\.)/;

/**
 * The start of the line holding `from` when at most three characters are
 * left before `from` on it once the markup is removed (only then can the
 * removal change how the line starts); looked for backwards over those few
 * characters only, so that a long line costs no more.
 */
function nearLineStart(text: string, from: number, bodyStart: number, own: readonly OffsetRange[], stretches: readonly OffsetRange[]): number | undefined {
  let at = from;
  let kept = 0;
  while (at > bodyStart && text[at - 1] !== '\n') {
    const removed = own.find((r) => r.start < at && at <= r.end) ?? stretchAt(stretches, at - 1);
    if (removed) {
      at = Math.min(at - 1, removed.start);
      continue;
    }
    if (++kept > 3) return undefined;
    at--;
  }
  return at;
}

/** The first three characters of the line at `lineStart` (lines end at LF, as the front matter reads them) with the span's markup and the markup-only stretches removed. */
function lineStartAfterRemoval(text: string, lineStart: number, own: readonly OffsetRange[], stretches: readonly OffsetRange[]): string {
  let kept = '';
  let at = lineStart;
  while (kept.length < 3 && at < text.length && text[at] !== '\n') {
    const removed = own.find((r) => r.start <= at && at < r.end) ?? stretchAt(stretches, at);
    if (removed) {
      at = removed.end;
      continue;
    }
    kept += text[at++];
  }
  return kept;
}

/** The stretch holding `offset`, by binary search over the sorted, disjoint stretches. */
function stretchAt(stretches: readonly OffsetRange[], offset: number): OffsetRange | undefined {
  let low = 0;
  let high = stretches.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (stretches[mid].end <= offset) low = mid + 1;
    else if (stretches[mid].start > offset) high = mid - 1;
    else return stretches[mid];
  }
  return undefined;
}

const NO_ATTRIBUTES: ReadonlyMap<string, AttributeDefinition> = new Map();

/** A span's known codes, each once, with the token that names each. */
interface KnownCodes {
  readonly definitions: readonly CodeDefinition[];
  readonly tokens: readonly SpanCode[];
}

const NO_CODES: KnownCodes = { definitions: [], tokens: [] };

/** Codes offered for a span that has none: at most this many, in the codebook's order. */
const CODES_OFFERED = 6;

/**
 * "Add the code `.name`" for the codes that take every attribute the span
 * sets (`[x]{theme=leadership}`: the codes with a `theme`). Never preferred:
 * which code was meant is the annotator's call. Markup only, so the clean
 * text stays as it is.
 */
function addCodeFixes(codebook: Context['codebook'], span: Span): Fix[] {
  const keys = span.attributes.map((attribute) => attribute.key);
  const fixes: Fix[] = [];
  for (const code of codebook.codes.values()) {
    if (fixes.length === CODES_OFFERED) break;
    if (!keys.every((key) => code.attributes.has(key))) continue;
    const at = span.attributeRange.start + 1;
    const empty = span.attributeRange.end - span.attributeRange.start === 2;
    fixes.push(replaceFix(`Add the code \`.${code.name}\``, { start: at, end: at }, empty ? `.${code.name}` : `.${code.name} `, false));
  }
  return fixes;
}

function checkCodes(context: Context, span: Span): KnownCodes {
  const { codebook } = context;
  if (span.codes.length === 0) {
    const examples = [...codebook.codes.keys()].slice(0, 2).map((name) => `\`.${name}\``).join(' or ');
    context.report('code-missing', span.attributeRange, `This span has no code: add one as a class, such as ${examples}.`, addCodeFixes(codebook, span));
    return NO_CODES;
  }
  if (span.codes.length === 1) {
    const only = codebook.codes.get(span.codes[0].name);
    if (only) return { definitions: onlyCode(codebook, only), tokens: span.codes };
  }
  const definitions: CodeDefinition[] = [];
  const tokens: SpanCode[] = [];
  const repeated = repeats(span.codes, (code) => code.name);
  for (let index = 0; index < span.codes.length; index++) {
    const code = span.codes[index];
    if (repeated[index] === 1) {
      context.report('code-duplicate', code.tokenRange, `The code \`${code.name}\` is already on this span.`, [removeTokenFix(context.document.text, code.tokenRange, 'Remove the repeated code')]);
      continue;
    }
    const definition = codebook.codes.get(code.name);
    if (definition) {
      definitions.push(definition);
      tokens.push(code);
      continue;
    }
    const suggestion = suggest(code.name, codebook.codes.keys());
    context.report('code-unknown', code.range, `The codebook defines no code \`${code.name}\`.${didYouMean(suggestion)}`,
      suggestion ? [replaceFix(`Change to \`${suggestion}\``, code.range, suggestion)] : []);
  }
  return { definitions, tokens };
}

function checkAttributes(context: Context, span: Span, known: KnownCodes): void {
  // Without a code (reported as code-missing) no attribute can be judged.
  if (span.codes.length === 0) return;
  const codes = known.definitions;
  const allowed = codes.length > 0 ? attributesOf(context.codebook, codes) : NO_ATTRIBUTES;
  const attributes = span.attributes;
  const repeated = repeats(attributes, (attribute) => attribute.key);
  // Worked out once per span, and only for a span with an unknown attribute.
  let allCodesKnown: boolean | undefined;
  let unusedKeys: string[] | undefined;
  let codeNames: string | undefined;
  for (let index = 0; index < attributes.length; index++) {
    const attribute = attributes[index];
    if (repeated[index] === 1) {
      context.report('attribute-duplicate', attribute.tokenRange, `\`${attribute.key}\` is already set on this span; only the first value counts.`,
        [removeTokenFix(context.document.text, attribute.tokenRange, `Remove the second \`${attribute.key}\``)]);
      continue;
    }
    const definition = allowed.get(attribute.key);
    if (!definition) {
      allCodesKnown ??= span.codes.every((code) => context.codebook.codes.has(code.name));
      if (!allCodesKnown) continue;
      unusedKeys ??= keysNotSet(allowed, attributes);
      codeNames ??= span.codes.map((code) => `\`${code.name}\``).join(', ');
      const suggestion = suggest(attribute.key, unusedKeys);
      context.report('attribute-unknown', attribute.keyRange, `${codeNames} take${span.codes.length === 1 ? 's' : ''} no attribute \`${attribute.key}\`${allowed.size > 0 ? `; use ${listValues(allowed.keys())}` : ''}.${didYouMean(suggestion)}`,
        suggestion ? [replaceFix(`Rename to \`${suggestion}\``, attribute.keyRange, suggestion)] : []);
      continue;
    }
    checkAttributeValue(context, attribute, definition);
  }
  let reportedMissing: Set<string> | undefined;
  let present: ReadonlySet<string> | undefined;
  for (let c = 0; c < codes.length; c++) {
    const code = codes[c];
    for (const definition of requiredAttributes(context.codebook, code)) {
      present ??= keySet(attributes);
      if (present.has(definition.name) || reportedMissing?.has(definition.name)) continue;
      context.report('attribute-missing', known.tokens[c].range, `A \`${code.name}\` span needs \`${definition.name}=…\`${definition.description ? `: ${definition.description.charAt(0).toLowerCase()}${definition.description.slice(1)}` : '.'}`,
        [{ title: `Add \`${definition.name}=\``, edits: [{ range: { start: span.range.end - 1, end: span.range.end - 1 }, newText: ` ${definition.name}=` }], preferred: false }]);
      (reportedMissing ??= new Set()).add(definition.name);
    }
  }
}

const NO_KEYS: ReadonlySet<string> = new Set();

function keySet(attributes: readonly SpanAttribute[]): ReadonlySet<string> {
  return attributes.length === 0 ? NO_KEYS : new Set(attributes.map((attribute) => attribute.key));
}

/** The attributes a span's codes take that it does not set: what a mistyped key may have meant. */
function keysNotSet(allowed: ReadonlyMap<string, AttributeDefinition>, attributes: readonly SpanAttribute[]): string[] {
  const set = keySet(attributes);
  return [...allowed.keys()].filter((key) => !set.has(key));
}

function checkAttributeValue(context: Context, attribute: SpanAttribute, definition: AttributeDefinition): void {
  if (attribute.value.trim() === '') {
    context.report('attribute-value', attribute.tokenRange, `\`${attribute.key}\` has no value.`);
    return;
  }
  if (definition.values === undefined) return;
  if (valuesAllowed(context, attribute.value, definition)) return;
  const allowed = definition.values === 'themes' ? themeNames(context.codebook) : definition.values;
  const parts = splitAttributeValue(attribute);
  if (parts.length > 1 && !definition.multiple) {
    context.report('attribute-value', attribute.valueRange, `\`${attribute.key}\` takes a single value.`);
    return;
  }
  const kind = definition.values === 'themes' ? 'theme' : `value of \`${attribute.key}\``;
  for (const part of parts) {
    if (definition.values === 'themes' ? isTheme(context.codebook, part.text) : allowed.includes(part.text)) continue;
    const suggestion = suggest(part.text, allowed);
    context.report('attribute-value', part.range, `\`${part.text}\` is not a ${kind}: use ${listValues(allowed)}.${didYouMean(suggestion)}`,
      suggestion ? [replaceFix(`Change to \`${suggestion}\``, part.range, suggestion)] : []);
  }
}

/**
 * Whether every space- or comma-separated value is allowed, and there is only
 * one unless the attribute takes several: the common case, decided without
 * building the parts that checkAttributeValue needs to report a problem.
 */
function valuesAllowed(context: Context, value: string, definition: AttributeDefinition): boolean {
  let parts = 0;
  let allowed = true;
  forEachValue(value, (start, end) => {
    const part = start === 0 && end === value.length ? value : value.slice(start, end);
    allowed = (++parts === 1 || definition.multiple) && (definition.values === 'themes' ? isTheme(context.codebook, part) : definition.values!.includes(part));
    return allowed;
  });
  return allowed;
}
