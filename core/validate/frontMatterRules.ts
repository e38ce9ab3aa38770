import { lookUpArea } from '../codebook/areaLookup';
import type { FieldDefinition } from '../codebook/types';
import { scalarFieldText, scalarFieldTexts } from '../document/fieldValueText';
import { FORMAT_FIELDS } from '../document/formatFields';
import { quoteIfNeeded } from '../document/yamlScalar';
import type { FieldNode } from '../document/types';
import type { Fix } from '../diagnostics/diagnostic';
import type { RuleTable } from '../diagnostics/rule';
import { lineEndingOf } from '../text/lineEnding';
import type { OffsetRange } from '../text/range';
import type { RuleContext } from './context';
import { enumValueFixes, strayQuoteFixes } from './fieldValueFixes';
import { replaceFix } from './fixes';
import { didYouMean, listValues, suggest } from './suggest';

export const FRONT_MATTER_RULES = {
  'field-unknown': { severity: 'warning', description: 'A front-matter field the codebook does not define.' },
  'field-missing': { severity: 'error', description: 'A required front-matter field is missing.' },
  'field-type': { severity: 'error', description: 'A front-matter value has the wrong type (text, list, mapping, ISO date, URL).' },
  'field-value': { severity: 'error', description: 'A front-matter value is not one of the values the codebook allows.' },
  'area-unknown': { severity: 'error', description: 'The area is not a current English local authority with SEND duties.' },
  'area-alias': { severity: 'warning', description: 'The area is written with another name than its canonical one.' },
} as const satisfies RuleTable;

type Context = RuleContext<keyof typeof FRONT_MATTER_RULES>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Unknown, missing and ill-typed fields, enum values and areas. */
export function checkFrontMatter(context: Context): void {
  const frontMatter = context.document.frontMatter;
  if (!frontMatter || !frontMatter.isMapping) return;
  checkFieldSet(context, frontMatter.fields, context.codebook.fields, frontMatter.contentRange, true);
}

function checkFieldSet(
  context: Context,
  fields: readonly FieldNode[],
  definitions: ReadonlyMap<string, FieldDefinition>,
  ownerRange: OffsetRange,
  topLevel: boolean,
): void {
  const present = new Set<string>();
  for (const field of fields) present.add(field.key);
  // What a mistyped key may have meant: the defined fields not already present, listed once for the set.
  let unused: string[] | undefined;
  for (const field of fields) {
    // The format's own fields have their own rules (see formatFields.ts).
    if (topLevel && FORMAT_FIELDS.has(field.key)) continue;
    const definition = definitions.get(field.key);
    if (!definition) {
      unused ??= [...definitions.keys()].filter((key) => !present.has(key));
      const suggestion = suggest(field.key, unused);
      context.report('field-unknown', field.keyRange, `The codebook defines no field \`${field.key}\`.${didYouMean(suggestion)}`,
        suggestion ? [replaceFix(`Rename to \`${suggestion}\``, field.keyRange, suggestion)] : []);
      continue;
    }
    checkValue(context, definition, field.value, field.valueRange, field);
  }
  for (const definition of definitions.values()) {
    if (!definition.required || present.has(definition.name)) continue;
    const fixes: Fix[] = topLevel ? [insertFieldFix(context, definition, ownerRange)] : [];
    const range = topLevel ? firstLineOf(context, ownerRange) : ownerRange;
    context.report('field-missing', range, `The required field \`${definition.name}\` is missing${definition.description ? `: ${lowerFirst(definition.description)}` : '.'}`, fixes);
  }
}

/** How messages name a field (or an item of a list field). */
function labelOf(definition: FieldDefinition): string {
  return definition.name.endsWith('[]') ? `An item of \`${definition.name.slice(0, -2)}\`` : `\`${definition.name}\``;
}

function checkValue(context: Context, definition: FieldDefinition, value: unknown, range: OffsetRange, field?: FieldNode): void {
  if (value === null || value === undefined || value === '') {
    context.report('field-type', range, `${labelOf(definition)} is empty: ${expectation(definition)}.`);
    return;
  }
  switch (definition.type) {
    case 'string':
      if (typeof value !== 'string') context.report('field-type', range, `${labelOf(definition)} must be text, not ${describe(value)}.`);
      return;
    case 'date':
      if (typeof value !== 'string' || !isIsoDate(value)) context.report('field-type', range, `${labelOf(definition)} must be an ISO date such as 2023-03-14, not ${describe(value)}.`, strayQuoteFixes(context.document.text, range, isIsoDate));
      return;
    case 'url':
      if (typeof value !== 'string' || !isWebAddress(value)) context.report('field-type', range, `${labelOf(definition)} must be an http or https address, not ${describe(value)}.`);
      return;
    case 'area':
      checkArea(context, definition, value, range);
      return;
    case 'enum':
      checkEnum(context, definition, value, range);
      return;
    case 'list':
      if (!Array.isArray(value)) {
        context.report('field-type', range, `${labelOf(definition)} must be a list, such as \`[${typeof value === 'string' ? value : 'a, b'}]\`.`,
          typeof value === 'string' ? [replaceFix('Make it a list', range, `[${context.document.text.slice(range.start, range.end)}]`)] : []);
        return;
      }
      if (definition.items) {
        const items = field?.items ?? [];
        for (let index = 0; index < value.length; index++) checkValue(context, definition.items, value[index], items[index]?.range ?? range);
      }
      return;
    case 'map':
      if (typeof value !== 'object' || Array.isArray(value)) {
        context.report('field-type', range, `${labelOf(definition)} must be a mapping of ${listValues(definition.fields?.keys() ?? [])} on indented lines.`);
        return;
      }
      if (definition.fields) checkFieldSet(context, field?.children ?? [], definition.fields, field?.keyRange ?? range, false);
      return;
  }
}

function checkArea(context: Context, definition: FieldDefinition, value: unknown, range: OffsetRange): void {
  if (typeof value !== 'string') {
    context.report('field-type', range, `${labelOf(definition)} must be the name of a local authority, not ${describe(value)}.`);
    return;
  }
  const match = lookUpArea(value);
  switch (match.kind) {
    case 'canonical':
      return;
    case 'alias':
      context.report('area-alias', range, `\`${value}\` is written \`${match.area.name}\` in this codebook's list of areas.`,
        [replaceFix(`Write \`${match.area.name}\``, range, match.area.name)]);
      return;
    case 'former':
      context.report('area-unknown', range, `\`${value}\` is no longer a local authority: its SEND duties passed to ${listValues(match.successors)}.`,
        match.successors.map((name, index) => replaceFix(`Change to \`${name}\``, range, name, index === 0 && match.successors.length === 1)));
      return;
    case 'unknown':
      context.report('area-unknown', range, `\`${value}\` is not an English local authority with SEND duties.${didYouMean(match.suggestion)}`,
        match.suggestion ? [replaceFix(`Change to \`${match.suggestion}\``, range, match.suggestion)] : []);
      return;
  }
}

function checkEnum(context: Context, definition: FieldDefinition, value: unknown, range: OffsetRange): void {
  const values = definition.values ?? new Map();
  if (typeof value !== 'string' && typeof value !== 'number') {
    context.report('field-type', range, `${labelOf(definition)} must be one of ${listValues(values.keys())}, not ${describe(value)}.`);
    return;
  }
  const text = scalarFieldText(value)!;
  if (values.has(text)) return;
  const suggestion = suggest(text, values.keys());
  const others = scalarFieldTexts(context.document.frontMatter);
  context.report('field-value', range, `\`${text}\` is not an allowed value of ${labelOf(definition)}: use ${listValues(values.keys())}.${didYouMean(suggestion)}`,
    enumValueFixes(context.document.text, definition, range, suggestion, (field) => others.get(field)));
}

function insertFieldFix(context: Context, definition: FieldDefinition, contentRange: OffsetRange): Fix {
  const text = context.document.text;
  const needsNewline = contentRange.end > contentRange.start && text[contentRange.end - 1] !== '\n';
  const eol = lineEndingOf(text);
  const value = definition.default ?? (definition.type === 'list' ? '[]' : '');
  const line = `${needsNewline ? eol : ''}${definition.name}: ${quoteIfNeeded(value)}${eol}`;
  return replaceFix(`Add \`${definition.name}\``, { start: contentRange.end, end: contentRange.end }, line, definition.default !== undefined);
}

function firstLineOf(context: Context, contentRange: OffsetRange): OffsetRange {
  const frontMatter = context.document.frontMatter!;
  return { start: frontMatter.range.start, end: Math.min(frontMatter.range.start + 3, contentRange.start) };
}

function expectation(definition: FieldDefinition): string {
  switch (definition.type) {
    case 'enum': return `use ${listValues(definition.values?.keys() ?? [])}`;
    case 'date': return 'write an ISO date such as 2023-03-14';
    case 'url': return 'write an http or https address';
    case 'area': return 'write the local authority\'s name';
    case 'list': return 'write a list such as `[a, b]`';
    case 'map': return 'write its fields on indented lines';
    default: return 'write a value';
  }
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return `\`${scalarFieldText(value) ?? String(value)}\``;
}


function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
