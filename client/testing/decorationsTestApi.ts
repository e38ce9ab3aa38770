// Test builds only (FINDINGS_TEST_SEAMS): the editor's code tints and dimmed
// markup as last applied, for the VS Code suite.
import * as vscode from 'vscode';
import { PassagesRequest, type PassagesResult } from '../../protocol';
import type { CodeDecorations } from '../decorations/codeDecorations';
import type { AppliedDecorations, DecorationsProbe } from '../decorations/decorationsProbe';
import type { MarkupMode } from '../decorations/decorationSettings';
import type { MarkupToggleState } from '../decorations/markupToggle';
import type { FindingsServer } from '../languageClient';

export interface LspRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/** What a report's editors show, as plain data. */
export interface DecorationsState {
  readonly uri: string;
  /** The document version of the server's answer. */
  readonly version: number | null;
  readonly codeTint: number;
  readonly markup: MarkupMode;
  /** The tinted ranges (tagged text) per code colour; empty when tints are off. */
  readonly tintsByColor: Readonly<Record<string, readonly LspRange[]>>;
  /** How many passages of each code are tinted; empty when tints are off. */
  readonly tintsPerCode: Readonly<Record<string, number>>;
  /** Overview ruler marks per code colour (with the tint, or alone when tints are off). */
  readonly rulerMarksByColor: Readonly<Record<string, number>>;
  /** The edges of multi-code passages: `"bottom #c62828"` → how many. */
  readonly edges: Readonly<Record<string, number>>;
  /** Dimmed markup ranges (`[` and `]{…}`): two per passage when dimmed, else 0. */
  readonly dimmed: number;
  /** Milliseconds from the server's answer to the last `setDecorations` call. */
  readonly applyMs: number;
  readonly editors: number;
  readonly sequence: number;
}

export interface DecorationsTestApi {
  /** The last state applied to a report's editors. */
  state(uri: vscode.Uri): DecorationsState | undefined;
  /** Resolves with the first applied state of the report that `accept` takes: the current one, or a later one. */
  whenApplied(uri: vscode.Uri, accept?: (state: DecorationsState) => boolean, timeoutMs?: number): Promise<DecorationsState>;
  readonly onDidApply: vscode.Event<DecorationsState>;
  /** `findings/passages`, as the decorations ask it. */
  passages(uri: vscode.Uri): Promise<PassagesResult | null>;
  /** The Markup toggle: its mode and status bar item. */
  readonly markup: MarkupToggleState;
}

export function createDecorationsTestApi({ server, codeDecorations }: { server: FindingsServer; codeDecorations: CodeDecorations }): DecorationsTestApi {
  const probe: DecorationsProbe | undefined = codeDecorations.probe;
  if (!probe) throw new Error('the code tints have no probe in this build');
  const onDidApply: vscode.Event<DecorationsState> = (listener, thisArg, disposables) => probe.onDidApply((applied) => listener.call(thisArg, describe(applied)), undefined, disposables);
  const state = (uri: vscode.Uri) => {
    const applied = probe.lastApplied(uri);
    return applied && describe(applied);
  };
  return {
    state,
    whenApplied: (uri, accept = () => true, timeoutMs = 20_000) => new Promise<DecorationsState>((resolve, reject) => {
      const current = state(uri);
      if (current && accept(current)) {
        resolve(current);
        return;
      }
      const timer = setTimeout(() => {
        subscription.dispose();
        reject(new Error(`no decorations accepted for ${uri.toString()} within ${timeoutMs} ms (last: ${JSON.stringify(state(uri) ?? null)})`));
      }, timeoutMs);
      const subscription = probe.onDidApply((applied) => {
        if (applied.uri !== uri.toString()) return;
        const described = describe(applied);
        if (!accept(described)) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve(described);
      });
    }),
    onDidApply,
    passages: (uri) => server.request(PassagesRequest, { uri: uri.toString() }),
    get markup() {
      return codeDecorations.markupToggle.state;
    },
  };
}

function describe(applied: AppliedDecorations): DecorationsState {
  const tintsByColor: Record<string, LspRange[]> = {};
  const rulerMarksByColor: Record<string, number> = {};
  const edges: Record<string, number> = {};
  for (const layer of applied.plan.layers) {
    const style = layer.style;
    if (style.kind === 'tint') tintsByColor[style.color] = layer.ranges.map(lspRange);
    if (style.kind === 'tint' || style.kind === 'ruler') rulerMarksByColor[style.color] = layer.ranges.length;
    if (style.kind === 'edge') edges[`${style.edge} ${style.color}`] = layer.ranges.length;
  }
  const tinted = applied.settings.codeTint > 0;
  return {
    uri: applied.uri,
    version: applied.version,
    codeTint: applied.settings.codeTint,
    markup: applied.settings.markup,
    tintsByColor,
    tintsPerCode: tinted ? Object.fromEntries(applied.plan.passagesPerCode) : {},
    rulerMarksByColor,
    edges,
    dimmed: applied.plan.dimmed,
    applyMs: applied.applyMs,
    editors: applied.editors,
    sequence: applied.sequence,
  };
}

function lspRange(range: vscode.Range): LspRange {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}
