import type {
  AttributeDefinition,
  CodeDefinition,
  Codebook,
  CodebookSource,
  DefinitionLocation,
  EnumValueDefinition,
  FieldDefinition,
  ThemeDefinition,
} from './types';

/**
 * A codebook as plain JSON: maps as entry lists, and each definition's source
 * as an index into the codebook's sources. The build bundles the built-in
 * codebook this way, so no process has to parse its YAML at start-up.
 */
export type CodebookSnapshot = ReturnType<typeof snapshotCodebook>;

export function snapshotCodebook(codebook: Codebook) {
  const at = (location: DefinitionLocation) => ({ source: codebook.sources.indexOf(location.source), range: location.range });
  const field = (definition: FieldDefinition): SnapshotField => ({
    ...definition,
    location: at(definition.location),
    values: definition.values && [...definition.values].map(([name, value]) => [name, { ...value, when: [...value.when], location: at(value.location) }] as const),
    items: definition.items && field(definition.items),
    fields: definition.fields && [...definition.fields].map(([name, child]) => [name, field(child)] as const),
  });
  return {
    name: codebook.name,
    version: codebook.version,
    description: codebook.description,
    codes: [...codebook.codes].map(([name, code]) => [name, {
      ...code,
      location: at(code.location),
      attributes: [...code.attributes].map(([key, attribute]) => [key, { ...attribute, location: at(attribute.location) }] as const),
    }] as const),
    themes: [...codebook.themes].map(([name, theme]) => [name, { ...theme, location: at(theme.location) }] as const),
    fields: [...codebook.fields].map(([name, definition]) => [name, field(definition)] as const),
  };
}

interface SnapshotLocation {
  readonly source: number;
  readonly range: DefinitionLocation['range'];
}

interface SnapshotField extends Omit<FieldDefinition, 'location' | 'values' | 'items' | 'fields'> {
  readonly location: SnapshotLocation;
  readonly values: ReadonlyArray<readonly [string, Omit<EnumValueDefinition, 'when' | 'location'> & { when: ReadonlyArray<readonly [string, readonly string[]]>; location: SnapshotLocation }]> | undefined;
  readonly items: SnapshotField | undefined;
  readonly fields: ReadonlyArray<readonly [string, SnapshotField]> | undefined;
}

export function restoreCodebook(snapshot: CodebookSnapshot, sources: readonly CodebookSource[]): Codebook {
  const at = (location: SnapshotLocation): DefinitionLocation => ({ source: sources[location.source], range: location.range });
  const field = (definition: SnapshotField): FieldDefinition => ({
    ...definition,
    location: at(definition.location),
    values: definition.values && new Map(definition.values.map(([name, value]) => [name, { ...value, when: new Map(value.when), location: at(value.location) }])),
    items: definition.items && field(definition.items),
    fields: definition.fields && new Map(definition.fields.map(([name, child]) => [name, field(child)])),
  });
  return {
    name: snapshot.name,
    version: snapshot.version,
    description: snapshot.description,
    codes: new Map(snapshot.codes.map(([name, code]): [string, CodeDefinition] => [name, {
      ...code,
      location: at(code.location),
      attributes: new Map(code.attributes.map(([key, attribute]): [string, AttributeDefinition] => [key, { ...attribute, location: at(attribute.location) }])),
    }])),
    themes: new Map(snapshot.themes.map(([name, theme]): [string, ThemeDefinition] => [name, { ...theme, location: at(theme.location) }])),
    fields: new Map(snapshot.fields.map(([name, definition]) => [name, field(definition)])),
    sources,
  };
}
