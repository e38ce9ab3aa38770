// The questions "Export findings" asks: what, in which format, where; and the
// modals when reports in scope have unsaved changes or errors.
import * as vscode from 'vscode';
import type { ExportCheckResult, FindingsExportFormat } from '../../protocol/export';
import type { FindingsScope } from '../../protocol/scope';
import { isReport } from '../settings';

/** The answers to the errors warning. */
export const SHOW_PROBLEMS = 'Show Problems';
export const EXPORT_ANYWAY = 'Export anyway';
export type ErrorsChoice = typeof SHOW_PROBLEMS | typeof EXPORT_ANYWAY;

/** The answers to the unsaved-changes question (closing the modal cancels). */
export const SAVE_ALL_AND_EXPORT = 'Save all and export';
export const EXPORT_SAVED_FILES = 'Export the saved files';
export type UnsavedChoice = typeof SAVE_ALL_AND_EXPORT | typeof EXPORT_SAVED_FILES;

/** The modals the export asks; tests answer them in their place (client/testing/testApi.ts). */
export interface ExportPrompts {
  aboutUnsaved(unsaved: readonly vscode.Uri[]): Thenable<UnsavedChoice | undefined> | UnsavedChoice | undefined;
  aboutErrors(check: ExportCheckResult): Thenable<ErrorsChoice | undefined> | ErrorsChoice | undefined;
}

/** The memento key of the folder of the last export. */
const LAST_FOLDER = 'findings.export.lastFolder';

const FORMATS: ReadonlyArray<{ format: FindingsExportFormat; label: string; detail: string }> = [
  { format: 'jsonl', label: 'JSONL', detail: 'One finding per line, with its report\'s fields (JSON Lines)' },
  { format: 'csv', label: 'CSV', detail: 'One finding per row, a column per field: for spreadsheets and R or pandas' },
  { format: 'json', label: 'JSON', detail: 'One document: the codebook, then each report with its fields and findings' },
];

/** Asks what to export: the current report (when the active editor is one), the whole workspace, or a folder. */
export async function askScope(): Promise<FindingsScope | undefined> {
  type Item = vscode.QuickPickItem & { scope?: FindingsScope; chooseFolder?: boolean };
  const items: Item[] = [];
  const active = vscode.window.activeTextEditor?.document;
  if (isReport(active)) items.push({ label: '$(file) Current report', description: vscode.workspace.asRelativePath(active.uri), scope: { kind: 'document', uri: active.uri.toString() } });
  if (vscode.workspace.workspaceFolders?.length) {
    items.push({ label: '$(root-folder) Whole workspace', description: 'every report, less those a .findingsignore lists', scope: { kind: 'workspace' } });
  }
  items.push({ label: '$(folder-opened) Choose folder…', description: 'a folder of the workspace', chooseFolder: true });
  const picked = await vscode.window.showQuickPick(items, { title: 'Export Findings', placeHolder: 'What to export' });
  if (!picked) return undefined;
  return picked.chooseFolder ? askFolder() : picked.scope;
}

async function askFolder(): Promise<FindingsScope | undefined> {
  const chosen = await vscode.window.showOpenDialog({
    title: 'Export the findings of a folder',
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: 'Export This Folder',
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  const folder = chosen?.[0];
  if (!folder) return undefined;
  // Paths in the export are relative to the workspace folder, as `findings export` run at its root gives them.
  if (!vscode.workspace.getWorkspaceFolder(folder)) {
    void vscode.window.showErrorMessage(`Export findings: ${folder.fsPath || folder.toString()} is not in the workspace. Choose a folder of the workspace.`);
    return undefined;
  }
  return { kind: 'folder', uri: folder.toString() };
}

export async function askFormat(): Promise<FindingsExportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    FORMATS.map((item) => ({ label: item.label, detail: item.detail, format: item.format })),
    { title: 'Export Findings', placeHolder: 'Format' },
  );
  return picked?.format;
}

/** Asks where to save, starting in the folder of the last export (else the workspace folder), and remembers the folder. */
export async function askTarget(memento: vscode.Memento, format: FindingsExportFormat): Promise<vscode.Uri | undefined> {
  const remembered = memento.get<string>(LAST_FOLDER);
  const folder = remembered ? vscode.Uri.parse(remembered) : vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `findings.${format}`;
  const label = FORMATS.find((item) => item.format === format)?.label ?? format.toUpperCase();
  const target = await vscode.window.showSaveDialog({
    title: 'Export Findings',
    saveLabel: 'Export',
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: { [label]: [format] },
  });
  if (target) await memento.update(LAST_FOLDER, vscode.Uri.joinPath(target, '..').toString());
  return target;
}

/** The warning before exporting reports with errors. */
export function errorsMessage(check: ExportCheckResult): string {
  const reports = check.reportsWithErrors === check.reports ? `All ${plural(check.reports, 'report')}` : `${check.reportsWithErrors} of ${plural(check.reports, 'report')}`;
  const verb = check.reportsWithErrors === 1 && check.reports === 1 ? 'has' : 'have';
  return `${reports} in scope ${verb} errors (${plural(check.errors, 'error')} in all). Export anyway?`;
}

/** A modal: "Show Problems" or "Export anyway" (closing it answers neither). */
export async function askAboutErrors(check: ExportCheckResult): Promise<ErrorsChoice | undefined> {
  const choice = await vscode.window.showWarningMessage(
    errorsMessage(check),
    { modal: true, detail: 'Reports with errors may have findings that are missing, mis-coded or cut short. `findings export` refuses them unless given --allow-errors.' },
    SHOW_PROBLEMS,
    EXPORT_ANYWAY,
  );
  return choice === SHOW_PROBLEMS || choice === EXPORT_ANYWAY ? choice : undefined;
}

/** The question before exporting while reports in scope have unsaved changes. */
export function unsavedMessage(unsaved: readonly vscode.Uri[]): string {
  const names = unsaved.map((uri) => vscode.workspace.asRelativePath(uri));
  const listed = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  return `${unsaved.length === 1 ? 'A file' : `${unsaved.length} files`} in scope ${unsaved.length === 1 ? 'has' : 'have'} unsaved changes (${listed}). Save them before exporting?`;
}

/**
 * A modal: "Save all and export" or "Export the saved files" (closing it
 * cancels). Either way the export is read from the files on disk, so that it
 * is what `findings export` writes from them.
 */
export async function askAboutUnsaved(unsaved: readonly vscode.Uri[]): Promise<UnsavedChoice | undefined> {
  const choice = await vscode.window.showWarningMessage(
    unsavedMessage(unsaved),
    { modal: true, detail: 'The export is read from the files on disk, as `findings export` reads them: "Export the saved files" leaves the unsaved changes out of it.' },
    SAVE_ALL_AND_EXPORT,
    EXPORT_SAVED_FILES,
  );
  return choice === SAVE_ALL_AND_EXPORT || choice === EXPORT_SAVED_FILES ? choice : undefined;
}

/** The modals as the user sees them. */
export const MODAL_PROMPTS: ExportPrompts = { aboutUnsaved: askAboutUnsaved, aboutErrors: askAboutErrors };

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
