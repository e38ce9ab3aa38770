import type { Document } from 'yaml';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../schemas/codebook.schema.json';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { CODEBOOK_RULES } from './codebookRules';
import { keyRangeAt, nearestNode, nodeRange } from './yamlNodes';

let compiled: ValidateFunction | undefined;

/** Compiled on first use: only workspaces with their own codebook pay for it. */
function validator(): ValidateFunction {
  if (!compiled) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv = require('ajv').default as typeof import('ajv').default;
    compiled = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return compiled;
}

export function codebookSchema(): object {
  return schema;
}

/** Checks a codebook's data against the shipped JSON schema, with ranges in its YAML text. */
export function validateCodebookSchema(doc: Document, data: unknown): Array<Diagnostic<'codebook-schema'>> {
  const validate = validator();
  if (validate(data)) return [];
  const seen = new Set<string>();
  const diagnostics: Array<Diagnostic<'codebook-schema'>> = [];
  for (const error of validate.errors ?? []) {
    // `propertyNames` sums up the errors of the names it checked, which come first and say why.
    if (error.keyword === 'if' || error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'propertyNames') continue;
    const path = error.instancePath.split('/').slice(1).map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'));
    const name = error.propertyName;
    const range = (name !== undefined ? keyRangeAt(doc, [...path, name]) : undefined) ?? rangeFor(doc, path, error);
    const plain = name !== undefined ? `\`${name}\` is not a valid name here: ${describe([], error).replace(/^A name /, 'it ')}` : describe(path, error);
    const why = reasonOf(error.schemaPath);
    const message = why === undefined ? plain : `${plain.replace(/\.$/, '')}: ${why}`;
    const key = `${range.start}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push({ rule: 'codebook-schema', severity: CODEBOOK_RULES['codebook-schema'].severity, message, range, fixes: [] });
  }
  return diagnostics;
}

/**
 * The reason a definition of the schema gives for its constraints
 * (`x-message`, which validators ignore), for the errors found under it: a
 * message can then say why, not only what.
 */
function reasonOf(schemaPath: string): string | undefined {
  const definition = /^#\/definitions\/([^/]+)\//.exec(schemaPath)?.[1];
  const found = definition === undefined ? undefined : (schema.definitions as Record<string, { 'x-message'?: unknown }>)[definition]?.['x-message'];
  return typeof found === 'string' ? found : undefined;
}

function rangeFor(doc: Document, path: string[], error: ErrorObject) {
  const extra = (error.params as { additionalProperty?: string; propertyName?: string }).additionalProperty ?? (error.params as { propertyName?: string }).propertyName;
  if (extra !== undefined) {
    const keyRange = keyRangeAt(doc, [...path, extra]);
    if (keyRange) return keyRange;
  }
  if (error.keyword === 'required' || path.length === 0) {
    const keyRange = keyRangeAt(doc, path);
    if (keyRange) return keyRange;
  }
  return nodeRange(nearestNode(doc, path)) ?? { start: 0, end: 0 };
}

function describe(path: string[], error: ErrorObject): string {
  const where = path.length > 0 ? `\`${path.join('.')}\`` : 'The codebook';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where} has an unknown property \`${String(params.additionalProperty)}\`.`;
    case 'required':
      return `${where} needs \`${String(params.missingProperty)}\`.`;
    case 'enum':
      return `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => `\`${String(v)}\``).join(', ')}.`;
    case 'pattern':
      return path.length > 0 ? `${where} must match ${String(params.pattern)}.` : `A name must match ${String(params.pattern)}.`;
    case 'const':
      return `${where} must be \`${JSON.stringify(params.allowedValue)}\`.`;
    case 'propertyNames':
      return `\`${String(params.propertyName)}\` is not a valid name here.`;
    default:
      return `${where} ${error.message ?? 'is invalid'}.`;
  }
}
