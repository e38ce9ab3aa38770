// Test builds only (FINDINGS_TEST_SEAMS): asks a webview what it displays,
// or to act on its DOM as a user would, and waits for its answer (matched by
// id). The production bundle has none of this (test/client/productionBundles.test.ts).
import type * as vscode from 'vscode';

const REPLY_TIMEOUT_MS = 15_000;

export class WebviewProbe<Message, Facts> {
  private nextId = 1;
  private readonly replies = new Map<number, (facts: Facts | null) => void>();

  /** `what` names the webview in errors ("the summary webview"). */
  constructor(private readonly webview: vscode.Webview, private readonly what: string) {}

  /** Posts a probe message built with a fresh id and resolves with the webview's answer to it. */
  ask(build: (id: number) => Message): Promise<Facts | null> {
    const id = this.nextId++;
    return new Promise<Facts | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.replies.delete(id);
        reject(new Error(`${this.what} did not answer within ${REPLY_TIMEOUT_MS} ms`));
      }, REPLY_TIMEOUT_MS);
      this.replies.set(id, (facts) => {
        clearTimeout(timer);
        resolve(facts);
      });
      this.webview.postMessage(build(id)).then((delivered) => {
        if (!delivered && this.replies.delete(id)) {
          clearTimeout(timer);
          reject(new Error(`${this.what} is not visible`));
        }
      }, (error: unknown) => {
        if (this.replies.delete(id)) {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
  }

  /** The webview's answer to a probe. */
  answer(id: number, facts: Facts | null): void {
    const reply = this.replies.get(id);
    this.replies.delete(id);
    reply?.(facts);
  }
}
