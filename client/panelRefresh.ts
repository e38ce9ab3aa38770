// How the extension's webview panels (the summary, the coded reader, the
// comparison) ask the language server again: the latest request wins (an
// older one is cancelled and its answer dropped); a panel that cannot draw
// now (its webview not ready, or hidden) is marked stale and asked again
// when it can; a request may be forced (drawn even if the answer equals
// what the panel shows).
import * as vscode from 'vscode';

/** One request's turn. */
export interface RefreshTurn {
  readonly sequence: number;
  readonly token: vscode.CancellationToken;
  /** Draw the answer even if it equals what the panel shows. */
  readonly force: boolean;
}

export class PanelRefresh implements vscode.Disposable {
  /** What the panel shows may be out of date (or it shows nothing yet): ask again when it can draw. */
  stale = true;
  private sequence = 0;
  private cancel: vscode.CancellationTokenSource | undefined;
  private timer: NodeJS.Timeout | undefined;
  private forceNext = false;
  private disposed = false;

  /** `refresh` asks (it starts with `begin`); `canDraw` says whether the webview can draw now. */
  constructor(private readonly refresh: () => Promise<void>, private readonly canDraw: () => boolean) {}

  /** Asks again after `delayMs`, unless asked again before (the delays of calls in a row do not add up). */
  schedule(delayMs: number, force = false): void {
    if (this.disposed) return;
    clearTimeout(this.timer);
    this.forceNext ||= force;
    this.timer = setTimeout(() => void this.refresh(), delayMs);
  }

  /** Starts a request, cancelling the one under way: its turn, or null if the panel cannot draw now (it is then stale, and a forced request stays forced). */
  begin(forced = false): RefreshTurn | null {
    clearTimeout(this.timer);
    this.timer = undefined;
    const force = forced || this.forceNext;
    this.forceNext = false;
    if (this.disposed) return null;
    if (!this.canDraw()) {
      this.stale = true;
      this.forceNext = force;
      return null;
    }
    this.cancel?.cancel();
    this.cancel?.dispose();
    const cancel = new vscode.CancellationTokenSource();
    this.cancel = cancel;
    return { sequence: ++this.sequence, token: cancel.token, force };
  }

  /** Whether the turn is still the latest: no request started since, and the panel not disposed. */
  isLatest(turn: RefreshTurn | number): boolean {
    return !this.disposed && (typeof turn === 'number' ? turn : turn.sequence) === this.sequence;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.cancel?.cancel();
    this.cancel?.dispose();
  }
}
