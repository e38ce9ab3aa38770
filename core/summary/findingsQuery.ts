/**
 * Filtering the findings: the one predicate of the summary panel's findings
 * list and of an export of what the list shows, with the counts shown beside
 * each filter's values. A value's count is the number of findings it would
 * match together with the other filters as they are set (faceted search), so
 * the counts always add up with "N of M findings match". Dependency-free:
 * the summary webview runs it as it is.
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

export interface FindingsQueryResult<F> {
  /** The findings every filter matches, in their order. */
  readonly matching: F[];
  /** For each filter, each value's count under the other filters. */
  readonly counts: { readonly code: Map<string, number>; readonly theme: Map<string, number>; readonly area: Map<string, number> };
}

export function areaOf(finding: QueryableFinding): string {
  return finding.area ?? NO_AREA;
}

/** Whether any filter is set (a text of blanks sets none). */
export function hasFilters(filters: FindingFilters): boolean {
  return filters.code !== '' || filters.theme !== '' || filters.area !== '' || searchedText(filters) !== '';
}

/** The predicate of all four filters: what the findings list shows, and what an export of it keeps. */
export function findingMatcher(filters: FindingFilters): (finding: QueryableFinding) => boolean {
  const text = searchedText(filters);
  return (finding) => byText(finding, text) && byCode(finding, filters) && byTheme(finding, filters) && byArea(finding, filters);
}

/** One pass over the findings: linear in their number, codes and themes. */
export function queryFindings<F extends QueryableFinding>(findings: readonly F[], filters: FindingFilters): FindingsQueryResult<F> {
  const text = searchedText(filters);
  const matching: F[] = [];
  const counts = { code: new Map<string, number>(), theme: new Map<string, number>(), area: new Map<string, number>() };
  for (const finding of findings) {
    if (!byText(finding, text)) continue;
    const code = byCode(finding, filters);
    const theme = byTheme(finding, filters);
    const area = byArea(finding, filters);
    if (theme && area) for (const value of unique(finding.codes)) add(counts.code, value);
    if (code && area) for (const value of unique(finding.themes)) add(counts.theme, value);
    if (code && theme) add(counts.area, areaOf(finding));
    if (code && theme && area) matching.push(finding);
  }
  return { matching, counts };
}

/** The text filter as searched: trimmed, case folded. */
function searchedText(filters: FindingFilters): string {
  return filters.text.trim().toLocaleLowerCase();
}

/** The passage's text, its report's path or its memo holds the text (case ignored). */
function byText(finding: QueryableFinding, text: string): boolean {
  return text === ''
    || finding.text.toLocaleLowerCase().includes(text)
    || finding.path.toLocaleLowerCase().includes(text)
    || (finding.memo != null && finding.memo.toLocaleLowerCase().includes(text));
}

function byCode(finding: QueryableFinding, filters: FindingFilters): boolean {
  return filters.code === '' || finding.codes.includes(filters.code);
}

function byTheme(finding: QueryableFinding, filters: FindingFilters): boolean {
  return filters.theme === '' || finding.themes.includes(filters.theme);
}

function byArea(finding: QueryableFinding, filters: FindingFilters): boolean {
  return filters.area === '' || areaOf(finding) === filters.area;
}

function add(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** A finding with a code written twice counts once for it. */
function unique(values: readonly string[]): readonly string[] {
  return values.length < 2 || new Set(values).size === values.length ? values : [...new Set(values)];
}
