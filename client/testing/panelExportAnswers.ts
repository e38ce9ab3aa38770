// Test builds only (FINDINGS_TEST_SEAMS): answers to the questions of the
// summary panel's "Export findings…" given in advance (a test cannot pick
// from a QuickPick or a save dialog), and what came of that export.
import type { ExportFindingsOptions, ExportFindingsResult } from '../commands/exportFindings';
import type { ExportExtent, ShownFindings } from '../summary/exportExtent';

export interface PanelExportAnswers {
  /** The answer to "which findings?" (undefined: dismissed). */
  readonly extent: ExportExtent | undefined;
  /** Format, target and the errors answer, as the export command takes them. */
  readonly options: Pick<ExportFindingsOptions, 'format' | 'target' | 'allowErrors'>;
}

export interface PanelExportOutcome {
  /** The counts the question named; null when it was not asked (no filter set). */
  readonly asked: ShownFindings | null;
  /** The filters sent with the export (undefined: all findings). */
  readonly filters: ExportFindingsOptions['filters'];
  /** The command's result; undefined when the question was dismissed. */
  readonly result: ExportFindingsResult | undefined;
}

interface Pending {
  readonly answers: PanelExportAnswers;
  settle(outcome: PanelExportOutcome): void;
}

let pending: Pending | undefined;

/** Answers the next export from the panel; resolves with its outcome. */
export function answerNextPanelExport(answers: PanelExportAnswers): Promise<PanelExportOutcome> {
  return new Promise((resolve) => {
    pending = { answers, settle: resolve };
  });
}

/** The panel's side: the answers for this export, if a test gave any (taken once). */
export function takePanelExportAnswers(): Pending | undefined {
  const taken = pending;
  pending = undefined;
  return taken;
}
