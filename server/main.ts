// The findings language server: a thin translation layer between LSP and the
// pure core. Works over stdio (`--stdio`), IPC (`--node-ipc`) or a socket.
import path from 'node:path';
import {
  createConnection,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  type DidChangeConfigurationParams,
  type DidChangeWatchedFilesParams,
  type InitializeError,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_SECTION, type Settings } from '../protocol';
import type { ClientFeatures, ServerContext } from './context';
import { CorpusMismatches } from './corpusMismatches';
import { createDiagnostics, type DiagnosticsDelivery } from './diagnostics';
import { registerAdjudication } from './features/adjudication';
import { registerAgreement } from './features/agreement';
import { registerCleanText } from './features/cleanText';
import { CODE_ACTION_KINDS, registerCodeActions } from './features/codeActions';
import { registerCodebook } from './features/codebook';
import { registerCompare } from './features/compare';
import { COMPLETION_TRIGGERS, registerCompletion } from './features/completion';
import { registerExport } from './features/export';
import { registerHover } from './features/hover';
import { registerMemos } from './features/memos';
import { registerNavigation } from './features/navigation';
import { registerReader } from './features/reader';
import { registerRename } from './features/rename';
import { registerSummary } from './features/summary';
import { registerSymbols } from './features/symbols';
import { registerTagging } from './features/tagging';
import { FileWatchers } from './fileWatchers';
import { guardNotification, logFailure, type VersionOf } from './guard';
import { IndexChanges } from './indexChanges';
import { OpenDocuments } from './openDocuments';
import { array, checkShape, object, optional, string, uinteger } from './paramShapes';
import { ReportWorkspace } from './reportWorkspace';
import { workDoneScanProgress } from './scanProgress';
import { fsPathOf } from './uris';

declare const FINDINGS_VERSION: string;
const VERSION = typeof FINDINGS_VERSION === 'string' ? FINDINGS_VERSION : '0.0.0-dev';

const connection = createConnection(ProposedFeatures.all);
const documents = new OpenDocuments();

let settings: Settings = DEFAULT_SETTINGS;
let workspace: ReportWorkspace | undefined;
let diagnostics: DiagnosticsDelivery | undefined;
let indexChanges: IndexChanges | undefined;
let watchers: FileWatchers | undefined;
let configurationSupport = false;
let dynamicConfiguration = false;
let workspaceFolderEvents = false;
/** The workspace folders named by `initialize`, set up at `initialized`. */
let startingFolders: WorkspaceFolder[] = [];

process.on('uncaughtException', (error) => logFailure(connection, 'findings server', error));
process.on('unhandledRejection', (error) => logFailure(connection, 'findings server', error));

const workspaceFolder = object({ uri: string, name: string });
/** What `initialize` reads: the capabilities, and where the workspace is. */
const initializeShape = { capabilities: object({}), workspaceFolders: optional(array(workspaceFolder)), rootUri: optional(string), rootPath: optional(string) };

connection.onInitialize((params: InitializeParams): InitializeResult | ResponseError<InitializeError> => {
  const problem = checkShape(params, initializeShape);
  if (problem !== undefined) return new ResponseError<InitializeError>(ErrorCodes.InvalidParams, `initialize: invalid params: ${problem}`, { retry: false });
  const capabilities = params.capabilities;
  const options = (params.initializationOptions ?? {}) as { trusted?: unknown; settings?: unknown };
  const trusted = options.trusted !== false;
  if (options.settings !== undefined) settings = readSettings(options.settings);
  configurationSupport = capabilities.workspace?.configuration === true;
  dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true) watchers = new FileWatchers(connection);
  workspaceFolderEvents = capabilities.workspace?.workspaceFolders === true;
  const pull = capabilities.textDocument?.diagnostic !== undefined;
  const client: ClientFeatures = {
    snippets: capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
    markdown: takesMarkdown(capabilities.textDocument?.hover?.contentFormat ?? capabilities.textDocument?.completion?.completionItem?.documentationFormat),
    documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
    hierarchicalSymbols: capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
  };

  const ws = new ReportWorkspace(documents, { trusted, log: (message) => connection.console.info(message), debounceMs: () => settings.validate.debounceMs, scanProgress: workDoneScanProgress(connection) });
  workspace = ws;
  // The folders (and their codebooks, which may take seconds to read) are set once the client has its answer.
  startingFolders = initialFolders(params);
  diagnostics = createDiagnostics(connection, ws, {
    pull,
    refreshSupport: capabilities.workspace?.diagnostics?.refreshSupport === true,
    settings: () => settings,
    corpus: new CorpusMismatches(ws),
  });
  const context: ServerContext = { connection, workspace: ws, client, settings: () => settings };
  const versionOf: VersionOf = (requestParams) => {
    const uri = (requestParams as { textDocument?: { uri?: unknown } } | null | undefined)?.textDocument?.uri;
    return typeof uri === 'string' ? ws.openDocument(uri)?.version : undefined;
  };
  registerCompletion(context, versionOf);
  registerHover(context, versionOf);
  registerSymbols(context, versionOf);
  registerNavigation(context, versionOf);
  registerRename(context, versionOf);
  registerCodeActions(context, versionOf);
  registerCodebook(context);
  registerCleanText(context);
  indexChanges = new IndexChanges(connection, ws);
  registerSummary(context, indexChanges);
  registerTagging(context);
  registerReader(context);
  registerMemos(context);
  registerAgreement(context);
  registerAdjudication(context);
  registerCompare(context);
  registerExport(context);
  connection.console.info(`findings language server ${VERSION}: ${pull ? 'pull' : 'push'} diagnostics, ${trusted ? 'trusted' : 'untrusted'} workspace.`);

  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
      hoverProvider: true,
      documentSymbolProvider: { label: 'Findings' },
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      documentHighlightProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
      ...(pull ? { diagnosticProvider: { identifier: 'findings', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'findings', version: VERSION },
  };
});

connection.onInitialized(guardNotification(connection, 'initialized', {}, async () => {
  workspace?.setFolders(startingFolders);
  if (dynamicConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  if (workspaceFolderEvents) {
    // The library hands over the notification's `event`.
    const shape = { added: array(workspaceFolder), removed: array(workspaceFolder) };
    connection.workspace.onDidChangeWorkspaceFolders(guardNotification(connection, 'workspace/didChangeWorkspaceFolders', shape, (event: WorkspaceFoldersChangeEvent) => {
      for (const removed of event.removed) workspace?.removeFolder(removed.uri);
      for (const added of event.added) workspace?.addFolder(added);
      diagnostics?.refresh();
      return loadSettings(undefined);
    }));
  }
  await loadSettings(undefined);
  await diagnostics?.start();
}));

// The settings are read leniently (readSettings keeps the defaults for anything malformed).
connection.onDidChangeConfiguration(guardNotification(connection, 'workspace/didChangeConfiguration', {}, async (change: DidChangeConfigurationParams) => {
  await loadSettings(change.settings);
  diagnostics?.settingsChanged();
}));

connection.onDidChangeWatchedFiles(guardNotification(connection, 'workspace/didChangeWatchedFiles', { changes: array(object({ uri: string, type: uinteger })) }, async (params: DidChangeWatchedFilesParams) => {
  await workspace?.filesChanged(params.changes);
}));

documents.listen(connection, {
  opened(document: TextDocument) {
    workspace?.documentOpened(document);
    if (workspace?.isReport(document)) diagnostics?.opened(document.uri, document.version);
  },
  changed(document: TextDocument) {
    workspace?.documentChanged(document);
    if (workspace?.isReport(document)) diagnostics?.changed(document.uri);
  },
  saved(document: TextDocument) {
    if (workspace?.isReport(document)) diagnostics?.saved(document.uri, document.version);
  },
  async closed(document: TextDocument) {
    diagnostics?.closed(document.uri);
    await workspace?.documentClosed(document);
  },
});

/**
 * The settings from `workspace/configuration` (with `findings.codebook.path`
 * per folder), or from the notification when the client cannot be asked.
 */
async function loadSettings(pushed: unknown): Promise<void> {
  try {
    const folders = (workspace?.allFolders() ?? []).filter((folder) => folder.fsPath !== undefined);
    if (configurationSupport) {
      setSettings(readSettings(await connection.workspace.getConfiguration(SETTINGS_SECTION)));
      const scoped: unknown[] = folders.length > 0 ? await connection.workspace.getConfiguration(folders.map((folder) => ({ scopeUri: folder.uri, section: SETTINGS_SECTION }))) : [];
      folders.forEach((folder, index) => workspace?.setCodebookPath(folder, readSettings(scoped[index]).codebookPath));
    } else if (pushed !== undefined && pushed !== null) {
      setSettings(readSettings((pushed as Record<string, unknown>)[SETTINGS_SECTION] ?? pushed));
      for (const folder of folders) workspace?.setCodebookPath(folder, settings.codebookPath);
    }
    if (workspace) await watchers?.watch(workspace.codebookNames());
  } catch (error) {
    logFailure(connection, 'Reading the settings', error);
  }
}

/** New settings in force; which copies of an article count changes every summary and page (not the index): a new generation before any answer under them. */
function setSettings(next: Settings): void {
  const copiesChanged = next.datasetCopies !== settings.datasetCopies;
  settings = next;
  if (copiesChanged) indexChanges?.answersChanged();
}

/** Markdown unless the client lists the formats it takes without it. */
function takesMarkdown(formats: unknown): boolean {
  return !Array.isArray(formats) || formats.includes('markdown');
}

function initialFolders(params: InitializeParams): WorkspaceFolder[] {
  if (params.workspaceFolders) return params.workspaceFolders;
  const root = params.rootUri ?? (params.rootPath ? `file://${params.rootPath}` : null);
  if (!root) return [];
  return [{ uri: root, name: path.basename(fsPathOf(root) ?? root) }];
}

connection.listen();
