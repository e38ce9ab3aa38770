// The server is the one side that watches files: it asks the client for
// `workspace/didChangeWatchedFiles` on the reports, the ignore files and the
// codebooks (whatever `findings.codebook.path` names them), and on deletions
// of anything, because deleting a folder is reported for the folder alone,
// not for the reports inside it.
import { DidChangeWatchedFilesNotification, WatchKind, type Connection, type Disposable, type FileSystemWatcher } from 'vscode-languageserver/node';
import { IGNORE_FILE } from '../core';
import { REPORT_GLOB } from '../protocol';

export class FileWatchers {
  private current: { key: string; registration: Promise<Disposable> } | undefined;

  constructor(private readonly connection: Connection) {}

  /** Registers the watchers for these codebook file names, replacing the previous ones when they differ. */
  async watch(codebookNames: readonly string[]): Promise<void> {
    const watchers: FileSystemWatcher[] = [
      { globPattern: REPORT_GLOB },
      { globPattern: `**/${IGNORE_FILE}` },
      ...codebookNames.map((name) => ({ globPattern: `**/${name}` })),
      { globPattern: '**/*', kind: WatchKind.Delete },
    ];
    const key = JSON.stringify(watchers);
    if (this.current?.key === key) return;
    const previous = this.current;
    this.current = { key, registration: this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }) };
    if (previous) (await previous.registration).dispose();
    await this.current.registration;
  }
}
