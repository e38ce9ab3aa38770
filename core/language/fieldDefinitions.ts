import type { Codebook, FieldDefinition } from '../codebook/types';
import type { FieldNode } from '../document/types';

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
