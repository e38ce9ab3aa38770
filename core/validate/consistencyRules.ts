import type { EnumValueDefinition, FieldDefinition } from '../codebook/types';
import { failedConditions } from '../codebook/valueConditions';
import type { Fix } from '../diagnostics/diagnostic';
import type { RuleTable } from '../diagnostics/rule';
import { scalarFieldText } from '../document/fieldValueText';
import type { FieldNode } from '../document/types';
import { quoteIfNeeded } from '../document/yamlScalar';
import type { RuleContext } from './context';
import { replaceFix } from './fixes';
import { listValues } from './suggest';

export const CONSISTENCY_RULES = {
  'outcome-mismatch': { severity: 'error', description: 'A value (such as the outcome) that belongs to another framework or inspection type.' },
  'outcome-unsupported': { severity: 'warning', description: 'The outcome implies findings (for example a Written Statement of Action) that no span records.' },
} as const satisfies RuleTable;

type Context = RuleContext<keyof typeof CONSISTENCY_RULES>;

/**
 * Rules across fields and spans, driven by the codebook: a value allowed
 * only with certain other values (`when`), and a value that implies spans
 * with certain codes (`expects_codes`).
 */
export function checkConsistency(context: Context): void {
  const frontMatter = context.document.frontMatter;
  if (!frontMatter) return;
  const byKey = new Map(frontMatter.fields.map((field) => [field.key, field]));
  const fieldText = (key: string) => scalarFieldText(byKey.get(key)?.value);
  let usedCodes: ReadonlySet<string> | undefined;
  const codesUsed = () => (usedCodes ??= codeNamesIn(context));
  for (const field of frontMatter.fields) {
    const definition = context.codebook.fields.get(field.key);
    const value = scalarFieldText(field.value);
    const enumValue = value === undefined ? undefined : definition?.values?.get(value);
    if (!definition || !enumValue) continue;
    checkConditions(context, field, definition, enumValue, byKey, fieldText);
    checkExpectedCodes(context, field, enumValue, codesUsed);
  }
}

function checkConditions(context: Context, field: FieldNode, definition: FieldDefinition, value: EnumValueDefinition, byKey: Map<string, FieldNode>, fieldText: (key: string) => string | undefined): void {
  for (const { field: otherKey, allowed, actual } of failedConditions(value, fieldText)) {
    const other = byKey.get(otherKey)!;
    const fixes: Fix[] = [];
    for (const alternative of definition.values?.values() ?? []) {
      if (failedConditions(alternative, fieldText, true).length === 0) {
        fixes.push(replaceFix(`Change \`${field.key}\` to \`${alternative.name}\``, field.valueRange, alternative.name, false));
      }
    }
    if (allowed.length === 1) {
      fixes.push(replaceFix(`Change \`${otherKey}\` to \`${allowed[0]}\``, other.valueRange, quoteIfNeeded(allowed[0]), false));
    }
    context.report('outcome-mismatch', field.valueRange,
      `The ${field.key} \`${value.name}\` is allowed only when ${otherKey} is ${listValues(allowed)}, but this report's ${otherKey} is \`${actual}\`.`, fixes);
  }
}

/** Every code on a span of the report: gathered once, however many fields expect codes. */
function codeNamesIn(context: Context): ReadonlySet<string> {
  const names = new Set<string>();
  for (const span of context.document.spans) for (const code of span.codes) names.add(code.name);
  return names;
}

function checkExpectedCodes(context: Context, field: FieldNode, value: EnumValueDefinition, codesUsed: () => ReadonlySet<string>): void {
  if (value.expectsCodes.length === 0) return;
  const used = codesUsed();
  const found = value.expectsCodes.some((code) => used.has(code));
  if (found) return;
  const meaning = value.label ?? value.name;
  context.report('outcome-unsupported', field.valueRange,
    `The ${field.key} is \`${value.name}\` (${meaning}), but no span is coded ${value.expectsCodes.map((c) => `\`${c}\``).join(' or ')}.`);
}
