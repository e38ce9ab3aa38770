// Test builds only (FINDINGS_TEST_SEAMS): asks the summary webview what it
// displays, or to act on its DOM as a user would, and waits for its answer.
// The production bundle has none of this (test/client/productionBundles.test.ts).
import type * as vscode from 'vscode';
import type { RenderedFacts, ToWebview } from '../summary/messages';

const REPLY_TIMEOUT_MS = 15_000;

export class PanelProbe {
  private nextId = 1;
  private readonly replies = new Map<number, (facts: RenderedFacts | null) => void>();

  constructor(private readonly webview: vscode.Webview) {}

  /** What the webview displays, read from its DOM. */
  async inspect(): Promise<RenderedFacts> {
    const facts = await this.ask((id) => ({ type: 'inspect', id }));
    if (!facts) throw new Error('the webview sent no facts');
    return facts;
  }

  /** Posts a probe message and resolves with the webview's `inspected` answer. */
  ask(build: (id: number) => ToWebview): Promise<RenderedFacts | null> {
    const id = this.nextId++;
    return new Promise<RenderedFacts | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.replies.delete(id);
        reject(new Error(`the summary webview did not answer within ${REPLY_TIMEOUT_MS} ms`));
      }, REPLY_TIMEOUT_MS);
      this.replies.set(id, (facts) => {
        clearTimeout(timer);
        resolve(facts);
      });
      void this.webview.postMessage(build(id)).then((delivered) => {
        if (!delivered && this.replies.delete(id)) {
          clearTimeout(timer);
          reject(new Error('the summary webview is not visible'));
        }
      });
    });
  }

  /** The webview's answer to a probe. */
  answer(id: number, facts: RenderedFacts | null): void {
    const reply = this.replies.get(id);
    this.replies.delete(id);
    reply?.(facts);
  }
}
