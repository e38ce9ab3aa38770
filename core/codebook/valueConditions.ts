import type { EnumValueDefinition } from './types';

/** A `when` condition an enum value fails: the other field, the values it allows there, and the value it holds (undefined: none). */
export interface FailedCondition {
  readonly field: string;
  readonly allowed: readonly string[];
  readonly actual: string | undefined;
}

/**
 * The `when` conditions of an enum value that the other fields fail;
 * `fieldText` reads another field's value as text, undefined when it has none.
 * A field without a value fails only when `unsetFails`: a value is not at
 * odds with a field that is missing (field-missing says so), but a value is
 * proposed in place of another only when its conditions are confirmed.
 */
export function failedConditions(value: EnumValueDefinition, fieldText: (field: string) => string | undefined, unsetFails = false): FailedCondition[] {
  const failed: FailedCondition[] = [];
  for (const [field, allowed] of value.when) {
    const actual = fieldText(field);
    if (actual === undefined ? unsetFails : !allowed.includes(actual)) failed.push({ field, allowed, actual });
  }
  return failed;
}
