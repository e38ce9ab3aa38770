// The first scan of a folder shows its progress in the editor ("Indexing 40
// of 120 reports") when the client takes work-done progress, and ends it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReport } from '../helpers/report';
import { TempDir } from '../helpers/tempDir';
import { LspClient } from './lspClient';

describe('lsp: the scan reports its progress', function () {
  this.timeout(60_000);
  let dir: TempDir;

  beforeEach(() => {
    dir = new TempDir('findings-progress-');
    for (let i = 0; i < 120; i++) fs.writeFileSync(path.join(dir.path, `r${String(i).padStart(3, '0')}.report.md`), buildReport(`Report ${i}: [waits]{.weakness theme=health}.\n`));
  });
  afterEach(() => dir.remove());

  it('begins with the number of reports, ends when the folder is indexed', async () => {
    const client = await LspClient.start({ folders: [dir.path], workDoneProgress: true });
    try {
      await client.until(() => (client.progress.some((p) => p.value.kind === 'end') ? true : undefined), 'the end of the scan progress');
      assert.equal(client.progressTokens.length, 1, 'one progress for the one folder');
      const ofScan = client.progress.filter((p) => p.token === client.progressTokens[0]);
      assert.equal(ofScan[0].value.kind, 'begin');
      assert.match(ofScan[0].value.message ?? '', new RegExp(`^Indexing \\d+ of 120 reports in ${path.basename(dir.path)}$`));
      assert.equal(ofScan.at(-1)!.value.kind, 'end');
      for (const report of ofScan.filter((p) => p.value.kind === 'report')) {
        assert.match(report.value.message ?? '', /^Indexing [\d,]+ of 120 reports/);
        assert.ok((report.value.percentage ?? -1) >= 0 && (report.value.percentage ?? 101) <= 100);
      }
      await client.until(() => (client.logs.some((line) => /Scanned .*: 120 reports/.test(line)) ? true : undefined), 'the scan');
    } finally {
      await client.stop();
    }
  });

  it('sends no progress to a client that does not show it', async () => {
    const client = await LspClient.start({ folders: [dir.path] });
    try {
      await client.until(() => (client.logs.some((line) => /Scanned .*: 120 reports/.test(line)) ? true : undefined), 'the scan');
      assert.equal(client.progressTokens.length, 0);
      assert.equal(client.progress.length, 0);
    } finally {
      await client.stop();
    }
  });
});
