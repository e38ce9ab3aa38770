// The extension's settings (`contributes.configuration` in package.json) and
// the identifiers both sides of the extension agree on.
import * as vscode from 'vscode';

/** The configuration section; the language client synchronizes it with the server. */
export const SECTION = 'findings';
/** The language id of annotated reports (`*.report.md`). */
export const LANGUAGE_ID = 'inspection-report';
/** Files the server watches on disk. */
export const REPORT_GLOB = '**/*.report.md';
export const CODEBOOK_GLOB = '**/codebook.yaml';
export const DEFAULT_CODEBOOK_PATH = 'codebook.yaml';

/** `findings.codebook.path`, relative to the workspace folder's root (ignored in untrusted workspaces). */
export function codebookPath(scope?: vscode.ConfigurationScope): string {
  if (!vscode.workspace.isTrusted) return DEFAULT_CODEBOOK_PATH;
  const value = vscode.workspace.getConfiguration(SECTION, scope).get<string>('codebook.path', DEFAULT_CODEBOOK_PATH);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_CODEBOOK_PATH;
}

/** `findings.validate.debounceMs`, the delay after typing before the server validates. */
export function debounceMs(scope?: vscode.ConfigurationScope): number {
  const value = vscode.workspace.getConfiguration(SECTION, scope).get<number>('validate.debounceMs', 300);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(value, 60_000) : 300;
}

export function isReport(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document !== undefined && document.languageId === LANGUAGE_ID;
}
