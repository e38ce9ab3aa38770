// Test builds only (FINDINGS_TEST_SEAMS): the memos part of the extension's test API.
import type * as vscode from 'vscode';
import { MemosRequest, type MemoEntry, type MemosResult } from '../../protocol/memos';
import type { FindingsServer } from '../languageClient';
import type { MemoNode, MemosView } from '../memos/memosView';

/** A tree item as the view draws it. */
export interface MemoItemFacts {
  readonly label: string;
  readonly description: string;
  /** The tooltip's Markdown. */
  readonly tooltip: string;
  /** What choosing the item runs. */
  readonly command: vscode.Command | undefined;
  readonly entry: MemoEntry;
}

/** What the Memos view shows, read from its tree data provider (the items VS Code draws). */
export interface MemosViewFacts {
  readonly filter: string;
  readonly description: string | undefined;
  readonly message: string | undefined;
  readonly error: string | null;
  readonly total: number;
  readonly shown: number;
  readonly reports: ReadonlyArray<{ readonly label: string; readonly description: string; readonly memos: readonly MemoItemFacts[] }>;
}

export interface MemosTestApi {
  /** `findings/memos`, asked directly. */
  list(): Promise<MemosResult>;
  readonly view: {
    /** Asks the server again and resolves with what the view then shows. */
    refresh(): Promise<MemosViewFacts>;
    /** What the view shows now. */
    facts(): Promise<MemosViewFacts>;
    /** Fires after each answer of the server is in the view (an index change, a restart, a refresh). */
    readonly onDidLoad: vscode.Event<void>;
  };
}

export function createMemosTestApi({ server, memosView }: { readonly server: FindingsServer; readonly memosView: MemosView }): MemosTestApi {
  const facts = async (): Promise<MemosViewFacts> => {
    const reports = [];
    for (const report of await memosView.getChildren()) {
      const item = memosView.getTreeItem(report);
      const memos: MemoItemFacts[] = [];
      for (const child of await memosView.getChildren(report)) memos.push(memoFacts(memosView, child));
      reports.push({ label: text(item.label), description: text(item.description), memos });
    }
    const { description, message, error } = memosView.heading;
    return { filter: memosView.filterText, description, message, error, ...memosView.counts, reports };
  };
  return {
    list: () => server.request(MemosRequest, {}),
    view: {
      refresh: async () => {
        await memosView.refresh();
        return facts();
      },
      facts,
      onDidLoad: memosView.onDidLoad,
    },
  };
}

function memoFacts(view: MemosView, node: MemoNode): MemoItemFacts {
  if (node.kind !== 'memo') throw new Error('a report under a report');
  const item = view.getTreeItem(node);
  const tooltip = item.tooltip;
  return {
    label: text(item.label),
    description: text(item.description),
    tooltip: typeof tooltip === 'string' ? tooltip : tooltip?.value ?? '',
    command: item.command,
    entry: node.entry,
  };
}

function text(value: string | boolean | vscode.TreeItemLabel | undefined): string {
  if (typeof value === 'string') return value;
  return typeof value === 'object' ? value.label : '';
}
