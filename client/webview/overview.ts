// The counts of a summary: heading, totals, codes and themes (chart and
// table), codes by theme, and the reports by area, framework, outcome,
// status and annotator. Everything from the server's summary, as text.
import type { FindingsScope, SummaryResult, Tally } from '../../protocol';
import type { PanelScope } from '../summary/messages';
import { barChart, swatch, type Bar } from './charts';
import { formatNumber, h, plural, safeColor } from './dom';

export const TALLIES = [
  { field: 'area', title: 'Areas', key: 'byArea', column: 'Area' },
  { field: 'framework', title: 'Frameworks', key: 'byFramework', column: 'Framework' },
  { field: 'outcome', title: 'Outcomes', key: 'byOutcome', column: 'Outcome' },
  { field: 'status', title: 'Reports by status', key: 'byStatus', column: 'Status' },
  { field: 'annotator', title: 'Reports by annotator', key: 'byAnnotator', column: 'Annotator' },
] as const;

export function codeColors(summary: SummaryResult): Map<string, string | undefined> {
  return new Map(summary.codebook.codes.map((code) => [code.name, safeColor(code.color)]));
}

function byCount(record: Readonly<Record<string, number>>): Array<[string, number]> {
  return Object.entries(record).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function share(n: number, total: number): string {
  return total === 0 ? '–' : `${((n / total) * 100).toFixed(1)}%`;
}

export function heading(scope: PanelScope, summary: SummaryResult): HTMLElement {
  const report = summary.report;
  if (scope === 'document' && report) {
    const facts = [report.area, report.framework && `${report.framework} framework`, report.outcome, report.status, report.annotator && `annotated by ${report.annotator}`]
      .filter((fact): fact is string => typeof fact === 'string' && fact !== '');
    return h('header', { class: 'heading' },
      h('h1', { id: 'heading', title: report.path }, report.path),
      h('p', { class: 'subtitle' }, facts.join(' · ')));
  }
  return h('header', { class: 'heading' },
    h('h1', { id: 'heading' }, scopeName(summary.scope)),
    h('p', { class: 'subtitle' }, `${plural(summary.totals.reports, 'report')} · codebook ${summary.codebook.name} ${summary.codebook.version}`));
}

/** The workspace, or a folder by its name (the last segment of its URI). */
function scopeName(scope: FindingsScope): string {
  if (scope.kind === 'workspace') return 'Workspace';
  const last = scope.uri.split('/').filter((segment) => segment !== '').pop() ?? '';
  try {
    return decodeURIComponent(last) || 'Reports';
  } catch {
    return last || 'Reports';
  }
}

export function totals(summary: SummaryResult): HTMLElement {
  const t = summary.totals;
  const tile = (key: string, label: string, value: number, detail?: string, tone?: string): HTMLElement =>
    h('div', { class: `tile${tone ? ` tile-${tone}` : ''}`, 'data-total': key },
      h('span', { class: 'tile-value' }, formatNumber(value)),
      h('span', { class: 'tile-label' }, label),
      detail ? h('span', { class: 'tile-detail' }, detail) : null);
  return h('section', { class: 'tiles', 'aria-label': 'Totals' },
    tile('reports', t.reports === 1 ? 'Report' : 'Reports', t.reports),
    tile('findings', t.findings === 1 ? 'Finding' : 'Findings', t.findings),
    tile('errors', t.errors === 1 ? 'Error' : 'Errors', t.errors, t.reportsWithErrors > 0 ? `in ${plural(t.reportsWithErrors, 'report')}` : undefined, t.errors > 0 ? 'error' : undefined),
    tile('warnings', t.warnings === 1 ? 'Warning' : 'Warnings', t.warnings, undefined, t.warnings > 0 ? 'warning' : undefined));
}

function card(id: string, title: string, ...children: Array<Node | null>): HTMLElement {
  return h('section', { class: 'card', id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), ...children);
}

export function codes(summary: SummaryResult): HTMLElement {
  const colors = codeColors(summary);
  const labels = new Map(summary.codebook.codes.map((code) => [code.name, code.label]));
  const rows = byCount(summary.byCode);
  const total = rows.reduce((sum, [, n]) => sum + n, 0);
  const bars: Bar[] = rows.map(([key, value]) => ({ key, value, color: colors.get(key), description: labels.get(key) }));
  const table = h('table', { class: 'data', 'data-table': 'byCode' },
    h('caption', { class: 'visually-hidden' }, 'Findings by code'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Code'), h('th', { scope: 'col', class: 'num' }, 'Findings'), h('th', { scope: 'col', class: 'num' }, 'Share'))),
    h('tbody', {}, ...rows.map(([key, n]) => h('tr', { 'data-key': key },
      h('th', { scope: 'row' }, swatch(colors.get(key)), h('span', { class: 'key' }, key), labels.get(key) && labels.get(key) !== key ? h('span', { class: 'muted' }, ` ${labels.get(key)}`) : null),
      h('td', { class: 'num', 'data-col': 'findings' }, formatNumber(n)),
      h('td', { class: 'num muted' }, share(n, total))))));
  return card('codes', 'Findings by code', rows.length ? barChart('Findings by code', bars, 'code') : empty('No findings.'), rows.length ? table : null);
}

export function themes(summary: SummaryResult): HTMLElement {
  const labels = new Map(summary.codebook.themes.map((theme) => [theme.name, theme.label]));
  const rows = byCount(summary.byTheme);
  const bars: Bar[] = rows.map(([key, value]) => ({ key, value, description: labels.get(key) }));
  const table = h('table', { class: 'data', 'data-table': 'byTheme' },
    h('caption', { class: 'visually-hidden' }, 'Findings by theme'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Theme'), h('th', { scope: 'col', class: 'num' }, 'Findings'))),
    h('tbody', {}, ...rows.map(([key, n]) => h('tr', { 'data-key': key },
      h('th', { scope: 'row' }, h('span', { class: 'key' }, key), labels.get(key) && labels.get(key) !== key ? h('span', { class: 'muted' }, ` ${labels.get(key)}`) : null),
      h('td', { class: 'num', 'data-col': 'findings' }, formatNumber(n))))));
  return card('themes', 'Findings by theme', rows.length ? barChart('Findings by theme', bars, 'theme') : empty('No themes.'), rows.length ? table : null);
}

/** Codes (rows) by themes (columns), folded away: wide. */
export function codesByTheme(summary: SummaryResult): HTMLElement | null {
  const themeNames = Object.keys(summary.byTheme).sort();
  const codeNames = Object.keys(summary.byCodeAndTheme).filter((code) => Object.keys(summary.byCodeAndTheme[code] ?? {}).length > 0).sort();
  if (themeNames.length === 0 || codeNames.length === 0) return null;
  const colors = codeColors(summary);
  const table = h('table', { class: 'data matrix', 'data-table': 'byCodeAndTheme' },
    h('caption', { class: 'visually-hidden' }, 'Findings by code and theme'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Code'), ...themeNames.map((theme) => h('th', { scope: 'col', class: 'num' }, theme)))),
    h('tbody', {}, ...codeNames.map((code) => h('tr', { 'data-key': code },
      h('th', { scope: 'row' }, swatch(colors.get(code)), h('span', { class: 'key' }, code)),
      ...themeNames.map((theme) => {
        const n = summary.byCodeAndTheme[code]?.[theme] ?? 0;
        return h('td', { class: n ? 'num' : 'num muted' }, n ? formatNumber(n) : '·');
      })))));
  const details = h('details', { class: 'card wide', id: 'matrix' },
    h('summary', {}, h('h2', { id: 'matrix-title' }, 'Codes by theme')),
    h('div', { class: 'scroll-x' }, table));
  return details;
}

export function tallies(summary: SummaryResult): HTMLElement[] {
  return TALLIES.map(({ field, title, key, column }) => {
    const record: Readonly<Record<string, Tally>> = summary[key];
    const rows = Object.entries(record).sort((a, b) => b[1].reports - a[1].reports || b[1].findings - a[1].findings || a[0].localeCompare(b[0]));
    const table = h('table', { class: 'data', 'data-tally': field },
      h('caption', { class: 'visually-hidden' }, title),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, column), h('th', { scope: 'col', class: 'num' }, 'Reports'), h('th', { scope: 'col', class: 'num' }, 'Findings'))),
      h('tbody', {}, ...rows.map(([value, tally]) => h('tr', { 'data-key': value },
        h('th', { scope: 'row' }, h('span', { class: value === '(none)' ? 'key muted' : 'key' }, value)),
        h('td', { class: 'num', 'data-col': 'reports' }, formatNumber(tally.reports)),
        h('td', { class: 'num', 'data-col': 'findings' }, formatNumber(tally.findings))))));
    return card(`tally-${field}`, title, rows.length ? table : empty('No reports.'));
  });
}

function empty(text: string): HTMLElement {
  return h('p', { class: 'muted empty' }, text);
}
