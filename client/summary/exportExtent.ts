// "Export findings…" from the summary panel while its list is filtered:
// export just the findings the filters show, or all of them.
import * as vscode from 'vscode';
import { NO_AREA, type FindingFilters } from '../../core/summary/findingsQuery';
import { plural } from '../export/exportPrompts';

export type ExportExtent = 'filtered' | 'all';

/** How many findings the panel's list shows under its filters, of how many. */
export interface ShownFindings {
  readonly shown: number;
  readonly total: number;
}

/** The QuickPick's items: the filtered findings first, the way the question is put. */
export function extentItems(counts: ShownFindings, filters: FindingFilters): Array<vscode.QuickPickItem & { extent: ExportExtent }> {
  return [
    { extent: 'filtered', label: `$(filter) Export the ${plural(counts.shown, 'finding')} the filters show`, description: describeFilters(filters) },
    { extent: 'all', label: `$(list-flat) Export all ${plural(counts.total, 'finding')}`, description: 'every finding in the panel\'s scope' },
  ];
}

/** Asks which findings to export; undefined when dismissed. */
export async function askExportExtent(counts: ShownFindings, filters: FindingFilters): Promise<ExportExtent | undefined> {
  const picked = await vscode.window.showQuickPick(extentItems(counts, filters), { title: 'Export Findings', placeHolder: 'The list is filtered: which findings?' });
  return picked?.extent;
}

/** The filters set, in words: `code weakness · area (no area) · text "waits"`. */
export function describeFilters(filters: FindingFilters): string {
  const parts: string[] = [];
  if (filters.code !== '') parts.push(`code ${filters.code}`);
  if (filters.theme !== '') parts.push(`theme ${filters.theme}`);
  if (filters.area !== '') parts.push(`area ${filters.area === NO_AREA ? '(no area)' : filters.area}`);
  if (filters.text.trim() !== '') parts.push(`text "${filters.text.trim()}"`);
  return parts.join(' · ');
}
