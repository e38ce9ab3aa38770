// Test builds only (FINDINGS_TEST_SEAMS): remembers what the code tints last
// applied to each report, for the extension's test API. The production
// bundle has none of this (test/client/productionBundles.test.ts).
import * as vscode from 'vscode';
import type { PassagesResult } from '../../protocol';
import type { DecorationPlan } from './decorationPlan';
import type { DecorationSettings } from './decorationSettings';

/** What was last applied to a report's editors. */
export interface AppliedDecorations {
  readonly uri: string;
  readonly version: number | null;
  readonly settings: DecorationSettings;
  readonly passages: PassagesResult;
  readonly plan: DecorationPlan<vscode.Range>;
  /** Milliseconds from the server's answer to the last `setDecorations` call. */
  readonly applyMs: number;
  readonly editors: number;
  /** Counts the applies, over all documents. */
  readonly sequence: number;
}

export class DecorationsProbe implements vscode.Disposable {
  private readonly appliedEmitter = new vscode.EventEmitter<AppliedDecorations>();
  private readonly applied = new Map<string, AppliedDecorations>();
  private sequence = 0;

  readonly onDidApply = this.appliedEmitter.event;

  recordApply(applied: Omit<AppliedDecorations, 'sequence'>): void {
    const record = { ...applied, sequence: ++this.sequence };
    this.applied.set(record.uri, record);
    this.appliedEmitter.fire(record);
  }

  forget(uri: string): void {
    this.applied.delete(uri);
  }

  lastApplied(uri: vscode.Uri): AppliedDecorations | undefined {
    return this.applied.get(uri.toString());
  }

  dispose(): void {
    this.appliedEmitter.dispose();
    this.applied.clear();
  }
}
