import type { AreaEntry } from '../codebook/areas';
import type { AttributeDefinition, Codebook, CodeDefinition, EnumValueDefinition, FieldDefinition, ThemeDefinition } from '../codebook/types';

// Markdown descriptions of codebook entries, shared by hover and completion.

const KIND_NAMES: Record<AreaEntry['kind'], string> = {
  county: 'County council',
  unitary: 'Unitary authority',
  metropolitan: 'Metropolitan borough',
  london: 'London borough',
  other: 'Other authority',
};

export function codeMarkdown(code: CodeDefinition, codebook: Codebook): string {
  const lines = [`**${escape(code.label)}** · code \`.${code.name}\``, '', escape(code.description)];
  if (code.attributes.size > 0) {
    lines.push('', 'Attributes:');
    for (const attribute of code.attributes.values()) lines.push(`- ${attributeLine(attribute, codebook)}`);
  }
  return lines.join('\n');
}

export function attributeMarkdown(attribute: AttributeDefinition, code: CodeDefinition, codebook: Codebook): string {
  const lines = [`**${attribute.name}** · attribute of \`.${code.name}\`${attribute.required ? ' (required)' : ''}`];
  if (attribute.description) lines.push('', escape(attribute.description));
  const values = attributeValues(attribute, codebook);
  if (values) lines.push('', `Values: ${values}${attribute.multiple ? ' (several allowed, in quotes: `' + attribute.name + '="a b"`)' : ''}`);
  return lines.join('\n');
}

export function attributeValueMarkdown(attribute: AttributeDefinition, value: string, code: CodeDefinition): string {
  const allowed = Array.isArray(attribute.values) && attribute.values.includes(value);
  const lines = [`**${escape(value)}** · ${allowed ? 'a' : 'not a'} value of \`${attribute.name}\` on \`.${code.name}\``];
  if (attribute.description) lines.push('', escape(attribute.description));
  return lines.join('\n');
}

export function themeMarkdown(theme: ThemeDefinition): string {
  return [`**${escape(theme.label)}** · theme \`${theme.name}\``, '', escape(theme.definition)].join('\n');
}

export function fieldMarkdown(field: FieldDefinition, name = field.name): string {
  const facts = [typeName(field), field.required ? 'required' : 'optional'];
  if (field.default !== undefined) facts.push(`default \`${field.default}\``);
  const lines = [`**${name}** · ${facts.join(', ')}`];
  if (field.description) lines.push('', escape(field.description));
  const values = field.values ?? field.items?.values;
  if (values && values.size > 0) {
    lines.push('', 'Values:');
    for (const value of values.values()) lines.push(`- \`${value.name}\`${value.label ? ` — ${escape(value.label)}` : ''}`);
  }
  const children = field.fields;
  if (children && children.size > 0) {
    lines.push('', 'Fields:');
    for (const child of children.values()) lines.push(`- \`${child.name}\`${child.required ? ' (required)' : ''}${child.description ? ` — ${escape(child.description)}` : ''}`);
  }
  return lines.join('\n');
}

export function enumValueMarkdown(value: EnumValueDefinition, field: FieldDefinition): string {
  const lines = [`**${escape(value.label ?? value.name)}** · \`${value.name}\`, a value of \`${field.name.replace(/\[\]$/, '')}\``];
  if (value.description) lines.push('', escape(value.description));
  if (value.when.size > 0) {
    const conditions = [...value.when].map(([other, allowed]) => `${other} ${allowed.map((a) => `\`${a}\``).join(' or ')}`);
    lines.push('', `Only with ${conditions.join(' and ')}.`);
  }
  if (value.expectsCodes.length > 0) lines.push('', `Expects spans coded ${value.expectsCodes.map((c) => `\`${c}\``).join(' or ')}.`);
  return lines.join('\n');
}

export function areaMarkdown(area: AreaEntry, written?: string): string {
  const lines = [`**${escape(area.name)}** · ${KIND_NAMES[area.kind]}, ${escape(area.region)}`];
  if (written !== undefined && written !== area.name) lines.push('', `Written here as \`${written}\`; the canonical name is \`${area.name}\`.`);
  if (area.aliases && area.aliases.length > 0) lines.push('', `Also written: ${area.aliases.map((a) => `\`${a}\``).join(', ')}.`);
  return lines.join('\n');
}

export function areaDetail(area: AreaEntry): string {
  return `${KIND_NAMES[area.kind]}, ${area.region}`;
}

function attributeLine(attribute: AttributeDefinition, codebook: Codebook): string {
  const facts: string[] = [];
  if (attribute.required) facts.push('required');
  const values = attributeValues(attribute, codebook);
  if (values) facts.push(values);
  if (attribute.multiple) facts.push('several allowed');
  const head = `\`${attribute.name}\`${facts.length > 0 ? ` (${facts.join('; ')})` : ''}`;
  return attribute.description ? `${head} — ${escape(attribute.description)}` : head;
}

function attributeValues(attribute: AttributeDefinition, codebook: Codebook): string | undefined {
  if (attribute.values === 'themes') return `a theme (${codebook.themes.size} in the codebook)`;
  if (Array.isArray(attribute.values)) return attribute.values.map((v) => `\`${v}\``).join(', ');
  return undefined;
}

function typeName(field: FieldDefinition): string {
  switch (field.type) {
    case 'enum': return 'one of a list';
    case 'date': return 'ISO date';
    case 'url': return 'web address';
    case 'area': return 'local authority';
    case 'list': return field.items ? `list of ${pluralTypeName(field.items)}` : 'list';
    case 'map': return 'mapping';
    default: return 'text';
  }
}

function pluralTypeName(field: FieldDefinition): string {
  switch (field.type) {
    case 'enum': return 'values';
    case 'date': return 'ISO dates';
    case 'url': return 'web addresses';
    case 'area': return 'local authorities';
    default: return 'text';
  }
}

/** Escapes the Markdown characters that would change how plain codebook text renders. */
export function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|&])/g, '\\$1');
}
