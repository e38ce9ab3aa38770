// A folder's first scan racing the editor: documents opened, closed and
// files changed on disk while the scan reads and analyses a batch of
// reports. Whatever the order, once the scan is over the index holds every
// report as it is on disk (or in the editor), as `findings export` sees it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FindingsPageRequest, SummaryRequest } from '../../protocol';
import { buildReport } from '../helpers/report';
import { TempDir } from '../helpers/tempDir';
import { NO_FILTERS } from './findingsPages';
import { LspClient, uriOf } from './lspClient';

/** A report slow to analyse (thousands of spans): a batch of them keeps the scan busy for seconds. */
function heavyReport(i: number): string {
  const body = Array.from({ length: 6000 }, (_, s) => `Sentence ${s} says [something ${i}.${s}]{.weakness theme=health}.`).join('\n');
  return buildReport(`${body}\n`, { fields: { annotator: `heavy${i}` } });
}

const BATCH = 32;

describe('lsp: the first scan racing the editor', function () {
  this.timeout(60_000);
  let dir: TempDir;

  beforeEach(() => {
    dir = new TempDir('findings-scan-race-');
    // Two batches: 63 slow reports, and the one the editor holds last in the second batch.
    for (let i = 0; i < 2 * BATCH - 1; i++) dir.write(`a${String(i).padStart(3, '0')}.report.md`, heavyReport(i));
  });
  afterEach(() => dir.remove());

  it('keeps a report opened before its batch is read and closed while the batch is analysed', async () => {
    const target = dir.write('b.report.md', buildReport('The [one to keep]{.strength theme=health}.\n', { fields: { annotator: 'kept' } }));
    const uri = uriOf(target);
    const client = await LspClient.start({ folders: [dir.path], workDoneProgress: true });
    try {
      // Opened while the first batch is analysed: its batch will not read it from disk.
      await client.open(uri, buildReport('The [one to keep]{.strength theme=health}.\n', { fields: { annotator: 'kept' } }));
      await client.until(() => (client.progress.some((p) => /^Indexing 32 of 64/.test(p.value.message ?? '')) ? true : undefined), 'the first batch', 30_000);
      // The second batch was read then (the open report was not), and is analysed for a while: closed meanwhile, the file on disk stands for it.
      await client.close(uri);
      await client.until(() => (client.logs.some((line) => /Scanned .*: 64 reports/.test(line)) ? true : undefined), 'the scan', 30_000);
      const page = await client.request(FindingsPageRequest, { scope: { kind: 'workspace' }, filters: { ...NO_FILTERS, text: 'one to keep' }, offset: 0, limit: 10 });
      assert.deepEqual(page.findings.map((finding) => finding.path), [path.basename(target)], 'the closed report is in the index, read from its file');
      const summary = await client.request(SummaryRequest, { scope: { kind: 'workspace' } });
      assert.equal(summary.totals.reports, 64);
    } finally {
      await client.stop();
    }
  });

  /** Starts a server on the folder and waits until its scan has read the second batch (b.report.md among it). */
  async function startAndReadSecondBatch(): Promise<LspClient> {
    const client = await LspClient.start({ folders: [dir.path], workDoneProgress: true });
    await client.until(() => (client.progress.some((p) => /^Indexing 32 of 64/.test(p.value.message ?? '')) ? true : undefined), 'the first batch', 30_000);
    // The batch's files are read in a moment; then its 31 slow reports are analysed before b.report.md.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return client;
  }

  const scanned = (client: LspClient) => client.until(() => (client.logs.some((line) => /Scanned .*: 64 reports/.test(line)) ? true : undefined), 'the scan', 30_000);

  it('keeps the text a file was changed to on disk while its batch is analysed, not the text the scan read before', async () => {
    const target = dir.write('b.report.md', buildReport('The [old passage]{.strength theme=health}.\n'));
    const client = await startAndReadSecondBatch();
    try {
      dir.write('b.report.md', buildReport('The [new passage]{.strength theme=health}.\n'));
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(target), type: 2 }] });
      await scanned(client);
      const texts = async (text: string) => (await client.request(FindingsPageRequest, { scope: { kind: 'workspace' }, filters: { ...NO_FILTERS, text }, offset: 0, limit: 10 })).findings.map((finding) => finding.text);
      assert.deepEqual(await texts('passage'), ['new passage'], 'the file as it is on disk');
    } finally {
      await client.stop();
    }
  });

  it('leaves out a file deleted on disk while its batch is analysed', async () => {
    const target = dir.write('b.report.md', buildReport('The [deleted passage]{.strength theme=health}.\n'));
    const client = await startAndReadSecondBatch();
    try {
      fs.rmSync(target);
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(target), type: 3 }] });
      await scanned(client);
      const summary = await client.request(SummaryRequest, { scope: { kind: 'workspace' } });
      assert.equal(summary.totals.reports, 63, 'the deleted report is not in the dataset');
    } finally {
      await client.stop();
    }
  });

  it('a nested folder added to the workspace while the outer folder\'s batch is analysed takes its reports, and the outer folder keeps none of them', async () => {
    // The second batch: 30 slow reports, then the nested folder's two.
    fs.rmSync(path.join(dir.path, `a${String(2 * BATCH - 2).padStart(3, '0')}.report.md`));
    dir.write('sub/s0.report.md', buildReport('The [nested one]{.strength theme=health}.\n', { fields: { annotator: 'nested0' } }));
    dir.write('sub/s1.report.md', buildReport('The [nested two]{.strength theme=health}.\n', { fields: { annotator: 'nested1' } }));
    const outer = path.basename(dir.path);
    const client = await LspClient.start({ folders: [dir.path], workDoneProgress: true });
    try {
      await client.until(() => (client.progress.some((p) => /^Indexing 32 of 64/.test(p.value.message ?? '')) ? true : undefined), 'the first batch', 30_000);
      await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(path.join(dir.path, 'sub')), name: 'sub' }], removed: [] } });
      await client.until(() => (client.logs.filter((line) => /^Scanned /.test(line)).length >= 2 ? true : undefined), 'both scans', 30_000);
      const page = await client.request(FindingsPageRequest, { scope: { kind: 'workspace' }, filters: { ...NO_FILTERS, text: 'nested' }, offset: 0, limit: 10 });
      // Held twice, a report would be two draft copies of one article, neither counted (or counted under the outer folder's path).
      assert.deepEqual(page.findings.map((finding) => finding.path), ['sub/s0.report.md', 'sub/s1.report.md'], `each once, in the nested folder (not under ${outer}/sub/)`);
      const symbols = await client.request<Array<{ location: { uri: string } }>>('workspace/symbol', { query: 'nested' });
      assert.deepEqual(symbols.map((symbol) => path.basename(symbol.location.uri)), ['s0.report.md', 's1.report.md'], 'each passage once');
      const summary = await client.request(SummaryRequest, { scope: { kind: 'workspace' } });
      assert.equal(summary.totals.reports, 64);
    } finally {
      await client.stop();
    }
  });
});
