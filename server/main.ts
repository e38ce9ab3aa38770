// The findings language server: a thin translation layer between LSP and the
// pure core. Works over stdio (`--stdio`), IPC (`--node-ipc`) or a socket.
import path from 'node:path';
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Disposable,
  type DidChangeConfigurationParams,
  type DidChangeWatchedFilesParams,
  type TextDocumentChangeEvent,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientFeatures, ServerContext } from './context';
import { DiagnosticsController } from './diagnostics';
import { CODE_ACTION_KINDS, registerCodeActions } from './features/codeActions';
import { COMPLETION_TRIGGERS, registerCompletion } from './features/completion';
import { registerCustomRequests } from './features/customRequests';
import { registerDefinition } from './features/definition';
import { registerDocumentSymbols } from './features/documentSymbols';
import { registerExport } from './features/export';
import { registerFolding } from './features/folding';
import { registerHighlights } from './features/highlights';
import { registerHover } from './features/hover';
import { registerReferences } from './features/references';
import { registerRename } from './features/rename';
import { registerSummary } from './features/summary';
import { registerWorkspaceSymbols } from './features/workspaceSymbols';
import { guardNotification, logFailure, type VersionOf } from './guard';
import { IndexChanges } from './indexChanges';
import { ReportWorkspace } from './reportWorkspace';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { fsPathOf } from './uris';

declare const FINDINGS_VERSION: string;
const VERSION = typeof FINDINGS_VERSION === 'string' ? FINDINGS_VERSION : '0.0.0-dev';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let settings: Settings = DEFAULT_SETTINGS;
let workspace: ReportWorkspace | undefined;
let diagnostics: DiagnosticsController | undefined;
let configurationSupport = false;
let dynamicConfiguration = false;
let dynamicWatchers = false;
let workspaceFolderEvents = false;

process.on('uncaughtException', (error) => logFailure(connection, 'findings server', error));
process.on('unhandledRejection', (error) => logFailure(connection, 'findings server', error));

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const capabilities = params.capabilities;
  const options = (params.initializationOptions ?? {}) as { trusted?: unknown; settings?: unknown };
  const trusted = options.trusted !== false;
  if (options.settings !== undefined) settings = readSettings(options.settings);
  configurationSupport = capabilities.workspace?.configuration === true;
  dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  dynamicWatchers = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  workspaceFolderEvents = capabilities.workspace?.workspaceFolders === true;
  const pull = capabilities.textDocument?.diagnostic !== undefined;
  const client: ClientFeatures = {
    snippets: capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
    markdown: (capabilities.textDocument?.hover?.contentFormat ?? capabilities.textDocument?.completion?.completionItem?.documentationFormat ?? ['markdown']).includes('markdown'),
    documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
    hierarchicalSymbols: capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
  };

  const ws = new ReportWorkspace(documents, { trusted, log: (message) => connection.console.info(message), debounceMs: () => settings.validate.debounceMs });
  workspace = ws;
  ws.setFolders(initialFolders(params));
  diagnostics = new DiagnosticsController(connection, ws, {
    pull,
    refreshSupport: capabilities.workspace?.diagnostics?.refreshSupport === true,
    settings: () => settings,
  });
  const context: ServerContext = { connection, workspace: ws, client, settings: () => settings };
  const versionOf: VersionOf = (requestParams) => {
    const uri = (requestParams as { textDocument?: { uri?: unknown } } | null | undefined)?.textDocument?.uri;
    return typeof uri === 'string' ? ws.openDocument(uri)?.version : undefined;
  };
  registerCompletion(context, versionOf);
  registerHover(context, versionOf);
  registerDocumentSymbols(context, versionOf);
  registerWorkspaceSymbols(context);
  registerFolding(context, versionOf);
  registerHighlights(context, versionOf);
  registerDefinition(context, versionOf);
  registerReferences(context);
  registerRename(context, versionOf);
  registerCodeActions(context, versionOf);
  registerCustomRequests(context);
  registerSummary(context, new IndexChanges(connection, ws));
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
      ...(pull ? { diagnosticProvider: { identifier: 'findings', interFileDependencies: false, workspaceDiagnostics: true } } : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'findings', version: VERSION },
  };
});

connection.onInitialized(guardNotification(connection, 'initialized', async () => {
  if (dynamicConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'findings' });
  if (workspaceFolderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders(guardNotification(connection, 'workspace/didChangeWorkspaceFolders', (event: WorkspaceFoldersChangeEvent) => {
      for (const removed of event.removed) workspace?.removeFolder(removed.uri);
      for (const added of event.added) workspace?.addFolder(added);
      diagnostics?.refresh();
      return loadSettings(undefined);
    }));
  }
  await loadSettings(undefined);
  diagnostics?.publishCodebooks();
  await diagnostics?.publishWorkspace();
}));

connection.onDidChangeConfiguration(guardNotification(connection, 'workspace/didChangeConfiguration', async (change: DidChangeConfigurationParams) => {
  await loadSettings(change.settings);
  diagnostics?.settingsChanged();
}));

connection.onDidChangeWatchedFiles(guardNotification(connection, 'workspace/didChangeWatchedFiles', async (params: DidChangeWatchedFilesParams) => {
  await workspace?.filesChanged(params.changes);
}));

documents.onDidOpen(guardNotification(connection, 'textDocument/didOpen', (event: TextDocumentChangeEvent<TextDocument>) => {
  workspace?.documentOpened(event.document);
  if (workspace?.isReport(event.document)) diagnostics?.opened(event.document.uri, event.document.version);
}));

documents.onDidChangeContent(guardNotification(connection, 'textDocument/didChange', (event: TextDocumentChangeEvent<TextDocument>) => {
  workspace?.documentChanged(event.document);
  if (workspace?.isReport(event.document)) diagnostics?.changed(event.document.uri);
}));

documents.onDidSave(guardNotification(connection, 'textDocument/didSave', (event: TextDocumentChangeEvent<TextDocument>) => {
  if (workspace?.isReport(event.document)) diagnostics?.saved(event.document.uri, event.document.version);
}));

documents.onDidClose(guardNotification(connection, 'textDocument/didClose', async (event: TextDocumentChangeEvent<TextDocument>) => {
  diagnostics?.closed(event.document.uri);
  await workspace?.documentClosed(event.document);
}));

/**
 * The settings from `workspace/configuration` (with `findings.codebook.path`
 * per folder), or from the notification when the client cannot be asked.
 */
async function loadSettings(pushed: unknown): Promise<void> {
  try {
    const folders = (workspace?.allFolders() ?? []).filter((folder) => folder.fsPath !== undefined);
    if (configurationSupport) {
      settings = readSettings(await connection.workspace.getConfiguration('findings'));
      const scoped: unknown[] = folders.length > 0 ? await connection.workspace.getConfiguration(folders.map((folder) => ({ scopeUri: folder.uri, section: 'findings' }))) : [];
      folders.forEach((folder, index) => workspace?.setCodebookPath(folder, readSettings(scoped[index]).codebookPath));
    } else if (pushed !== undefined && pushed !== null) {
      settings = readSettings((pushed as { findings?: unknown }).findings ?? pushed);
      for (const folder of folders) workspace?.setCodebookPath(folder, settings.codebookPath);
    }
    await watchFiles();
  } catch (error) {
    logFailure(connection, 'Reading the settings', error);
  }
}

let watching: { key: string; registration: Promise<Disposable> } | undefined;

/** Asks the client to watch the reports, ignore files and codebooks (whatever `findings.codebook.path` names them). */
async function watchFiles(): Promise<void> {
  if (!dynamicWatchers || !workspace) return;
  const globs = ['**/*.report.md', '**/.findingsignore', ...workspace.codebookNames().map((name) => `**/${name}`)];
  const key = globs.join('|');
  if (watching?.key === key) return;
  const previous = watching;
  watching = { key, registration: connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) }) };
  if (previous) (await previous.registration).dispose();
  await watching.registration;
}

function initialFolders(params: InitializeParams): WorkspaceFolder[] {
  if (params.workspaceFolders) return params.workspaceFolders;
  const root = params.rootUri ?? (params.rootPath ? `file://${params.rootPath}` : null);
  if (!root) return [];
  return [{ uri: root, name: path.basename(fsPathOf(root) ?? root) }];
}

documents.listen(connection);
connection.listen();
