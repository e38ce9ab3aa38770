// Reads the `findings.editor.*` settings from VS Code (the rules are in decorationSettings.ts).
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../protocol';
import { CODE_TINT_KEY, MARKUP_KEY, readDecorationSettings, type DecorationSettings } from './decorationSettings';

export function currentDecorationSettings(): DecorationSettings {
  const section = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return readDecorationSettings((key) => section.get(key));
}

export function affectsDecorationSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SETTINGS_SECTION}.${CODE_TINT_KEY}`) || event.affectsConfiguration(`${SETTINGS_SECTION}.${MARKUP_KEY}`);
}
