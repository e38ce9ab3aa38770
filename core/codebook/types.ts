import type { OffsetRange } from '../text/range';

/** Where a codebook's text came from: the built-in one, or a workspace file. */
export interface CodebookSource {
  readonly kind: 'builtin' | 'workspace';
  /** File path for workspace codebooks; a stable name for the built-in one. */
  readonly path: string;
  readonly text: string;
}

/** Where an entry is defined, for go-to-definition. */
export interface DefinitionLocation {
  readonly source: CodebookSource;
  readonly range: OffsetRange;
}

export interface AttributeDefinition {
  readonly name: string;
  readonly description: string | undefined;
  readonly required: boolean;
  /** Allowed values: the codebook's themes, a fixed list, or anything. */
  readonly values: 'themes' | readonly string[] | undefined;
  /** Several values separated by spaces, e.g. `theme="health workforce"`. */
  readonly multiple: boolean;
  readonly location: DefinitionLocation;
}

export interface CodeDefinition {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly color: string;
  readonly attributes: ReadonlyMap<string, AttributeDefinition>;
  readonly location: DefinitionLocation;
}

export interface ThemeDefinition {
  readonly name: string;
  readonly label: string;
  readonly definition: string;
  readonly location: DefinitionLocation;
}

export type FieldType = 'string' | 'enum' | 'date' | 'url' | 'area' | 'list' | 'map';

export interface EnumValueDefinition {
  readonly name: string;
  readonly label: string | undefined;
  readonly description: string | undefined;
  /** The value is only allowed when these other fields hold one of the listed values. */
  readonly when: ReadonlyMap<string, readonly string[]>;
  /** The value implies that at least one span carries one of these codes. */
  readonly expectsCodes: readonly string[];
  readonly location: DefinitionLocation;
}

export interface FieldDefinition {
  readonly name: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly description: string | undefined;
  readonly default: string | undefined;
  readonly values: ReadonlyMap<string, EnumValueDefinition> | undefined;
  readonly items: FieldDefinition | undefined;
  readonly fields: ReadonlyMap<string, FieldDefinition> | undefined;
  readonly location: DefinitionLocation;
}

export interface Codebook {
  readonly name: string;
  readonly version: string;
  readonly description: string | undefined;
  readonly codes: ReadonlyMap<string, CodeDefinition>;
  readonly themes: ReadonlyMap<string, ThemeDefinition>;
  readonly fields: ReadonlyMap<string, FieldDefinition>;
  /** The texts the entries came from: the built-in codebook first, then any workspace one. */
  readonly sources: readonly CodebookSource[];
}
