// The progress of a folder's scan as LSP work-done progress ("Indexing 3,200
// of 10,000 reports" in the editor's status bar), when the client shows it.
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';

/** The least time between two reports of one scan: the client redraws no faster. */
const REPORT_EVERY_MS = 200;

export interface ScanReporter {
  /** `done` reports of the scan's total are indexed. */
  report(done: number): void;
  end(): void;
}

export type ScanProgress = (folderName: string, total: number) => ScanReporter;

export function workDoneScanProgress(connection: Connection): ScanProgress {
  return (folderName, total) => {
    let reporter: WorkDoneProgressServerReporter | undefined;
    let ended = false;
    let last = 0;
    let latest = 0;
    const message = (done: number) => `Indexing ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} reports${folderName ? ` in ${folderName}` : ''}`;
    const percentage = (done: number) => (total === 0 ? 100 : Math.floor((done / total) * 100));
    // The client creates the progress in a round trip; reports before then are folded into the first.
    connection.window.createWorkDoneProgress().then((created) => {
      if (ended) {
        created.done();
        return;
      }
      reporter = created;
      reporter.begin('Findings', percentage(latest), message(latest));
    }, () => undefined);
    return {
      report(done) {
        latest = done;
        const now = Date.now();
        if (!reporter || now - last < REPORT_EVERY_MS) return;
        last = now;
        reporter.report(percentage(done), message(done));
      },
      end() {
        ended = true;
        reporter?.done();
      },
    };
  };
}
