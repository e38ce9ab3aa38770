// "Findings: Show Summary": the summary panel. From a report's editor title
// (which passes its URI) or the status bar it shows that report; with no
// report open, the workspace. Tests and keybindings may pass
// `{ scope: 'document' | 'workspace', uri?: string }`.
import * as vscode from 'vscode';
import { Commands } from '../../protocol';
import type { PanelScope } from '../summary/messages';
import type { ShowOptions, SummaryPanels } from '../summary/summaryPanel';

export function registerShowSummary(panels: SummaryPanels): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.showSummary, (args?: unknown): void => {
    panels.show(readArguments(args));
  });
}

function readArguments(value: unknown): ShowOptions {
  if (value instanceof vscode.Uri) return { scope: 'document', uri: value };
  if (typeof value !== 'object' || value === null) return {};
  const raw = value as Record<string, unknown>;
  const scope: PanelScope | undefined = raw.scope === 'document' || raw.scope === 'workspace' ? raw.scope : undefined;
  const uri = raw.uri instanceof vscode.Uri ? raw.uri : typeof raw.uri === 'string' ? vscode.Uri.parse(raw.uri) : undefined;
  return { scope: scope ?? (uri ? 'document' : undefined), uri };
}
