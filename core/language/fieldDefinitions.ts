import type { Codebook, EnumValueDefinition, FieldDefinition } from '../codebook/types';
import type { FieldNode, FrontMatter } from '../document/types';

/** The definition of a front-matter field at a path of keys (`['source', 'url']`). */
export function fieldDefinitionAt(codebook: Codebook, path: readonly string[]): FieldDefinition | undefined {
  let fields: ReadonlyMap<string, FieldDefinition> | undefined = codebook.fields;
  let definition: FieldDefinition | undefined;
  for (const step of path) {
    definition = fields?.get(step);
    if (!definition) return undefined;
    fields = definition.fields;
  }
  return definition;
}

/** The definition values of a field or of its list items take. */
export function valueDefinition(field: FieldDefinition, item: boolean): FieldDefinition {
  return item && field.items ? field.items : field;
}

/** The scalar front-matter values by top-level key, as text. */
export function scalarFields(frontMatter: FrontMatter | undefined): Map<string, string> {
  const values = new Map<string, string>();
  for (const field of frontMatter?.fields ?? []) {
    const text = scalarText(field.value);
    if (text !== undefined) values.set(field.key, text);
  }
  return values;
}

export function scalarText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** True when the other fields hold values the enum value's `when` condition accepts (fields not set count as accepting). */
export function conditionsHold(value: EnumValueDefinition, current: ReadonlyMap<string, string>): boolean {
  for (const [field, allowed] of value.when) {
    const actual = current.get(field);
    if (actual !== undefined && !allowed.includes(actual)) return false;
  }
  return true;
}

/** The field node at a path, if present. */
export function fieldNodeAt(fields: readonly FieldNode[], path: readonly string[]): FieldNode | undefined {
  let list: readonly FieldNode[] | undefined = fields;
  let node: FieldNode | undefined;
  for (const step of path) {
    node = list?.find((field) => field.key === step);
    if (!node) return undefined;
    list = node.children;
  }
  return node;
}
