// Test builds only (FINDINGS_TEST_SEAMS): the summary webview's probe. The
// production bundle has none of this (test/client/productionBundles.test.ts).
import type * as vscode from 'vscode';
import type { RenderedFacts, ToWebview } from '../summary/messages';
import { WebviewProbe } from './webviewProbe';

export class PanelProbe extends WebviewProbe<ToWebview, RenderedFacts> {
  constructor(webview: vscode.Webview) {
    super(webview, 'the summary webview');
  }

  /** What the webview displays, read from its DOM. */
  async inspect(): Promise<RenderedFacts> {
    const facts = await this.ask((id) => ({ type: 'inspect', id }));
    if (!facts) throw new Error('the webview sent no facts');
    return facts;
  }
}
