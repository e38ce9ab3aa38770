import type { Connection } from 'vscode-languageserver/node';
import { IndexChangedNotification, type IndexChangedParams } from '../protocol';
import type { ReportWorkspace } from './reportWorkspace';
import type { WorkspaceChange } from './workspaceTypes';

/**
 * How long the index must be still before `findings/indexChanged` goes out:
 * a pause between keystrokes, not more; what listeners then ask for (a
 * summary, a page, a report's counts) costs work in proportion to the edit.
 */
export const INDEX_CHANGED_DELAY_MS = 60;
/** The longest a change waits while changes keep coming (typing). */
const MAX_DELAY_MS = 1000;

/**
 * The generation of the server's index (increased on every change of a
 * report, of a codebook, of the dataset or of a setting that changes the
 * answers) and the debounced
 * `findings/indexChanged` notification that tells the summary panel to ask
 * again.
 */
export class IndexChanges {
  private current = 0;
  private readonly pending = new Set<string>();
  /** Whether the next notification is for every report (it then names none). */
  private everything = false;
  private timer: NodeJS.Timeout | undefined;
  private firstPending = 0;

  constructor(private readonly connection: Connection, workspace: ReportWorkspace, private readonly delayMs = INDEX_CHANGED_DELAY_MS) {
    workspace.onDidChange((change) => this.changed(change));
  }

  /** Equal generations mean equal answers. */
  get generation(): number {
    return this.current;
  }

  /**
   * A setting that changes the answers without changing the index (which
   * copies of an article count): a new generation, and every report may
   * have changed (a notification naming none).
   */
  answersChanged(): void {
    this.current++;
    this.everything = true;
    this.schedule();
  }

  private changed(change: WorkspaceChange): void {
    this.current++;
    // A codebook change touches every report of its folder: a notification naming none, not a list as long as
    // the folder (10,000 names for a large dataset, each looked through by every listener).
    if (change.kind === 'codebook') this.everything = true;
    else for (const uri of change.uris) this.pending.add(uri);
    this.schedule();
  }

  private schedule(): void {
    const now = Date.now();
    if (this.timer === undefined) this.firstPending = now;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.delayMs, this.firstPending + MAX_DELAY_MS - now));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = undefined;
    const params: IndexChangedParams = { generation: this.current, uris: this.everything ? [] : [...this.pending].sort() };
    this.pending.clear();
    this.everything = false;
    this.connection.sendNotification(IndexChangedNotification, params).catch(() => undefined);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
