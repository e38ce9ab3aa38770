// The core as the front ends (the CLI, the language server, the client) use
// it: nothing here imports vscode or the LSP packages. Tests and tools that
// need an inner function import its module directly.

// Text, names and shapes.
export type { OffsetRange } from './text/range';
export { LineIndex } from './text/lineIndex';
export { REPORT_SUFFIX, CODEBOOK_FILE, IGNORE_FILE } from './fileNames';
export type * from './document/types';
export type * from './codebook/types';

// The codebook.
export { BUILTIN_CODEBOOK, BUILTIN_CODEBOOK_PATH } from './codebook/builtinCodebook';
export { defaultCodebook } from './codebook/defaultCodebook';
export { codebookFileName, workspaceCodebook } from './workspace/codebookFile';

// Checking reports.
export type { Diagnostic, Fix, Severity, TextEdit } from './validate/diagnostic';
export { compareDiagnostics } from './validate/diagnostic';
export { RULES, RULE_IDS } from './validate/rules';
export { hasErrors } from './validate/validateReport';
export { toPortableDiagnostics, type PortableDiagnostic } from './validate/portableDiagnostic';
export { analyzeReport, compareWithSource, type AnalyzedReport } from './workspace/analyzeReport';
export { sourceFileToCompare } from './validate/fingerprintRules';

// Which files form the dataset, and reading them.
export { ReportIndex, comparePaths, type IndexedReport, type SourceReader } from './workspace/reportIndex';
export { scanFolder, findDataset, MissingInputError, type DatasetFile } from './workspace/discovery';
export { createDatasetFilter, ignoreFilesUnder, isInWalkedFolder } from './workspace/datasetFilter';
export type { IgnoreFile } from './workspace/ignoreFiles';
export { decodeUtf8, readUtf8File, NotUtf8Error } from './workspace/utf8Text';
export { UnreadableInputError } from './workspace/discovery';
export { NotRegularFileError } from './workspace/fileKinds';
export { blockingNodeFileSystem, nodeFileSystem, readRegularFileSync } from './workspace/nodeFileSystem';

// Exports, statistics and the summary.
export { EXPORT_FORMATS, isExportFormat, type ExportFormat } from './export/exportFormats';
export { writeExport, type ExportableReport, type ExportTotals } from './export/writeExport';
export { TemporaryFile, writeAtomically } from './export/temporaryFile';
export { Utf8Batches } from './export/utf8Batches';
export { isOneOfTheInputs } from './export/exportTarget';
export { countDocument, countCorpus, type CorpusCounts } from './stats/counts';
export { summarizeReport, combineReportSummaries, summaryReportData, type ReportSummaryPart } from './summary/summarizeReports';
export { ScopeSummary, type FindingsPage, type FindingsPageQuery } from './summary/scopeSummary';
export { ArticleCopies } from './summary/articleCopies';

// Language features: pure functions over a parsed report and the codebook, with offset ranges.
export type { CorpusReport } from './language/types';
export { completionsAt, type CompletionProposal, type CompletionKind } from './language/completions';
export type { FrontMatterOf } from './language/workspaceFieldValues';
export { hoverAt } from './language/hover';
export { definitionAt } from './language/definition';
export { referenceTargetAt, occurrences } from './language/references';
export { highlightsAt } from './language/highlights';
export { prepareRename, renameEdits, type WorkspaceCodebookState } from './language/rename';
export { documentSymbols, type OutlineSymbol, type OutlineKind } from './language/documentSymbols';
export { matchingSymbols, reportSymbols, workspaceSymbols, type CorpusSymbol } from './language/workspaceSymbols';
export { foldingRegions } from './language/folding';
export { tagSelectionActions } from './language/tagSelection';
export { planTagging, tagRefusalMessage } from './language/tagEdit';
export { fixAllEdits } from './language/fixAll';
export { codebookSummary, documentSummary } from './language/codebookSummary';
export { readerModel, readerPassages, REPORT_MEMO_FIELD } from './reader/readerModel';
export { MEMO_ATTRIBUTE } from './reader/readerTypes';
export type * from './reader/readerTypes';
export { sourceRangeOfCleanSelection } from './reader/cleanSelection';
export { sourceMismatches, type SourceMismatch } from './agreement/sourceMismatches';
export { sourcedTextOf, type SourcedText } from './agreement/annotations';
export { sourceMismatchDiagnostic } from './validate/sourceMismatchRule';
export { articleFingerprint } from './document/articleFingerprint';

// Memos: on a passage (its `memo` attribute) and on a report (front-matter `memo`).
export { memoEdits } from './memos/memoEdit';
export { passageAt, passageMemo, type PassageMemo } from './memos/passageMemo';
export { memosOfReport, type MemoOfReport } from './memos/reportMemos';
export { copyFactsOf, copyFactsOfHead, selectCopies, COPIES_POLICIES, REVIEWED_STATUS, type CopiesPolicy, type CopyFacts, type CopySelection } from './agreement/countedCopies';
export { exportAgreement, type ArticleAgreement, type LabelAgreement } from './agreement/exportAgreement';
