/**
 * Filtering the findings: the one predicate of the summary panel's findings
 * list and of an export of what the list shows, with the counts shown beside
 * each filter's values. A value's count is the number of findings it would
 * match together with the other filters as they are set (faceted search), so
 * the counts always add up with "N of M findings match". Dependency-free:
 * the summary webview may run it as it is.
 */

/** What a finding must have to be filtered. */
export interface QueryableFinding {
  readonly codes: readonly string[];
  readonly themes: readonly string[];
  readonly area?: string | null;
  readonly text: string;
  readonly path: string;
  /** The passage's memo, which the text filter also searches. */
  readonly memo?: string | null;
}

/** Each filter: '' for any. `area` is NO_AREA for findings whose report names no area. */
export interface FindingFilters {
  readonly code: string;
  readonly theme: string;
  readonly area: string;
  readonly text: string;
}

/** The area value of a finding whose report names none. */
export const NO_AREA = '(none)';

/** For each filter, each value's count under the other filters. */
export interface FacetCounts {
  readonly code: Map<string, number>;
  readonly theme: Map<string, number>;
  readonly area: Map<string, number>;
}

export interface FindingsQueryResult<F> {
  /** The findings every filter matches, in their order. */
  readonly matching: F[];
  readonly counts: FacetCounts;
}

/**
 * The filters ready to test many findings: the text once trimmed and made a
 * case-insensitive literal pattern (no finding's text is case folded per
 * query; a literal pattern cannot backtrack).
 */
export interface CompiledFilters {
  readonly code: string;
  readonly theme: string;
  readonly area: string;
  /** Null when the text filter is blank. */
  readonly text: TextMatcher | null;
}

/** Whether a value holds the searched text (a RegExp is one). */
export interface TextMatcher {
  test(value: string): boolean;
}

/** A finding's area, or its report's (which the finding shares), as the area filter reads it. */
export function areaOf(finding: { readonly area?: string | null }): string {
  return finding.area ?? NO_AREA;
}

/** Whether any filter is set (a text of blanks sets none). */
export function hasFilters(filters: FindingFilters): boolean {
  return filters.code !== '' || filters.theme !== '' || filters.area !== '' || searchedText(filters) !== '';
}

/** The text filter as searched: trimmed. */
export function searchedText(filters: FindingFilters): string {
  return filters.text.trim();
}

export function compileFilters(filters: FindingFilters): CompiledFilters {
  const text = searchedText(filters);
  // Case is ignored as JavaScript's /i does (the same on every machine, unlike a locale's lower case); without
  // the 'u' flag, which makes V8 try the literal at every position rather than skip ahead.
  return { code: filters.code, theme: filters.theme, area: filters.area, text: text === '' ? null : literalMatcher(text) };
}

/** The longest text searched with a pattern: V8 refuses a longer one ("Regular expression too large"). */
const LONGEST_PATTERN = 32_000;

function literalMatcher(text: string): TextMatcher {
  if (text.length <= LONGEST_PATTERN) return new RegExp(text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), 'i');
  // Longer: both sides folded unit by unit as /i folds them, and only values long enough to hold the text.
  const folded = foldedCase(text);
  return { test: (value) => value.length >= text.length && foldedCase(value).includes(folded) };
}

/** Each UTF-16 unit as /i without the 'u' flag compares it: upper-cased when that is one unit, never a non-ASCII unit made ASCII. */
function foldedCase(text: string): string {
  const units: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text[i];
    const upper = unit.toUpperCase();
    units.push(upper.length !== 1 || (unit.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128) ? unit : upper);
  }
  return units.join('');
}

/** Whether a text (a passage's, a path, a memo) holds the searched text; any does when the filter is blank. */
export function holdsText(filters: CompiledFilters, value: string): boolean {
  return filters.text === null || filters.text.test(value);
}

/**
 * The text filter of a finding: its passage, its report's path or its memo
 * holds the text. `pathHolds` is holdsText of the path, which a caller
 * walking one report's findings tests once.
 */
export function passesText(filters: CompiledFilters, finding: { readonly text: string; readonly memo?: string | null }, pathHolds: boolean): boolean {
  return pathHolds || holdsText(filters, finding.text) || (finding.memo != null && holdsText(filters, finding.memo));
}

/**
 * Counts a finding that passes the text filter: each of its values under the
 * other filters. Returns whether every filter matches it.
 */
export function countFacets(filters: CompiledFilters, counts: FacetCounts, codes: readonly string[], themes: readonly string[], area: string): boolean {
  const code = byCode(filters, codes);
  const theme = byTheme(filters, themes);
  const inArea = byArea(filters, area);
  if (theme && inArea) for (const value of unique(codes)) add(counts.code, value);
  if (code && inArea) for (const value of unique(themes)) add(counts.theme, value);
  if (code && theme) add(counts.area, area);
  return code && theme && inArea;
}

export function emptyFacetCounts(): FacetCounts {
  return { code: new Map(), theme: new Map(), area: new Map() };
}

/** The predicate of all four filters: what the findings list shows, and what an export of it keeps. */
export function findingMatcher(filters: FindingFilters): (finding: QueryableFinding) => boolean {
  const compiled = compileFilters(filters);
  return (finding) => passesText(compiled, finding, holdsText(compiled, finding.path))
    && byCode(compiled, finding.codes) && byTheme(compiled, finding.themes) && byArea(compiled, areaOf(finding));
}

/** One pass over the findings: linear in their number, codes and themes. */
export function queryFindings<F extends QueryableFinding>(findings: readonly F[], filters: FindingFilters): FindingsQueryResult<F> {
  const compiled = compileFilters(filters);
  const matching: F[] = [];
  const counts = emptyFacetCounts();
  for (const finding of findings) {
    if (!passesText(compiled, finding, holdsText(compiled, finding.path))) continue;
    if (countFacets(compiled, counts, finding.codes, finding.themes, areaOf(finding))) matching.push(finding);
  }
  return { matching, counts };
}

function byCode(filters: CompiledFilters, codes: readonly string[]): boolean {
  return filters.code === '' || codes.includes(filters.code);
}

function byTheme(filters: CompiledFilters, themes: readonly string[]): boolean {
  return filters.theme === '' || themes.includes(filters.theme);
}

function byArea(filters: CompiledFilters, area: string): boolean {
  return filters.area === '' || area === filters.area;
}

function add(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** A finding with a code written twice counts once for it (the few values of a finding compared pairwise: no set made per finding). */
function unique(values: readonly string[]): readonly string[] {
  if (values.length > 16) return [...new Set(values)];
  for (let i = 1; i < values.length; i++) {
    for (let j = 0; j < i; j++) if (values[i] === values[j]) return [...new Set(values)];
  }
  return values;
}
