// The summary webview's `page` requests, asked of the server
// (`findings/findingsPage`) with the panel's scope. A request of another
// query (scope, filters, order) than the newest is superseded and cancelled,
// and so is the oldest beyond a few in flight (a fast scroll asks for pages
// it has already left). Every request gets one answer: its page, or
// `pageDropped`. The findings of each page sent become revealable.
import * as vscode from 'vscode';
import { FindingsPageRequest, type FindingsScope } from '../../protocol';
import type { FindingsServer } from '../languageClient';
import type { FindingsPageMessage, PageDroppedMessage, PageRequest } from './messages';
import type { RevealableFindings } from './revealableFindings';

/** More than the few pages a view needs at once. */
const MAX_IN_FLIGHT = 4;

interface InFlight {
  readonly cancel: vscode.CancellationTokenSource;
  readonly query: string;
}

export class FindingsPageForwarder implements vscode.Disposable {
  private readonly inFlight = new Map<number, InFlight>();

  constructor(
    private readonly server: FindingsServer,
    private readonly post: (message: FindingsPageMessage | PageDroppedMessage) => void,
    private readonly revealable: RevealableFindings,
  ) {}

  async forward(scope: FindingsScope | undefined, request: PageRequest): Promise<void> {
    const { requestId, filters, sort, offset, limit } = request;
    if (!scope) {
      this.post({ type: 'pageDropped', requestId, error: 'the panel shows no report' });
      return;
    }
    const query = JSON.stringify([scope, filters, sort]);
    for (const [id, pending] of this.inFlight) if (pending.query !== query || id === requestId) this.drop(id, null);
    for (const id of this.inFlight.keys()) {
      if (this.inFlight.size < MAX_IN_FLIGHT) break;
      this.drop(id, null);
    }
    const cancel = new vscode.CancellationTokenSource();
    const entry: InFlight = { cancel, query };
    this.inFlight.set(requestId, entry);
    try {
      const answer = await this.server.request(FindingsPageRequest, { scope, filters, sort, offset, limit }, cancel.token);
      if (this.inFlight.get(requestId) !== entry) return;
      this.inFlight.delete(requestId);
      this.revealable.add(answer.generation, answer.findings);
      this.post({ type: 'findingsPage', requestId, ...answer });
    } catch (error) {
      if (this.inFlight.get(requestId) !== entry) return;
      this.inFlight.delete(requestId);
      this.post({ type: 'pageDropped', requestId, error: error instanceof Error ? error.message : String(error) });
    } finally {
      cancel.dispose();
    }
  }

  dispose(): void {
    for (const pending of this.inFlight.values()) pending.cancel.cancel();
    this.inFlight.clear();
  }

  private drop(requestId: number, error: string | null): void {
    const pending = this.inFlight.get(requestId);
    if (!pending) return;
    this.inFlight.delete(requestId);
    pending.cancel.cancel();
    this.post({ type: 'pageDropped', requestId, error });
  }
}
