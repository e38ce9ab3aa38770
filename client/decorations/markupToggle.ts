// The "Markup" toggle: the command `findings.toggleMarkup`, a status bar item
// shown for reports, and the context key that says the markup is dimmed.
// The setting `findings.editor.markup` is the one state: the command writes
// it, and everything else (the decorations too) follows its change.
import * as vscode from 'vscode';
import { Commands, MARKUP_DIMMED_CONTEXT_KEY, SETTINGS_SECTION } from '../../protocol';
import { isReport } from '../settings';
import { MARKUP_KEY, markupSettingTarget, otherMarkupMode, type MarkupMode } from './decorationSettings';
import { affectsDecorationSettings, currentDecorationSettings } from './editorSettings';

/** What the item shows, for the extension's test API. */
export interface MarkupToggleState {
  readonly mode: MarkupMode;
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
}

const LOOKS: Record<MarkupMode, { readonly text: string; readonly tooltip: string; readonly label: string }> = {
  show: {
    text: '$(eye) Markup',
    tooltip: 'Span markup is shown as it is. Click to dim the markup, so that the article reads first.',
    label: 'Span markup shown. Dim the markup.',
  },
  dim: {
    text: '$(eye-closed) Markup dimmed',
    tooltip: 'Span markup ([ and ]{…}) is dimmed, so that the article reads first. Click to show it as it is.',
    label: 'Span markup dimmed. Show the markup.',
  },
};

export class MarkupToggle implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('findings.markup', vscode.StatusBarAlignment.Right, 99);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private mode: MarkupMode = currentDecorationSettings().markup;
  /** The mode the context key was last set to. */
  private contextMode: MarkupMode | undefined;

  constructor() {
    this.item.name = 'Inspection Findings: span markup';
    this.item.command = { command: Commands.toggleMarkup, title: 'Show or dim the span markup' };
    this.disposables.push(
      vscode.commands.registerCommand(Commands.toggleMarkup, () => this.toggle()),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidOpenTextDocument((document) => {
        // A language change re-opens the document with its new language.
        if (document === vscode.window.activeTextEditor?.document) this.render();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!affectsDecorationSettings(event)) return;
        this.mode = currentDecorationSettings().markup;
        this.render();
      }),
    );
    this.render();
  }

  get state(): MarkupToggleState {
    const look = LOOKS[this.mode];
    return { mode: this.mode, visible: isReport(vscode.window.activeTextEditor?.document), text: look.text, tooltip: look.tooltip };
  }

  /** Switches the setting between show and dim; resolves with the new mode once it is written. */
  async toggle(): Promise<MarkupMode> {
    const section = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const next = otherMarkupMode(currentDecorationSettings().markup);
    const target = markupSettingTarget(section.inspect(MARKUP_KEY)) === 'workspace' ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await section.update(MARKUP_KEY, next, target);
    return next;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private render(): void {
    const look = LOOKS[this.mode];
    this.item.text = look.text;
    this.item.tooltip = look.tooltip;
    this.item.accessibilityInformation = { label: look.label, role: 'button' };
    if (this.contextMode !== this.mode) {
      this.contextMode = this.mode;
      void vscode.commands.executeCommand('setContext', MARKUP_DIMMED_CONTEXT_KEY, this.mode === 'dim');
    }
    if (isReport(vscode.window.activeTextEditor?.document)) this.item.show();
    else this.item.hide();
  }
}
