import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import type { FindingsScope } from '../protocol';
import { createDatasetFilter, ignoreFilesUnder, selectCopies, type Codebook, type CopiesPolicy } from '../core';
import { throwIfCancelled } from './guard';
import { string, variant } from './paramShapes';
import type { ReportWorkspace } from './reportWorkspace';
import type { Folder, ReportEntry } from './workspaceTypes';
import { baseName, isUnder, normalizeUri } from './uris';

/** The shape of a FindingsScope in a request's parameters. */
export const scopeShape = variant('kind', { document: { uri: string }, folder: { uri: string }, workspace: {} });

/** A report in a scope, with the path `findings export` gives it. */
export interface ScopedReport {
  readonly entry: ReportEntry;
  /** Relative to the workspace folder's root (where `findings` would run), `/`-separated. */
  readonly path: string;
}

export interface ResolvedScope {
  readonly reports: readonly ScopedReport[];
  /** The codebook of the scope's workspace folder (the first folder's for the whole workspace). */
  readonly codebook: Codebook;
}

/**
 * The reports a summary or an export covers, as `findings export` run at the
 * workspace folder's root sees them:
 * - a document: that report, `.findingsignore`d or not (a file named on the command line);
 * - a folder: the dataset of that folder scanned on its own (the ignore files inside it apply);
 * - the workspace: the dataset of each workspace folder.
 * A folder's dataset holds the reports that have a file on disk (open ones with their edits). With several folders, paths
 *   start with the folder's name so that they stay apart.
 */
export async function resolveScope(workspace: ReportWorkspace, scope: FindingsScope, token?: CancellationToken): Promise<ResolvedScope> {
  if (!scope || typeof scope !== 'object') throw invalid('`scope` must be an object');
  await workspace.ready;
  throwIfCancelled(token);
  switch (scope.kind) {
    case 'document':
      return documentScope(workspace, stringUri(scope.uri));
    case 'folder':
      return folderScope(workspace, stringUri(scope.uri).replace(/\/+$/, ''));
    case 'workspace':
      return workspaceScope(workspace);
    default:
      throw invalid(`unknown scope kind \`${String((scope as { kind?: unknown }).kind)}\``);
  }
}

function documentScope(workspace: ReportWorkspace, uri: string): ResolvedScope {
  const entry = workspace.report(uri);
  if (!entry) throw invalid(`${uri} is not a report the server knows`);
  return { reports: [{ entry, path: pathInFolder(workspace, entry.folder, entry.uri) }], codebook: entry.folder.codebook.codebook };
}

function folderScope(workspace: ReportWorkspace, uri: string): ResolvedScope {
  const folder = workspace.folderFor(uri);
  const sub = workspace.relativeToFolder(folder, uri);
  if (sub === undefined) throw invalid(`${uri} is not inside a workspace folder`);
  // `findings export <sub>` scans <sub> whole but for the ignore files inside it.
  const inDataset = sub === '' ? folder.inDataset : createDatasetFilter(ignoreFilesUnder(folder.ignoreFiles, sub));
  const prefix = sub === '' ? '' : `${sub}/`;
  const reports: ScopedReport[] = [];
  // A workspace folder inside the scope keeps its reports in its own index: `findings export <sub>` sees them too.
  const nested = workspace.workspaceFolders().filter((other) => other !== folder && isUnder(other.uri, uri));
  for (const entry of [folder, ...nested].flatMap((each) => workspace.reports(each))) {
    if (!isUnder(entry.uri, uri)) continue;
    const path = workspace.relativeToFolder(folder, entry.uri);
    if (path === undefined || !path.startsWith(prefix) || !inDataset(path.slice(prefix.length)) || !workspace.isOnDisk(entry)) continue;
    reports.push({ entry, path });
  }
  return { reports, codebook: folder.codebook.codebook };
}

function workspaceScope(workspace: ReportWorkspace): ResolvedScope {
  const folders = workspace.workspaceFolders();
  const reports: ScopedReport[] = [];
  for (const folder of folders) {
    for (const entry of workspace.reports(folder)) {
      const path = workspace.relativeToFolder(folder, entry.uri);
      if (path === undefined || !folder.inDataset(path) || !workspace.isOnDisk(entry)) continue;
      reports.push({ entry, path: folders.length > 1 ? `${folder.name}/${path}` : path });
    }
  }
  // Folders are kept innermost first; the first folder as the editor lists them is the outermost-or-first one.
  const codebook = (folders.length > 0 ? firstListed(folders) : workspace.allFolders()[0]).codebook.codebook;
  return { reports, codebook };
}

/**
 * The reports of a scope a summary or an export counts: of an article coded
 * by several annotators, one copy unless the policy is 'all' (see
 * core/agreement/countedCopies.ts). A document scope counts its report.
 */
export function countedReports(scope: ResolvedScope, policy: CopiesPolicy): readonly ScopedReport[] {
  if (policy === 'all' || scope.reports.length < 2) return scope.reports;
  const { leftOut } = selectCopies(scope.reports.map(({ entry, path }) => ({ ...entry.report.facts.copy, path })), policy);
  return leftOut.size === 0 ? scope.reports : scope.reports.filter((report) => !leftOut.has(report.path));
}

/** A report's path relative to its folder; the file name for a file outside every folder (as `findings` run beside it gives). */
function pathInFolder(workspace: ReportWorkspace, folder: Folder, uri: string): string {
  return workspace.relativeToFolder(folder, uri) || baseName(uri);
}

function firstListed(folders: readonly Folder[]): Folder {
  return folders.reduce((first, folder) => (folder.order < first.order ? folder : first));
}

function stringUri(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw invalid('`scope.uri` must be a URI');
  return normalizeUri(value);
}

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}
