import type { AttributeDefinition, CodeDefinition } from '../codebook/types';
import type { Span, SpanAttribute } from '../document/types';
import type { OffsetRange } from '../text/range';
import type { Fix } from './diagnostic';
import { attributesOf, isTheme, themeNames } from './codebookLookups';
import { replaceFix, type RuleContext } from './context';
import { didYouMean, listValues, suggest } from './suggest';

/** Codes, attributes, ids and emptiness of every span. */
export function checkSpans(context: RuleContext): void {
  const firstUseOfId = new Map<string, Span>();
  for (const span of context.document.spans) {
    const known = checkCodes(context, span);
    checkAttributes(context, span, known);
    checkIds(context, span, firstUseOfId);
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

/** Whether a span's clean text is empty or blank, without building the clean text when there is no nesting. */
function tagsNoText(context: RuleContext, span: Span): boolean {
  if (span.clean.start === span.clean.end) return true;
  const { document } = context;
  const nested = document.spans[span.index + 1]?.parent === span.index;
  const [text, start, end] = nested ? [document.cleanText, span.clean.start, span.clean.end] : [document.text, span.textRange.start, span.textRange.end];
  NON_SPACE.lastIndex = start;
  const found = NON_SPACE.exec(text);
  return found === null || found.index >= end;
}

function checkCodes(context: RuleContext, span: Span): CodeDefinition[] {
  const { codebook } = context;
  if (span.codes.length === 0) {
    const examples = [...codebook.codes.keys()].slice(0, 2).map((name) => `\`.${name}\``).join(' or ');
    context.report('code-missing', span.attributeRange, `This span has no code: add one as a class, such as ${examples}.`);
    return [];
  }
  if (span.codes.length === 1) {
    const only = codebook.codes.get(span.codes[0].name);
    if (only) return [only];
  }
  const known: CodeDefinition[] = [];
  const seen = new Set<string>();
  for (const code of span.codes) {
    if (seen.has(code.name)) {
      context.report('code-duplicate', code.tokenRange, `The code \`${code.name}\` is already on this span.`, [removeToken(context, code.tokenRange, 'Remove the repeated code')]);
      continue;
    }
    seen.add(code.name);
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

function checkAttributes(context: RuleContext, span: Span, codes: CodeDefinition[]): void {
  // Without a code (reported as code-missing) no attribute can be judged.
  if (span.codes.length === 0) return;
  const allowed = codes.length > 0 ? attributesOf(context.codebook, codes) : new Map<string, AttributeDefinition>();
  const allCodesKnown = span.codes.every((code) => context.codebook.codes.has(code.name));
  const seen = new Set<string>();
  for (const attribute of span.attributes) {
    if (seen.has(attribute.key)) {
      context.report('attribute-duplicate', attribute.tokenRange, `\`${attribute.key}\` is already set on this span; only the first value counts.`,
        [removeToken(context, attribute.tokenRange, `Remove the second \`${attribute.key}\``)]);
      continue;
    }
    seen.add(attribute.key);
    const definition = allowed.get(attribute.key);
    if (!definition) {
      if (!allCodesKnown) continue;
      const suggestion = suggest(attribute.key, [...allowed.keys()].filter((key) => !span.attributes.some((a) => a.key === key)));
      const codeNames = span.codes.map((code) => `\`${code.name}\``).join(', ');
      context.report('attribute-unknown', attribute.keyRange, `${codeNames} take${span.codes.length === 1 ? 's' : ''} no attribute \`${attribute.key}\`${allowed.size > 0 ? `; use ${listValues(allowed.keys())}` : ''}.${didYouMean(suggestion)}`,
        suggestion ? [replaceFix(`Rename to \`${suggestion}\``, attribute.keyRange, suggestion)] : []);
      continue;
    }
    checkAttributeValue(context, attribute, definition);
  }
  for (const code of codes) {
    for (const definition of code.attributes.values()) {
      if (!definition.required || seen.has(definition.name)) continue;
      const codeToken = span.codes.find((c) => c.name === code.name)!;
      context.report('attribute-missing', codeToken.range, `A \`${code.name}\` span needs \`${definition.name}=…\`${definition.description ? `: ${definition.description.charAt(0).toLowerCase()}${definition.description.slice(1)}` : '.'}`,
        [{ title: `Add \`${definition.name}=\``, edits: [{ range: { start: span.range.end - 1, end: span.range.end - 1 }, newText: ` ${definition.name}=` }], preferred: false }]);
      seen.add(definition.name);
    }
  }
}

function checkAttributeValue(context: RuleContext, attribute: SpanAttribute, definition: AttributeDefinition): void {
  if (attribute.value.trim() === '') {
    context.report('attribute-value', attribute.tokenRange, `\`${attribute.key}\` has no value.`);
    return;
  }
  if (definition.values === undefined) return;
  const allowed = definition.values === 'themes' ? themeNames(context.codebook) : definition.values;
  const parts = splitValue(attribute);
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

/** Splits `theme="a b"` into its values, with exact ranges when the value has no escapes. */
function splitValue(attribute: SpanAttribute): Array<{ text: string; range: OffsetRange }> {
  const exact = attribute.valueRange.end - attribute.valueRange.start === attribute.value.length;
  const parts: Array<{ text: string; range: OffsetRange }> = [];
  const pattern = /[^\s,]+/g;
  for (let match = pattern.exec(attribute.value); match; match = pattern.exec(attribute.value)) {
    const start = attribute.valueRange.start + match.index;
    parts.push({ text: match[0], range: exact ? { start, end: start + match[0].length } : attribute.valueRange });
  }
  return parts;
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
