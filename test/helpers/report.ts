import { strict as assert } from 'node:assert';
import { defaultCodebook, type Codebook, type Diagnostic, type Fix, type OffsetRange, type ReportDocument, type TextEdit } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { type RuleId } from '../../core/validate/rules';
import { validateReport } from '../../core/validate/validateReport';

/** Front-matter fields of a report with no diagnostics under the built-in codebook (raw YAML values). */
export const VALID_FIELDS: Readonly<Record<string, string>> = {
  area: 'Darlington',
  framework: '"2016"',
  inspection_type: 'full',
  outcome: 'no_wsoa',
  annotator: 'tester',
  status: 'draft',
};

export interface ReportParts {
  /** Field values (raw YAML) replacing or adding to VALID_FIELDS; `undefined` leaves a field out. */
  readonly fields?: Readonly<Record<string, string | undefined>>;
  /** Raw YAML lines appended after the fields. */
  readonly extraYaml?: string;
  readonly eol?: '\n' | '\r\n';
  readonly bom?: boolean;
}

/** A report text: front matter built from VALID_FIELDS and `parts`, then `body` (whose `\n` become `eol`). */
export function buildReport(body: string, parts: ReportParts = {}): string {
  const eol = parts.eol ?? '\n';
  const merged: Record<string, string | undefined> = { ...VALID_FIELDS, ...parts.fields };
  const lines = ['---'];
  for (const [key, value] of Object.entries(merged)) if (value !== undefined) lines.push(value === '' ? `${key}:` : `${key}: ${value}`);
  if (parts.extraYaml) lines.push(...parts.extraYaml.replace(/\n$/, '').split('\n'));
  lines.push('---');
  const text = lines.join('\n') + '\n' + body;
  return (parts.bom ? '\uFEFF' : '') + (eol === '\n' ? text : text.replace(/\r?\n/g, '\r\n'));
}

/** Parses and validates with the built-in codebook (or the one given). */
export function diagnose(text: string, codebook: Codebook = defaultCodebook()): { document: ReportDocument; diagnostics: Diagnostic[] } {
  const document = parseReport(text);
  return { document, diagnostics: validateReport(document, codebook) };
}

/** The source text a range covers. */
export function rangeText(text: string, range: OffsetRange): string {
  return text.slice(range.start, range.end);
}

/** The range of the `occurrence`-th (0-based) match of `needle` in `text`; fails the test when missing. */
export function rangeOf(text: string, needle: string, occurrence = 0): OffsetRange {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) {
    at = text.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `${JSON.stringify(needle)} (occurrence ${occurrence}) not found in ${JSON.stringify(text)}`);
  }
  return { start: at, end: at + needle.length };
}

/** Applies non-overlapping edits (in any order) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = [...edits].sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end);
  let result = text;
  for (const edit of ordered) result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  return result;
}

export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/** The diagnostics of one rule. */
export function ofRule(diagnostics: readonly Diagnostic[], rule: RuleId): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.rule === rule);
}

/** The single diagnostic of a rule; fails the test unless there is exactly one. */
export function single(diagnostics: readonly Diagnostic[], rule: RuleId): Diagnostic {
  const found = ofRule(diagnostics, rule);
  assert.equal(found.length, 1, `expected one ${rule}, got ${found.length}: ${summarise(diagnostics)}`);
  return found[0];
}

/** `rule@"range text"` for each diagnostic, for assertion messages. */
export function summarise(diagnostics: readonly Diagnostic[], text?: string): string {
  return diagnostics.map((d) => (text === undefined ? d.rule : `${d.rule}@${JSON.stringify(rangeText(text, d.range))}`)).join(', ') || '(none)';
}

/** The rule ids that fired, sorted and unique. */
export function firedRules(diagnostics: readonly Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => d.rule))].sort();
}
