// The Inspection Findings extension: starts the findings language server and
// adds what LSP does not cover: the built-in codebook and a report's clean
// text as read-only documents (the latter beside its source article, for
// "Show the difference"), the tagging commands, "Open Codebook", "Restart
// Language Server", the span counts in the status bar and the summary panel.
import * as vscode from 'vscode';
import { ACTIVE_CONTEXT_KEY, Commands } from '../protocol';
import { BuiltinCodebookProvider } from './builtinCodebookProvider';
import { CleanTextProvider } from './cleanTextProvider';
import { ComparePanels } from './compare/comparePanels';
import { CopiesStatusBar } from './copiesStatusBar';
import { registerAddMemo } from './commands/addMemo';
import { registerAdjudicate } from './commands/adjudicate';
import { registerExportFindings } from './commands/exportFindings';
import { registerNextDisagreement } from './commands/nextDisagreement';
import { registerOpenCodebook } from './commands/openCodebook';
import { registerRestartServer } from './commands/restartServer';
import { registerShowSummary } from './commands/showSummary';
import { registerTagCommands } from './commands/tagSelection';
import { FindingsServer } from './languageClient';
import { registerShowTextDifference } from './showTextDifference';
import { CodeDecorations } from './decorations/codeDecorations';
import { MemosView } from './memos/memosView';
import { ReaderPanels } from './reader/readerPanels';
import { CountsStatusBar } from './statusBar';
import { SummaryPanels } from './summary/summaryPanel';
import { registerSummarySerializer } from './summary/summarySerializer';
import { createTestApi, type FindingsApi } from './testing/testApi';

export type { FindingsApi } from './testing/testApi';

let server: FindingsServer | undefined;

export function activate(context: vscode.ExtensionContext): FindingsApi | undefined {
  const output = vscode.window.createOutputChannel('Inspection Findings', { log: true });
  const findings = new FindingsServer(context, output);
  server = findings;
  const statusBar = new CountsStatusBar(findings);
  const summaryPanels = new SummaryPanels(context, findings, output);
  const readerPanels = new ReaderPanels(context, findings, output);
  const codeDecorations = new CodeDecorations(findings, output);
  const memosView = new MemosView(findings, output);
  const comparePanels = new ComparePanels(context, findings, output);
  const copiesStatusBar = new CopiesStatusBar(findings);
  context.subscriptions.push(
    output,
    findings,
    statusBar,
    BuiltinCodebookProvider.register(findings),
    CleanTextProvider.register(findings),
    registerShowTextDifference(),
    registerTagCommands(findings),
    registerRestartServer(findings),
    registerOpenCodebook(),
    summaryPanels,
    registerShowSummary(summaryPanels),
    registerSummarySerializer(summaryPanels),
    registerExportFindings(findings, context.workspaceState),
    readerPanels,
    codeDecorations,
    memosView,
    registerAddMemo(findings),
    registerAdjudicate(findings),
    registerNextDisagreement(),
    comparePanels,
    copiesStatusBar,
    vscode.commands.registerCommand(Commands.showOutput, () => output.show(true)),
  );
  void vscode.commands.executeCommand('setContext', ACTIVE_CONTEXT_KEY, true);
  // Failures are reported by the language client (output channel, notification).
  findings.start().catch(() => undefined);
  // The extension offers no API: the tests' one exists only in test builds.
  return FINDINGS_TEST_SEAMS ? createTestApi({ context, server: findings, statusBar, summaryPanels, readerPanels, codeDecorations, memosView, comparePanels, copiesStatusBar }) : undefined;
}

export async function deactivate(): Promise<void> {
  const running = server;
  server = undefined;
  await running?.stop();
}
