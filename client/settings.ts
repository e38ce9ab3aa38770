// The extension's view of the `findings` settings (read as the server reads
// them, protocol/settings.ts) and of which documents are reports.
import * as vscode from 'vscode';
import { CODEBOOK_FILE, LANGUAGE_ID, readSettings, SETTINGS_SECTION, type Settings } from '../protocol';

/** The `findings` settings for a scope (a folder, a document). */
export function settings(scope?: vscode.ConfigurationScope): Settings {
  const section = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return readSettings({ validate: section.get('validate'), maxProblems: section.get('maxProblems'), codebook: section.get('codebook') });
}

/** `findings.codebook.path`, relative to the workspace folder's root (ignored in untrusted workspaces). */
export function codebookPath(scope?: vscode.ConfigurationScope): string {
  if (!vscode.workspace.isTrusted) return CODEBOOK_FILE;
  return settings(scope).codebookPath ?? CODEBOOK_FILE;
}

export function isReport(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document !== undefined && document.languageId === LANGUAGE_ID;
}
