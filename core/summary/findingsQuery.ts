/**
 * Filtering the findings list, with the counts shown beside each filter's
 * values. A value's count is the number of findings it would match together
 * with the other filters as they are set (faceted search), so the counts
 * always add up with "N of M findings match". Dependency-free: the summary
 * webview runs it as it is.
 */

/** What a finding must have to be filtered. */
export interface QueryableFinding {
  readonly codes: readonly string[];
  readonly themes: readonly string[];
  readonly area?: string | null;
  readonly text: string;
  readonly path: string;
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

/** One pass over the findings: linear in their number, codes and themes. */
export function queryFindings<F extends QueryableFinding>(findings: readonly F[], filters: FindingFilters): FindingsQueryResult<F> {
  const text = filters.text.trim().toLocaleLowerCase();
  const matching: F[] = [];
  const counts = { code: new Map<string, number>(), theme: new Map<string, number>(), area: new Map<string, number>() };
  for (const finding of findings) {
    const byText = text === '' || finding.text.toLocaleLowerCase().includes(text) || finding.path.toLocaleLowerCase().includes(text);
    if (!byText) continue;
    const byCode = filters.code === '' || finding.codes.includes(filters.code);
    const byTheme = filters.theme === '' || finding.themes.includes(filters.theme);
    const area = areaOf(finding);
    const byArea = filters.area === '' || area === filters.area;
    if (byTheme && byArea) for (const code of unique(finding.codes)) add(counts.code, code);
    if (byCode && byArea) for (const theme of unique(finding.themes)) add(counts.theme, theme);
    if (byCode && byTheme) add(counts.area, area);
    if (byCode && byTheme && byArea) matching.push(finding);
  }
  return { matching, counts };
}

function add(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** A finding with a code written twice counts once for it. */
function unique(values: readonly string[]): readonly string[] {
  return values.length < 2 || new Set(values).size === values.length ? values : [...new Set(values)];
}
