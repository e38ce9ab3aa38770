// Names every front end spells the same way: the language id, the files the
// server reads, the settings section and the command ids of package.json
// (test/client/names.test.ts checks package.json against these).
// Plain constants only: the webview bundle may import this file.

/** The language id of annotated reports. */
export const LANGUAGE_ID = 'inspection-report';
import { CODEBOOK_FILE, IGNORE_FILE, REPORT_SUFFIX } from '../core/fileNames';

// The file names are the core's (a module without imports, safe for every bundle).
export { CODEBOOK_FILE, IGNORE_FILE, REPORT_SUFFIX };
export const REPORT_GLOB = `**/*${REPORT_SUFFIX}`;
/** The settings section (`findings.*`) and the language client's id (which reads `findings.trace.server`). */
export const SETTINGS_SECTION = 'findings';
/** The URI scheme under which the client shows the built-in codebook, read-only. */
export const BUILTIN_CODEBOOK_SCHEME = 'findings-codebook';
/** The URI scheme of a report's clean text, shown read-only beside its source article. */
export const CLEAN_TEXT_SCHEME = 'findings-clean-text';
/** The summary panel's webview type (package.json: `onWebviewPanel:findings.summary`). */
export const SUMMARY_VIEW_TYPE = 'findings.summary';

/** The coded reader's webview type (package.json: `onWebviewPanel:findings.reader`). */
export const READER_VIEW_TYPE = 'findings.reader';
/** The comparison of an article's copies (package.json: `onWebviewPanel:findings.compare`). */
export const COMPARE_VIEW_TYPE = 'findings.compare';
/** The Memos view in the explorer. */
export const MEMOS_VIEW_ID = 'findings.memos';
/** Context key: true once the extension runs (shows the Memos view). */
export const ACTIVE_CONTEXT_KEY = 'findings.active';
/** Context key: true while the editor dims span markup. */
export const MARKUP_DIMMED_CONTEXT_KEY = 'findings.markupDimmed';
/** Context key: true while the Memos view is filtered (shows "Clear Memo Filter"). */
export const MEMO_FILTER_CONTEXT_KEY = 'findings.memoFilterSet';

/** The commands of package.json `contributes.commands`. */
export const Commands = {
  tagSelection: 'findings.tagSelection',
  tagAsStrength: 'findings.tagAsStrength',
  tagAsWeakness: 'findings.tagAsWeakness',
  tagAsWsoa: 'findings.tagAsWsoa',
  tagAsQuote: 'findings.tagAsQuote',
  openCodebook: 'findings.openCodebook',
  showSummary: 'findings.showSummary',
  exportFindings: 'findings.exportFindings',
  restartServer: 'findings.restartServer',
  showOutput: 'findings.showOutput',
  showTextDifference: 'findings.showTextDifference',
  openReader: 'findings.openReader',
  saveReaderHtml: 'findings.saveReaderHtml',
  toggleMarkup: 'findings.toggleMarkup',
  addMemo: 'findings.addMemo',
  refreshMemos: 'findings.refreshMemos',
  filterMemos: 'findings.filterMemos',
  clearMemoFilter: 'findings.clearMemoFilter',
  openMemo: 'findings.openMemo',
  showArticleCopies: 'findings.showArticleCopies',
  compareAnnotations: 'findings.compareAnnotations',
  adjudicate: 'findings.adjudicate',
  nextDisagreement: 'findings.nextDisagreement',
} as const;
export type CommandId = (typeof Commands)[keyof typeof Commands];
