// Asks the server for a report's passages (`findings/passages`), at most one
// request per document at a time: a new schedule cancels the pending one (its
// answer would be of an older text), and an answer for an older version than
// the document's is dropped (the change that made it older asks again).
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import { PassagesRequest, type PassagesResult } from '../../protocol';
import type { FindingsServer } from '../languageClient';

/** Receives an answer for the document's current text; `receivedAt` is performance.now() on arrival. */
export type PassagesHandler = (document: vscode.TextDocument, result: PassagesResult | null, receivedAt: number) => void;

interface Pending {
  timer: NodeJS.Timeout | undefined;
  request: vscode.CancellationTokenSource | undefined;
}

export class PassageRequests implements vscode.Disposable {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly server: FindingsServer,
    private readonly output: vscode.LogOutputChannel,
    private readonly handle: PassagesHandler,
  ) {}

  /** Asks after `delayMs`, replacing a scheduled or running request for the document. */
  schedule(document: vscode.TextDocument, delayMs: number): void {
    const uri = document.uri.toString();
    let pending = this.pending.get(uri);
    if (!pending) {
      pending = { timer: undefined, request: undefined };
      this.pending.set(uri, pending);
    }
    this.cancel(pending);
    const entry = pending;
    entry.timer = setTimeout(() => void this.send(document, entry), delayMs);
  }

  /** Stops what is scheduled or running for a document (closed). */
  forget(uri: string): void {
    const pending = this.pending.get(uri);
    if (pending) this.cancel(pending);
    this.pending.delete(uri);
  }

  dispose(): void {
    for (const pending of this.pending.values()) this.cancel(pending);
    this.pending.clear();
  }

  private cancel(pending: Pending): void {
    clearTimeout(pending.timer);
    pending.timer = undefined;
    pending.request?.cancel();
    pending.request = undefined;
  }

  private async send(document: vscode.TextDocument, pending: Pending): Promise<void> {
    pending.timer = undefined;
    // Never (re)start a server from here; the server's start asks again (codeDecorations.ts).
    if (!this.server.isRunning || document.isClosed) return;
    const request = new vscode.CancellationTokenSource();
    pending.request = request;
    try {
      const result = await this.server.request(PassagesRequest, { uri: document.uri.toString() }, request.token);
      const receivedAt = performance.now();
      if (request.token.isCancellationRequested || document.isClosed) return;
      if (result && result.version !== null && result.version < document.version) return;
      this.handle(document, result, receivedAt);
    } catch (error) {
      // A cancelled request, or a server that stopped: its restart asks again.
      if (!request.token.isCancellationRequested) this.output.debug(`findings/passages for ${document.uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (pending.request === request) pending.request = undefined;
      request.dispose();
    }
  }
}
