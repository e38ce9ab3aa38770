// The pure core: parsing, codebook, validation, index, exports and statistics.
// Front ends (CLI, language server) call only this module; nothing here may
// import vscode or the LSP packages.
export type { OffsetRange, LineCharacter, LineRange } from './text/range';
export { LineIndex } from './text/lineIndex';
export { codePointOffsets, codePointLength } from './text/codePoints';
export { lineEndingOf } from './text/lineEnding';

export type * from './document/types';
export { parseReport } from './document/parseReport';
export { fieldValueText, scalarFieldText } from './document/fieldValueText';

export type * from './codebook/types';
export type { AreaEntry, AreaKind } from './codebook/areas';
export { allAreas, lookUpArea, normaliseAreaName, type AreaMatch } from './codebook/areaLookup';
export { BUILTIN_CODEBOOK, BUILTIN_CODEBOOK_PATH } from './codebook/builtinCodebook';
export { buildCodebook, type CodebookResult } from './codebook/loadCodebook';
export { codebookSchema } from './codebook/codebookSchema';
export { defaultCodebook } from './codebook/defaultCodebook';
export { failedConditions, type FailedCondition } from './codebook/valueConditions';

export type { Diagnostic, Fix, Severity, TextEdit } from './validate/diagnostic';
export { RULES, RULE_IDS, type RuleId } from './validate/rules';
export { validateReport, hasErrors } from './validate/validateReport';

export { analyzeReport, type AnalyzedReport } from './workspace/analyzeReport';
export { ReportIndex, comparePaths, type IndexedReport } from './workspace/reportIndex';

export { documentRecord, frontMatterFields, CONTEXT_LENGTH, type DocumentRecord, type FindingRecord, type SourcePosition } from './export/findingRecords';
export { findingRows, fieldColumns, type FindingRow } from './export/exportRows';
export { serializeFindings, EXPORT_FORMATS, FORMAT_VERSION, type ExportFormat } from './export/serializers';

export { countDocument, countCorpus, type Counts, type DocumentCounts, type CorpusCounts } from './stats/counts';
export { toPortableDiagnostics, type PortableDiagnostic } from './validate/portableDiagnostic';
export { writeExport, type ExportableReport, type ExportSink, type ExportTotals } from './export/writeExport';
export { documentSerializer, type DocumentSerializer } from './export/serializers';
export { createReportFilter, IGNORE_FILE, type IgnoreFile } from './workspace/ignoreFiles';

// Language features: pure functions over a parsed report and the codebook, with offset ranges (used by the language server).
export type { LanguageSymbol, CorpusReport, CorpusLocation } from './language/types';
export { symbolAtOffset, spanWithAttributesAt, innermostSpanAt } from './language/symbolAtOffset';
export { splitAttributeValue, spanThemes, isThemeAttribute, attributeDefinition, type ValuePart } from './language/attributeValues';
export { completionsAt, type CompletionProposal, type CompletionKind, type CompletionOptions } from './language/completions';
export { attributeBlockContext, type AttributeBlockContext, type AttributeToken } from './language/attributeBlockContext';
export { frontMatterPosition, type FrontMatterPosition } from './language/frontMatterContext';
export { hoverAt, type HoverResult } from './language/hover';
export { definitionAt, type DefinitionTarget } from './language/definition';
export { referenceTargetAt, findReferences, occurrences, codeOccurrences, themeOccurrences, type ReferenceTarget } from './language/references';
export { highlightsAt } from './language/highlights';
export { prepareRename, renameEdits, CODEBOOK_NAME_PATTERN, type PrepareRenameResult, type RenameResult, type RenameInput, type WorkspaceCodebookState } from './language/rename';
export { documentSymbols, NO_CODE, type OutlineSymbol, type OutlineKind } from './language/documentSymbols';
export { workspaceSymbols, type CorpusSymbol } from './language/workspaceSymbols';
export { foldingRegions, type FoldingRegion } from './language/folding';
export { tagSelectionActions, type TagAction } from './language/tagSelection';
export { planTagging, closingMarkup, attributeValue, applyInsertions, taggableRange, tagRefusalMessage, type TagPlan, type TagInsertion, type TagValues, type TagRefusalReason, type ClosingMarkup } from './language/tagEdit';
export { fixAllEdits } from './language/fixAll';
export { codebookSummary, documentSummary } from './language/codebookSummary';
export { spanLabel, shorten } from './language/spanText';
export { slugify, uniqueName } from './language/slug';
export { createDatasetFilter, ignoreFilesUnder, isInWalkedFolder, isWalkedReport, REPORT_SUFFIX, SKIPPED_FOLDERS } from './workspace/datasetFilter';
export type { FileSystem, DirectoryEntry, EntryKind } from './workspace/fileSystem';
export { scanFolder, findDataset, MissingInputError, type FolderScan, type DatasetInput, type DatasetFile } from './workspace/discovery';
export { decodeUtf8, readUtf8File, NotUtf8Error } from './workspace/utf8Text';
export { CODEBOOK_FILE, codebookFileName, workspaceCodebook } from './workspace/codebookFile';
export { summarizeReport, combineReportSummaries, summarizeReports, type ReportSummaryPart } from './summary/summarizeReports';
export { NO_VALUE, type SummaryInput, type SummaryTally, type SummaryFindingData, type SummaryReportData, type SummaryTotals, type ReportsSummary } from './summary/types';
