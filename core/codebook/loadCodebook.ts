import type { Document, Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { composeYaml } from '../document/yamlCompose';
import { yamlPackage } from '../document/yamlPackage';
import { checkReferences } from './codebookReferences';
import { CODEBOOK_RULES, type CodebookRuleId } from './codebookRules';
import { validateCodebookSchema } from './codebookSchema';
import { withMemoAttribute } from './memoAttribute';
import { mapEntries, type MapEntry } from './yamlNodes';
import type {
  AttributeDefinition,
  CodeDefinition,
  Codebook,
  CodebookSource,
  EnumValueDefinition,
  FieldDefinition,
  FieldType,
  ThemeDefinition,
} from './types';

/** A problem in a workspace codebook file, under one of the codebook's rules. */
export type CodebookDiagnostic = Diagnostic<CodebookRuleId>;

export interface CodebookResult {
  readonly codebook: Codebook;
  /** Problems in the workspace codebook file; empty for the built-in one. */
  readonly diagnostics: readonly CodebookDiagnostic[];
}

interface Parsed {
  readonly source: CodebookSource;
  readonly doc: Document.Parsed;
  readonly data: Record<string, unknown>;
  /** The whole YAML value (undefined when the YAML could not be read), for the schema check. */
  readonly value: unknown;
}

/** Reads a codebook's YAML text into entries that remember where they were defined. */
export function readCodebookParts(source: CodebookSource): { parsed: Parsed; diagnostics: CodebookDiagnostic[] } {
  const { parseDocument, visit } = yamlPackage();
  const composed = composeYaml(source.text);
  const length = source.text.length;
  const yamlProblem = (message: string, start: number, end: number): CodebookDiagnostic => {
    // Errors at the end of the text point just past it: keep ranges inside the text.
    const from = Math.min(start, length);
    return { rule: 'codebook-yaml', severity: CODEBOOK_RULES['codebook-yaml'].severity, message: `YAML: ${message}`, range: { start: from, end: Math.max(from, Math.min(end, length)) }, fixes: [] };
  };
  if ('beyond' in composed) {
    // Nothing composed: an empty document stands in, and the codebook is reported.
    const empty = parseDocument('') as Document.Parsed;
    return { parsed: { source, doc: empty, data: {}, value: undefined }, diagnostics: [yamlProblem(`The codebook is too complex to read: ${composed.beyond.reason}.`, composed.beyond.start, composed.beyond.end)] };
  }
  const doc = composed.doc;
  const diagnostics: CodebookDiagnostic[] = doc.errors.map((error) =>
    yamlProblem(error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)));
  let value: unknown;
  if (doc.errors.length === 0) {
    try {
      value = doc.toJS();
    } catch (error) {
      // An alias without its anchor (the parser does not report it) or too many aliases.
      const aliases: CodebookDiagnostic[] = [];
      visit(doc, {
        Alias(_, node) {
          if (node.resolve(doc) === undefined && node.range) aliases.push(yamlProblem(`The alias \`*${node.source}\` has no anchor \`&${node.source}\` before it.`, node.range[0], node.range[1]));
        },
      });
      for (const problem of aliases.length > 0 ? aliases : [yamlProblem((error as Error).message, 0, 0)]) diagnostics.push(problem);
    }
  }
  const data = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return { parsed: { source, doc, data, value }, diagnostics };
}

/**
 * Builds the codebook in force: the built-in one, extended or replaced by a
 * workspace codebook when one is given. Workspace entries override built-in
 * entries of the same name as a whole.
 */
export function buildCodebook(builtin: CodebookSource, workspace?: CodebookSource): CodebookResult {
  const base = readCodebookParts(builtin).parsed;
  if (!workspace) return { codebook: assemble([base]), diagnostics: [] };
  const { parsed, diagnostics } = readCodebookParts(workspace);
  // An empty file is an empty codebook; any other non-mapping fails the schema's `type: object`.
  if (diagnostics.length === 0) for (const problem of validateCodebookSchema(parsed.doc, parsed.value ?? {})) diagnostics.push(problem);
  if (diagnostics.length > 0) return { codebook: assemble([base]), diagnostics };
  const layers = parsed.data.extends === 'none' ? [parsed] : [base, parsed];
  const codebook = assemble(layers);
  const references = checkReferences(codebook, parsed.source);
  return { codebook: references.length > 0 ? assemble([base]) : codebook, diagnostics: references };
}

function assemble(layers: readonly Parsed[]): Codebook {
  const codes = new Map<string, CodeDefinition>();
  const themes = new Map<string, ThemeDefinition>();
  const fields = new Map<string, FieldDefinition>();
  for (const layer of layers) {
    const root = layer.doc.contents;
    for (const entry of section(root, 'codes')) codes.set(entry.key, readCode(layer.source, entry));
    for (const entry of section(root, 'themes')) themes.set(entry.key, readTheme(layer.source, entry));
    for (const entry of section(root, 'fields')) fields.set(entry.key, readField(layer.source, entry));
  }
  const top = layers[layers.length - 1].data;
  return {
    name: typeof top.name === 'string' ? top.name : 'send',
    version: typeof top.version === 'string' ? top.version : '0',
    description: typeof top.description === 'string' ? top.description : undefined,
    codes,
    themes,
    fields,
    sources: layers.map((layer) => layer.source),
  };
}

function section(root: unknown, name: string): MapEntry[] {
  const entry = mapEntries(root).find((e) => e.key === name);
  return entry ? mapEntries(entry.value) : [];
}

function plain(node: YamlNode | null): Record<string, unknown> {
  const value = node ? node.toJSON() : undefined;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function readCode(source: CodebookSource, entry: MapEntry): CodeDefinition {
  const data = plain(entry.value);
  const attributesNode = mapEntries(entry.value).find((e) => e.key === 'attributes');
  const attributes = new Map<string, AttributeDefinition>();
  for (const attribute of mapEntries(attributesNode?.value ?? null)) {
    const a = plain(attribute.value);
    attributes.set(attribute.key, {
      name: attribute.key,
      description: text(a.description),
      required: a.required === true,
      values: a.values === 'themes' ? 'themes' : Array.isArray(a.values) ? a.values.map(String) : undefined,
      multiple: a.multiple === true,
      location: { source, range: attribute.keyRange },
    });
  }
  const location = { source, range: entry.keyRange };
  return {
    name: entry.key,
    label: text(data.label) ?? entry.key,
    description: text(data.description) ?? '',
    color: text(data.color) ?? '#808080',
    attributes: withMemoAttribute(attributes, location),
    location,
  };
}

function readTheme(source: CodebookSource, entry: MapEntry): ThemeDefinition {
  const data = plain(entry.value);
  return {
    name: entry.key,
    label: text(data.label) ?? entry.key,
    definition: text(data.definition) ?? '',
    location: { source, range: entry.keyRange },
  };
}

function readField(source: CodebookSource, entry: MapEntry): FieldDefinition {
  const data = plain(entry.value);
  const children = mapEntries(entry.value);
  const child = (key: string) => children.find((e) => e.key === key);
  const valuesEntry = child('values');
  const values = valuesEntry
    ? new Map(mapEntries(valuesEntry.value).map((value) => [value.key, readEnumValue(source, value)] as const))
    : undefined;
  const itemsEntry = child('items');
  const fieldsEntry = child('fields');
  return {
    name: entry.key,
    type: (text(data.type) ?? 'string') as FieldType,
    required: data.required === true,
    description: text(data.description),
    default: text(data.default),
    values,
    items: itemsEntry ? readField(source, { ...itemsEntry, key: `${entry.key}[]` }) : undefined,
    fields: fieldsEntry ? new Map(mapEntries(fieldsEntry.value).map((f) => [f.key, readField(source, f)] as const)) : undefined,
    location: { source, range: entry.keyRange },
  };
}

function readEnumValue(source: CodebookSource, entry: MapEntry): EnumValueDefinition {
  const data = plain(entry.value);
  const when = new Map<string, readonly string[]>();
  const rawWhen = data.when && typeof data.when === 'object' ? (data.when as Record<string, unknown>) : {};
  for (const [field, allowed] of Object.entries(rawWhen)) {
    when.set(field, Array.isArray(allowed) ? allowed.map(String) : [String(allowed)]);
  }
  return {
    name: entry.key,
    label: text(data.label),
    description: text(data.description),
    when,
    expectsCodes: Array.isArray(data.expects_codes) ? data.expects_codes.map(String) : [],
    location: { source, range: entry.keyRange },
  };
}
