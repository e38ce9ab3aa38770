// The findings language server (dist/server.js), run over IPC through
// vscode-languageclient, and the one place the rest of the client sends its
// requests through.
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type NotificationType,
  type RequestType,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CODEBOOK_FILE, LANGUAGE_ID, SETTINGS_SECTION } from '../protocol';

const CLIENT_ID = SETTINGS_SECTION; // the library reads `findings.trace.server` from this id
const CLIENT_NAME = 'Inspection Findings';
const SERVER_MODULE = ['dist', 'server.js'];
/** The port the server's inspector listens on when the extension host runs under a debugger. */
const DEBUG_PORT = 6009;

/**
 * Owns the LanguageClient: starts it, restarts it (on command, or when the
 * workspace becomes trusted, since the server reads trust only at
 * initialization), and forwards requests once it runs. Start, stop and
 * restart are queued so they never overlap.
 */
export class FindingsServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private running: Promise<LanguageClient> | undefined;
  private readonly startedEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.startedEmitter];
  /** Subscribers to server notifications, by method; every client created gets one dispatcher per method. */
  private readonly notificationHandlers = new Map<string, Set<(params: unknown) => void>>();

  /** Fires each time the server has started (again). */
  readonly onDidStart = this.startedEmitter.event;

  constructor(private readonly context: vscode.ExtensionContext, private readonly output: vscode.LogOutputChannel) {
    this.disposables.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.output.info('The workspace is now trusted: restarting the language server to use the workspace codebook.');
        void this.restart();
      }),
    );
  }

  /** Starts the server unless it runs (or is starting); resolves when it has initialized. */
  start(): Promise<LanguageClient> {
    if (!this.running || !this.client || this.client.state === State.Stopped) this.running = this.enqueue(() => this.doStart());
    return this.running;
  }

  /** Stops the server if it runs and starts a fresh one. */
  restart(): Promise<LanguageClient> {
    this.running = this.enqueue(async () => {
      await this.doStop();
      return this.doStart();
    });
    return this.running;
  }

  /** The running client, starting it if needed (after a failed start or a crash it gave up on). */
  ready(): Promise<LanguageClient> {
    return this.start();
  }

  get isRunning(): boolean {
    return this.client?.state === State.Running;
  }

  /** Sends a request of protocol/ once the server runs. */
  async request<P, R>(type: RequestType<P, R, void>, params: P, token?: vscode.CancellationToken): Promise<R> {
    const client = await this.ready();
    // The library's RequestParam<P> cannot be checked for a generic P; the signature above is what callers see.
    return client.sendRequest(type, params as never, token);
  }

  /**
   * Calls `handler` for each notification `method` from the server, also
   * after restarts (the library keeps one handler per method and client, so
   * this fans out to every subscriber).
   */
  onNotification<P>(type: NotificationType<P>, handler: (params: P) => void): vscode.Disposable {
    const method = type.method;
    let handlers = this.notificationHandlers.get(method);
    if (!handlers) {
      handlers = new Set();
      this.notificationHandlers.set(method, handlers);
      this.client?.onNotification(method, (params: unknown) => this.dispatch(method, params));
    }
    const subscriber = handler as (params: unknown) => void;
    handlers.add(subscriber);
    return new vscode.Disposable(() => handlers.delete(subscriber));
  }

  async stop(): Promise<void> {
    this.running = undefined;
    await this.enqueue(() => this.doStop());
  }

  dispose(): void {
    void this.stop();
    for (const disposable of this.disposables) disposable.dispose();
  }

  private dispatch(method: string, params: unknown): void {
    for (const handler of [...(this.notificationHandlers.get(method) ?? [])]) {
      try {
        handler(params);
      } catch (error) {
        this.output.error(`Handling ${method}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async doStart(): Promise<LanguageClient> {
    const client = this.client ?? this.createClient();
    this.client = client;
    try {
      await client.start();
    } catch (error) {
      // The library has reported it (output channel and a notification). A
      // client whose start failed keeps failing: the next request makes a new one.
      this.output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
      if (this.client === client) this.client = undefined;
      await client.dispose(2000).catch(() => undefined);
      throw error;
    }
    return client;
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.client = undefined;
    try {
      if (client.state !== State.Stopped) await client.stop(5000);
    } catch (error) {
      this.output.warn(`Stopping the language server: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      await client.dispose(2000);
    } catch {
      /* already stopped */
    }
  }

  private createClient(): LanguageClient {
    const module = this.context.asAbsolutePath(SERVER_MODULE.join('/'));
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: {
        module,
        transport: TransportKind.ipc,
        options: { execArgv: ['--nolazy', `--inspect=${DEBUG_PORT}`] },
      },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: LANGUAGE_ID },
        { scheme: 'untitled', language: LANGUAGE_ID },
        // Open codebooks are sent too: the server re-reads them as they are edited and reports their problems.
        { scheme: 'file', pattern: `**/${CODEBOOK_FILE}` },
      ],
      // Files on disk are watched by the server (dynamic registration), which follows `findings.codebook.path`.
      synchronize: { configurationSection: SETTINGS_SECTION },
      // A function, so that a restart after trust is granted sends the new value.
      initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
      outputChannel: this.output,
      traceOutputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // Pull diagnostics when the server offers them: on change (the server debounces)
      // and on save (for `findings.validate.run: onSave`).
      diagnosticPullOptions: { onChange: true, onSave: true },
      markdown: { isTrusted: false, supportHtml: false },
    };
    const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    for (const method of this.notificationHandlers.keys()) client.onNotification(method, (params: unknown) => this.dispatch(method, params));
    client.onDidChangeState((event) => {
      // Also after the library restarts a crashed server.
      if (event.newState === State.Running && this.client === client) this.startedEmitter.fire();
    });
    return client;
  }
}
