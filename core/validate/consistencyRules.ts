import type { EnumValueDefinition, FieldDefinition } from '../codebook/types';
import type { FieldNode } from '../document/types';
import type { Fix } from './diagnostic';
import { replaceFix, type RuleContext } from './context';
import { quoteIfNeeded } from './frontMatterRules';
import { listValues } from './suggest';

/**
 * Rules across fields and spans, driven by the codebook: a value allowed
 * only with certain other values (`when`), and a value that implies spans
 * with certain codes (`expects_codes`).
 */
export function checkConsistency(context: RuleContext): void {
  const frontMatter = context.document.frontMatter;
  if (!frontMatter) return;
  const byKey = new Map(frontMatter.fields.map((field) => [field.key, field]));
  for (const field of frontMatter.fields) {
    const definition = context.codebook.fields.get(field.key);
    const value = scalarText(field.value);
    const enumValue = value === undefined ? undefined : definition?.values?.get(value);
    if (!definition || !enumValue) continue;
    checkConditions(context, field, definition, enumValue, byKey);
    checkExpectedCodes(context, field, enumValue);
  }
}

function checkConditions(context: RuleContext, field: FieldNode, definition: FieldDefinition, value: EnumValueDefinition, byKey: Map<string, FieldNode>): void {
  for (const [otherKey, allowed] of value.when) {
    const other = byKey.get(otherKey);
    const otherValue = other ? scalarText(other.value) : undefined;
    if (otherValue === undefined || allowed.includes(otherValue)) continue;
    const fixes: Fix[] = [];
    for (const alternative of definition.values?.values() ?? []) {
      const fits = [...alternative.when].every(([key, values]) => {
        const current = scalarText(byKey.get(key)?.value);
        return current !== undefined && values.includes(current);
      });
      if (fits) fixes.push(replaceFix(`Change \`${field.key}\` to \`${alternative.name}\``, field.valueRange, alternative.name, false));
    }
    if (allowed.length === 1 && other) {
      fixes.push(replaceFix(`Change \`${otherKey}\` to \`${allowed[0]}\``, other.valueRange, quoteIfNeeded(allowed[0]), false));
    }
    context.report('outcome-mismatch', field.valueRange,
      `The ${field.key} \`${value.name}\` is allowed only when ${otherKey} is ${listValues(allowed)}, but this report's ${otherKey} is \`${otherValue}\`.`, fixes);
  }
}

function checkExpectedCodes(context: RuleContext, field: FieldNode, value: EnumValueDefinition): void {
  if (value.expectsCodes.length === 0) return;
  const found = context.document.spans.some((span) => span.codes.some((code) => value.expectsCodes.includes(code.name)));
  if (found) return;
  const meaning = value.label ?? value.name;
  context.report('outcome-unsupported', field.valueRange,
    `The ${field.key} is \`${value.name}\` (${meaning}), but no span is coded ${value.expectsCodes.map((c) => `\`${c}\``).join(' or ')}.`);
}

function scalarText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
