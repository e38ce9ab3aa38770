import type { AttributeDefinition, CodeDefinition } from '../codebook/types';
import type { Span, SpanAttribute } from '../document/types';
import type { OffsetRange } from '../text/range';
import type { Fix } from './diagnostic';
import { attributesOf, isTheme, onlyCode, requiredAttributes, themeNames } from './codebookLookups';
import { forEachValue, splitAttributeValue } from '../spans/attributeValueParts';
import { replaceFix, type RuleContext } from './context';
import { didYouMean, listValues, suggest } from './suggest';

/** Codes, attributes, ids and emptiness of every span. */
export function checkSpans(context: RuleContext): void {
  let firstUseOfId: Map<string, Span> | undefined;
  for (const span of context.document.spans) {
    const known = checkCodes(context, span);
    checkAttributes(context, span, known);
    if (span.ids.length > 0) checkIds(context, span, (firstUseOfId ??= new Map()));
    if (tagsNoText(context, span)) {
      context.report('span-empty', span.range, 'This span tags no text.', [{
        title: 'Remove the empty span',
        edits: [{ range: { start: span.range.start, end: span.textRange.start }, newText: '' }, { range: { start: span.textRange.end, end: span.range.end }, newText: '' }],
        preferred: true,
      }]);
    }
  }
}

const NON_SPACE = /\S/g;
const NO_CODES: readonly CodeDefinition[] = [];
const NO_ATTRIBUTES: ReadonlyMap<string, AttributeDefinition> = new Map();

/** Whether a span's clean text is empty or blank, without building the clean text. */
function tagsNoText(context: RuleContext, span: Span): boolean {
  if (span.clean.start === span.clean.end) return true;
  const { text, spans } = context.document;
  // The tagged text is the source between the brackets less the markup of nested spans:
  // look for a non-space character, stepping over each nested `[` and `]{…}` met on the way.
  let from = span.textRange.start;
  for (;;) {
    // test() rather than exec(): no match array; lastIndex ends just past the non-space character.
    NON_SPACE.lastIndex = from;
    if (!NON_SPACE.test(text)) return true;
    const at = NON_SPACE.lastIndex - 1;
    if (at >= span.textRange.end) return true;
    const markupEnd = nestedMarkupEnd(spans, span, at);
    if (markupEnd === undefined) return false;
    from = markupEnd;
  }
}

/** When `at` is the `[` or the `]` of a span nested in `span`, where that piece of markup ends; else undefined. */
function nestedMarkupEnd(spans: readonly Span[], span: Span, at: number): number | undefined {
  // The spans nested in `span` follow it in the order of their `[`, and open before its `]`.
  for (let index = span.index + 1; index < spans.length && spans[index].range.start < span.textRange.end; index++) {
    const nested = spans[index];
    if (nested.range.start === at) return at + 1;
    if (nested.textRange.end === at) return nested.range.end;
  }
  return undefined;
}


function checkCodes(context: RuleContext, span: Span): readonly CodeDefinition[] {
  const { codebook } = context;
  if (span.codes.length === 0) {
    const examples = [...codebook.codes.keys()].slice(0, 2).map((name) => `\`.${name}\``).join(' or ');
    context.report('code-missing', span.attributeRange, `This span has no code: add one as a class, such as ${examples}.`);
    return NO_CODES;
  }
  if (span.codes.length === 1) {
    const only = codebook.codes.get(span.codes[0].name);
    if (only) return onlyCode(codebook, only);
  }
  const known: CodeDefinition[] = [];
  for (let index = 0; index < span.codes.length; index++) {
    const code = span.codes[index];
    if (span.codes.findIndex((other) => other.name === code.name) < index) {
      context.report('code-duplicate', code.tokenRange, `The code \`${code.name}\` is already on this span.`, [removeToken(context, code.tokenRange, 'Remove the repeated code')]);
      continue;
    }
    const definition = codebook.codes.get(code.name);
    if (definition) {
      known.push(definition);
      continue;
    }
    const suggestion = suggest(code.name, codebook.codes.keys());
    context.report('code-unknown', code.range, `The codebook defines no code \`${code.name}\`.${didYouMean(suggestion)}`,
      suggestion ? [replaceFix(`Change to \`${suggestion}\``, code.range, suggestion)] : []);
  }
  return known;
}

function checkAttributes(context: RuleContext, span: Span, codes: readonly CodeDefinition[]): void {
  // Without a code (reported as code-missing) no attribute can be judged.
  if (span.codes.length === 0) return;
  const allowed = codes.length > 0 ? attributesOf(context.codebook, codes) : NO_ATTRIBUTES;
  const attributes = span.attributes;
  for (let index = 0; index < attributes.length; index++) {
    const attribute = attributes[index];
    if (hasKey(attributes, attribute.key, index)) {
      context.report('attribute-duplicate', attribute.tokenRange, `\`${attribute.key}\` is already set on this span; only the first value counts.`,
        [removeToken(context, attribute.tokenRange, `Remove the second \`${attribute.key}\``)]);
      continue;
    }
    const definition = allowed.get(attribute.key);
    if (!definition) {
      if (!span.codes.every((code) => context.codebook.codes.has(code.name))) continue;
      const suggestion = suggest(attribute.key, [...allowed.keys()].filter((key) => !span.attributes.some((a) => a.key === key)));
      const codeNames = span.codes.map((code) => `\`${code.name}\``).join(', ');
      context.report('attribute-unknown', attribute.keyRange, `${codeNames} take${span.codes.length === 1 ? 's' : ''} no attribute \`${attribute.key}\`${allowed.size > 0 ? `; use ${listValues(allowed.keys())}` : ''}.${didYouMean(suggestion)}`,
        suggestion ? [replaceFix(`Rename to \`${suggestion}\``, attribute.keyRange, suggestion)] : []);
      continue;
    }
    checkAttributeValue(context, attribute, definition);
  }
  let reportedMissing: string[] | undefined;
  for (const code of codes) {
    for (const definition of requiredAttributes(context.codebook, code)) {
      if (hasKey(attributes, definition.name, attributes.length) || reportedMissing?.includes(definition.name)) continue;
      const codeToken = span.codes.find((c) => c.name === code.name)!;
      context.report('attribute-missing', codeToken.range, `A \`${code.name}\` span needs \`${definition.name}=…\`${definition.description ? `: ${definition.description.charAt(0).toLowerCase()}${definition.description.slice(1)}` : '.'}`,
        [{ title: `Add \`${definition.name}=\``, edits: [{ range: { start: span.range.end - 1, end: span.range.end - 1 }, newText: ` ${definition.name}=` }], preferred: false }]);
      (reportedMissing ??= []).push(definition.name);
    }
  }
}

/** Whether one of the first `before` attributes has this key (spans carry a handful: a scan beats a set). */
function hasKey(attributes: readonly SpanAttribute[], key: string, before: number): boolean {
  for (let i = 0; i < before; i++) if (attributes[i].key === key) return true;
  return false;
}

function checkAttributeValue(context: RuleContext, attribute: SpanAttribute, definition: AttributeDefinition): void {
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
function valuesAllowed(context: RuleContext, value: string, definition: AttributeDefinition): boolean {
  let parts = 0;
  let allowed = true;
  forEachValue(value, (start, end) => {
    const part = start === 0 && end === value.length ? value : value.slice(start, end);
    allowed = (++parts === 1 || definition.multiple) && (definition.values === 'themes' ? isTheme(context.codebook, part) : definition.values!.includes(part));
    return allowed;
  });
  return allowed;
}

function checkIds(context: RuleContext, span: Span, firstUseOfId: Map<string, Span>): void {
  span.ids.forEach((id, position) => {
    const earlier = firstUseOfId.get(id.value);
    if (position > 0) {
      context.report('id-duplicate', id.tokenRange, `A span has one id; \`#${id.value}\` is a second one.`, [removeToken(context, id.tokenRange, 'Remove the extra id')]);
    } else if (earlier) {
      const line = lineOf(context, earlier.range.start);
      context.report('id-duplicate', id.tokenRange, `The id \`#${id.value}\` is already used on line ${line}.`, [removeToken(context, id.tokenRange, 'Remove the duplicate id')]);
    } else {
      firstUseOfId.set(id.value, span);
    }
  });
}

function lineOf(context: RuleContext, offset: number): number {
  let line = 1;
  const text = context.document.text;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** Removes a token from an attribute block together with the space before it. */
function removeToken(context: RuleContext, range: OffsetRange, title: string): Fix {
  const text = context.document.text;
  let start = range.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return replaceFix(title, { start, end: range.end }, '');
}
