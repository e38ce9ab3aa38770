// "Findings: Export Findings…": the dataset of a report, a folder or the
// workspace, written by the server (byte for byte `findings export`,
// atomically) where the user chooses: the dataset never passes through here.
// The export is always read from the files on disk: when reports in scope
// have unsaved changes the user saves them first or exports the files as
// they are, so the file written is what `findings export` writes from them.
import * as vscode from 'vscode';
import type { RequestType } from 'vscode-languageclient/node';
import {
  ExportCheckRequest,
  ExportRequest,
  type ExportCheckResult,
  type ExportResult,
  type FindingsExportFormat,
} from '../../protocol/export';
import { EXPORT_FORMATS, isExportFormat } from '../../core/export/exportFormats';
import type { FindingFilters } from '../../core/summary/findingsQuery';
import { Commands } from '../../protocol/names';
import type { FindingsScope } from '../../protocol/scope';
import { askFormat, askScope, askTarget, EXPORT_ANYWAY, MODAL_PROMPTS, plural, SAVE_ALL_AND_EXPORT, SHOW_PROBLEMS, type ErrorsChoice, type ExportPrompts, type UnsavedChoice } from '../export/exportPrompts';
import { moveIntoPlace } from '../export/moveIntoPlace';
import type { FindingsServer } from '../languageClient';

export const EXPORT_FINDINGS_COMMAND = Commands.exportFindings;

/** Answers given in advance (by the summary panel, the explorer or tests); whatever is missing is asked. */
export interface ExportFindingsOptions {
  readonly scope?: FindingsScope;
  readonly format?: FindingsExportFormat;
  /** Where to write: a URI, or a file path. */
  readonly target?: vscode.Uri | string;
  /** true: export reports with errors without asking; false: refuse them; missing: ask (a modal). */
  readonly allowErrors?: boolean;
  /** Cancels the export, as the progress notification's Cancel does. */
  readonly token?: vscode.CancellationToken;
  /** The summary panel's filters: only the findings its list shows for them are exported. */
  readonly filters?: FindingFilters;
}

export type ExportFindingsResult =
  /** The file is written; `unsaved`: how the question about unsaved changes was answered, when it was asked. */
  | { readonly outcome: 'written'; readonly uri: vscode.Uri; readonly documents: number; readonly findings: number; readonly check: ExportCheckResult; readonly unsaved?: UnsavedChoice }
  /** Reports in scope have errors and the user did not choose "Export anyway" ("Show Problems" opens the Problems view). */
  | { readonly outcome: 'refused'; readonly check: ExportCheckResult; readonly choice: ErrorsChoice | undefined }
  /** A question was dismissed or the export cancelled: nothing is written. */
  | { readonly outcome: 'cancelled'; readonly check?: ExportCheckResult };

export function registerExportFindings(server: FindingsServer, memento: vscode.Memento): vscode.Disposable {
  return vscode.commands.registerCommand(EXPORT_FINDINGS_COMMAND, async (argument?: unknown): Promise<ExportFindingsResult> => {
    try {
      return await exportFindings(server, memento, await optionsFrom(argument));
    } catch (error) {
      void vscode.window.showErrorMessage(`Export findings failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  });
}

/** The explorer passes the clicked folder or report; the panel and the tests pass options. */
async function optionsFrom(argument: unknown): Promise<ExportFindingsOptions> {
  if (argument instanceof vscode.Uri) {
    const stat = await vscode.workspace.fs.stat(argument);
    return { scope: { kind: stat.type & vscode.FileType.Directory ? 'folder' : 'document', uri: argument.toString() } };
  }
  return argument !== null && typeof argument === 'object' ? (argument as ExportFindingsOptions) : {};
}

/**
 * The whole flow: scope, unsaved changes, errors check, format, target, then
 * the export under a cancellable progress notification. `prompts` asks the
 * modals (the tests answer them in its place).
 */
export async function exportFindings(server: FindingsServer, memento: vscode.Memento, options: ExportFindingsOptions = {}, prompts: ExportPrompts = MODAL_PROMPTS): Promise<ExportFindingsResult> {
  if (options.format !== undefined && !isExportFormat(options.format)) throw new Error(`unknown format ${String(options.format)}: use ${EXPORT_FORMATS.join(', ')}`);
  const scope = options.scope ?? (await askScope());
  if (!scope || options.token?.isCancellationRequested) return { outcome: 'cancelled' };

  // Before asking where to save: no point choosing a file for an export the user then abandons.
  let check = await requestUnlessCancelled(server, ExportCheckRequest, { scope, fromDisk: true }, options.token);
  if (!check) return { outcome: 'cancelled' };
  const unsaved = unsavedDocuments(check);
  let unsavedChoice: UnsavedChoice | undefined;
  if (unsaved.length > 0) {
    unsavedChoice = await prompts.aboutUnsaved(unsaved.map((document) => document.uri));
    if (unsavedChoice === undefined) return { outcome: 'cancelled', check };
    if (unsavedChoice === SAVE_ALL_AND_EXPORT) {
      if (!(await saveAll(unsaved))) return { outcome: 'cancelled', check };
      // The files changed: their errors are counted again.
      check = await requestUnlessCancelled(server, ExportCheckRequest, { scope, fromDisk: true }, options.token);
      if (!check) return { outcome: 'cancelled' };
    }
  }
  if (check.reportsWithErrors > 0 && options.allowErrors !== true) {
    const choice = options.allowErrors === false ? undefined : await prompts.aboutErrors(check);
    if (choice === SHOW_PROBLEMS) await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (choice !== EXPORT_ANYWAY) return { outcome: 'refused', check, choice };
  }

  const format = options.format ?? (await askFormat());
  if (!format || options.token?.isCancellationRequested) return { outcome: 'cancelled', check };
  const target = options.target !== undefined ? toUri(options.target) : await askTarget(memento, format);
  if (!target || options.token?.isCancellationRequested) return { outcome: 'cancelled', check };

  const exported = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Exporting findings', cancellable: true },
    async (progress, progressToken) => {
      const cancellation = linkedCancellation(progressToken, options.token);
      try {
        progress.report({ message: `${plural(check.reports, 'report')} to ${baseName(target)}…` });
        // The server writes the file (cancelling the request stops it and deletes its temporary file).
        const result = await requestUnlessCancelled(server, ExportRequest, { scope, format, target: target.toString(), fromDisk: true, ...(options.filters ? { filters: options.filters } : {}) }, cancellation.token);
        if (!result) return undefined;
        // A target the server cannot write (not a file on disk): it left the export in a file of its own.
        if (result.staged !== undefined) await moveIntoPlace(vscode.Uri.parse(result.staged), target);
        return result;
      } finally {
        cancellation.dispose();
      }
    },
  );
  if (!exported) return { outcome: 'cancelled', check };
  void announce(target, exported);
  const written = { outcome: 'written' as const, uri: target, documents: exported.documents, findings: exported.findings, check };
  return unsavedChoice === undefined ? written : { ...written, unsaved: unsavedChoice };
}

/**
 * The open documents the server found different from their files that the
 * editor holds unsaved changes for (a text that differs only as the editor
 * normalised it on opening, such as mixed line endings, is no change of the user's).
 */
function unsavedDocuments(check: ExportCheckResult): vscode.TextDocument[] {
  const differing = new Set(check.unsaved ?? []);
  return vscode.workspace.textDocuments.filter((document) => document.isDirty && differing.has(document.uri.toString()));
}

/** Saves the documents; false (and says which) when one could not be saved. */
async function saveAll(documents: readonly vscode.TextDocument[]): Promise<boolean> {
  for (const document of documents) {
    if (!(await document.save())) {
      void vscode.window.showErrorMessage(`Export findings: ${vscode.workspace.asRelativePath(document.uri)} could not be saved, so nothing was exported.`);
      return false;
    }
  }
  return true;
}

/** A request's answer, or undefined once the token is cancelled (the client then rejects with "Request got cancelled"). */
async function requestUnlessCancelled<P, R>(server: FindingsServer, type: RequestType<P, R, void>, params: P, token: vscode.CancellationToken | undefined): Promise<R | undefined> {
  if (token?.isCancellationRequested) return undefined;
  try {
    return await server.request(type, params, token);
  } catch (error) {
    if (token?.isCancellationRequested) return undefined;
    throw error;
  }
}

/** "Exported N findings from M reports to NAME", with "Open" and "Reveal in Explorer". */
async function announce(target: vscode.Uri, result: ExportResult): Promise<void> {
  const open = 'Open';
  const reveal = 'Reveal in Explorer';
  const choice = await vscode.window.showInformationMessage(`Exported ${plural(result.findings, 'finding')} from ${plural(result.documents, 'report')} to ${baseName(target)}`, open, reveal);
  if (choice === open) await vscode.commands.executeCommand('vscode.open', target);
  // A file of the workspace is shown in the Explorer view; any other in the system's file manager.
  else if (choice === reveal) await vscode.commands.executeCommand(vscode.workspace.getWorkspaceFolder(target) ? 'revealInExplorer' : 'revealFileInOS', target);
}

/** A token cancelled by either of two. */
function linkedCancellation(first: vscode.CancellationToken, second: vscode.CancellationToken | undefined): { readonly token: vscode.CancellationToken; dispose(): void } {
  const source = new vscode.CancellationTokenSource();
  const subscriptions = [first, second].filter((token): token is vscode.CancellationToken => token !== undefined).map((token) => {
    if (token.isCancellationRequested) source.cancel();
    return token.onCancellationRequested(() => source.cancel());
  });
  return {
    token: source.token,
    dispose: () => {
      for (const subscription of subscriptions) subscription.dispose();
      source.dispose();
    },
  };
}

function toUri(target: vscode.Uri | string): vscode.Uri {
  if (target instanceof vscode.Uri) return target;
  // A URI string (`file:///…`) or a path; a Windows drive letter is not a scheme.
  return /^[a-z][a-z0-9+.-]+:/i.test(target) && !/^[a-z]:[\\/]/i.test(target) ? vscode.Uri.parse(target) : vscode.Uri.file(target);
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
