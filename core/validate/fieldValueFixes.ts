// Quick fixes for a front-matter value that is wrong in place: a stray or
// unclosed quote (`framework: 2017"`, `framework: "2016`), a value the
// codebook does not allow (`framework: 2019`). Each fix edits that field's
// value on its own line and nothing else: an unclosed quote makes YAML read
// the following lines into the value, and those lines are other fields.
import type { EnumValueDefinition, FieldDefinition } from '../codebook/types';
import { failedConditions } from '../codebook/valueConditions';
import type { Fix } from '../diagnostics/diagnostic';
import type { FieldNode, ReportDocument } from '../document/types';
import { quoteIfNeeded } from '../document/yamlScalar';
import type { OffsetRange } from '../text/range';
import { replaceFix } from './fixes';

/** Beyond this many allowed values, only the nearest one is offered: a quick-fix menu is no list of a codebook. */
const MOST_VALUES_OFFERED = 8;

const QUOTES = /^["']|["']$/g;

/** The part of a value on its own line, without trailing blanks: what a fix may replace. */
export function valueOnItsLine(text: string, range: OffsetRange): OffsetRange {
  let end = range.start;
  while (end < range.end && text[end] !== '\n' && text[end] !== '\r') end++;
  while (end > range.start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return { start: range.start, end };
}

/**
 * Fixes for an enum value the codebook does not allow, at `range` (the value
 * as the parser read it). When taking the quotes off the written value gives
 * an allowed value, that one fix; otherwise the nearest value (`suggestion`,
 * preferred) and the other values that fit the report's other fields.
 */
export function enumValueFixes(
  text: string,
  definition: FieldDefinition,
  range: OffsetRange,
  suggestion: string | undefined,
  fieldText: ((field: string) => string | undefined) | undefined,
): Fix[] {
  const values = definition.values ?? new Map<string, EnumValueDefinition>();
  const site = valueOnItsLine(text, range);
  const written = text.slice(site.start, site.end);
  const unquoted = written.replace(QUOTES, '');
  if (unquoted !== written && values.has(unquoted)) {
    return [replaceFix(`Correct the quotes: \`${quoteIfNeeded(unquoted)}\``, site, quoteIfNeeded(unquoted))];
  }
  const fitting = [...values.values()]
    .filter((value) => value.name !== suggestion && (fieldText === undefined || failedConditions(value, fieldText).length === 0))
    .map((value) => value.name);
  const offered = [...(suggestion !== undefined ? [suggestion] : []), ...(fitting.length + (suggestion ? 1 : 0) <= MOST_VALUES_OFFERED ? fitting : [])];
  return offered.map((name) => replaceFix(`Change to \`${name}\``, site, quoteIfNeeded(name), name === suggestion));
}

/** For a value of another type (a date) that only a stray quote spoils: the value without it, when `accepts` it. */
export function strayQuoteFixes(text: string, range: OffsetRange, accepts: (value: string) => boolean): Fix[] {
  const site = valueOnItsLine(text, range);
  const written = text.slice(site.start, site.end);
  const unquoted = written.replace(QUOTES, '');
  return unquoted !== written && unquoted !== '' && accepts(unquoted) ? [replaceFix(`Correct the quotes: \`${quoteIfNeeded(unquoted)}\``, site, quoteIfNeeded(unquoted))] : [];
}

/** A line that starts a field (`key:`): what a runaway quoted value swallows. */
const FIELD_LINE = /[\r\n][ \t]*[A-Za-z_][\w-]*[ \t]*:/;

const unclosed = new WeakMap<ReportDocument, readonly Fix[]>();

/**
 * For a YAML error: each field whose quoted value runs on past its line into
 * the next fields (its closing quote is missing) can have the quote closed at
 * the end of its line. Found once per report, however many errors YAML gives.
 */
export function unclosedQuoteFixes(document: ReportDocument): readonly Fix[] {
  const known = unclosed.get(document);
  if (known) return known;
  const fixes: Fix[] = [];
  const text = document.text;
  const visit = (fields: readonly FieldNode[]): void => {
    for (const field of fields) {
      const quote = text[field.valueRange.start];
      if (quote === '"' || quote === "'") {
        const site = valueOnItsLine(text, field.valueRange);
        if (site.end > site.start + 1 && FIELD_LINE.test(text.slice(site.end, field.valueRange.end))) {
          fixes.push(replaceFix(`Close the quote of \`${field.key}\`: \`${text.slice(site.start, site.end)}${quote}\``, { start: site.end, end: site.end }, quote));
        }
      }
      if (field.children) visit(field.children);
    }
  };
  visit(document.frontMatter?.fields ?? []);
  unclosed.set(document, fixes);
  return fixes;
}
