import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection, type RequestType } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';

let root: string | undefined;

/**
 * The repository root: the nearest folder above this file (the bundled
 * `out/test/lsp/x.test.js` or the source) whose package.json is named
 * `inspection-findings`.
 */
export function repoRoot(): string {
  if (root) return root;
  for (let dir = path.resolve(__dirname); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    try {
      if ((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'inspection-findings') return (root = dir);
    } catch {
      // No manifest here, or another package's: keep walking up.
    }
    if (path.dirname(dir) === dir) throw new Error(`no package.json named inspection-findings above ${__dirname}`);
  }
}

export const repoPath = (...parts: string[]): string => path.join(repoRoot(), ...parts);

export interface StartOptions {
  /** Workspace folders (absolute paths). */
  readonly folders: readonly string[];
  /** Advertise pull diagnostics (textDocument/diagnostic and workspace/diagnostic). */
  readonly pull?: boolean;
  /** initializationOptions.trusted; omitted when undefined. */
  readonly trusted?: boolean;
  /** The `findings` settings section answered to workspace/configuration. */
  readonly settings?: Record<string, unknown>;
  readonly snippets?: boolean;
  readonly documentChanges?: boolean;
  /** Whether the client answers workspace/configuration (default true). */
  readonly configuration?: boolean;
  readonly hierarchicalSymbols?: boolean;
  /** Advertise window.workDoneProgress: the server then reports the scan's progress. */
  readonly workDoneProgress?: boolean;
}

export const uriOf = (file: string): string => URI.file(file).toString();

/**
 * A minimal LSP client over stdio for the bundled server (`dist/server.js`):
 * the server runs as a child process and everything goes through JSON-RPC.
 */
export class LspClient {
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  /** The work-done progress the server created (`window/workDoneProgress/create`) and reported (`$/progress`), in order. */
  readonly progress: Array<{ readonly token: unknown; readonly value: { readonly kind: string; readonly title?: string; readonly message?: string; readonly percentage?: number } }> = [];
  readonly progressTokens: unknown[] = [];
  readonly logs: string[] = [];
  refreshes = 0;
  /** The capabilities the server registered (`client/registerCapability`), e.g. its file watchers. */
  readonly registrations: Array<{ id: string; method: string; registerOptions?: unknown }> = [];
  configurationRequests = 0;
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  private readonly waiters: Array<() => void> = [];
  private stderr = '';

  private constructor(readonly connection: MessageConnection, readonly child: ChildProcess, options: StartOptions) {
    this.settings = options.settings ?? {};
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      this.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      this.wake();
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      this.configurationRequests++;
      setImmediate(() => this.wake());
      return params.items.map(() => this.settings);
    });
    connection.onRequest('client/registerCapability', (params: { registrations: Array<{ id: string; method: string; registerOptions?: unknown }> }) => {
      this.registrations.push(...params.registrations);
      this.wake();
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', (params: { token: unknown }) => {
      this.progressTokens.push(params.token);
      return null;
    });
    connection.onNotification('$/progress', (params: LspClient['progress'][number]) => {
      this.progress.push(params);
      this.wake();
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.wake();
      return null;
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
  }

  static async start(options: StartOptions): Promise<LspClient> {
    const server = repoPath('dist', 'server.js');
    if (!fs.existsSync(server)) throw new Error('dist/server.js is missing: run `node esbuild.js` first');
    const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(connection, child, options);
    connection.listen();
    const capabilities: ClientCapabilities = {
      ...(options.workDoneProgress ? { window: { workDoneProgress: true } } : {}),
      workspace: {
        configuration: options.configuration ?? true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: options.documentChanges ?? true },
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        completion: { completionItem: { snippetSupport: options.snippets ?? true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: options.hierarchicalSymbols ?? true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } }, isPreferredSupport: true },
        rename: { prepareSupport: true },
        publishDiagnostics: { versionSupport: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
    };
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.folders[0] ? uriOf(options.folders[0]) : null,
      workspaceFolders: options.folders.map((folder) => ({ uri: uriOf(folder), name: path.basename(folder) })),
      capabilities,
      initializationOptions: options.trusted === undefined ? {} : { trusted: options.trusted },
    });
    await connection.sendNotification('initialized', {});
    // The server reads its settings right after `initialized`: wait for that, so that tests start with them.
    if (options.configuration ?? true) await client.until(() => (client.configurationRequests > 0 ? true : undefined), 'the server to read its settings');
    return client;
  }

  /** A request by method name, or by its typed protocol object (which then types the result). */
  request<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  request<R = unknown>(method: string | RequestType<any, any, void>, params: unknown): Promise<R>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  request(method: string | RequestType<any, any, void>, params: unknown): Promise<unknown> {
    return typeof method === 'string' ? this.connection.sendRequest(method, params) : this.connection.sendRequest(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'inspection-report', version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  save(uri: string): Promise<void> {
    return this.notify('textDocument/didSave', { textDocument: { uri } });
  }

  close(uri: string): Promise<void> {
    return this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Waits until a condition holds, re-checking on every message from the server. */
  async until<T>(check: () => T | undefined, what: string, timeout = 10_000): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}${this.stderr ? `\nserver stderr: ${this.stderr}` : ''}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The first published diagnostics for a URI (after `after` of them) that satisfy `accept`. */
  diagnosticsFor(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, after = 0): Promise<Diagnostic[]> {
    return this.until(() => (this.published.get(uri) ?? []).slice(after).find(accept)?.diagnostics, `diagnostics for ${uri}`);
  }

  publishedCount(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    try {
      if (this.alive) {
        await Promise.race([this.request('shutdown', null), new Promise((resolve) => setTimeout(resolve, 2000))]);
        await this.notify('exit', null);
      }
    } catch {
      // The server may already be gone.
    }
    await new Promise<void>((resolve) => {
      if (!this.alive) return resolve();
      const timer = setTimeout(() => {
        this.child.kill();
        resolve();
      }, 2000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}

/** A diagnostic in the shape of `findings check --format json` (without fixes). */
export function portable(diagnostic: Diagnostic) {
  const severity = diagnostic.severity === 1 ? 'error' : diagnostic.severity === 2 ? 'warning' : diagnostic.severity === 3 ? 'information' : 'hint';
  return { rule: diagnostic.code, severity, message: diagnostic.message, range: diagnostic.range };
}
