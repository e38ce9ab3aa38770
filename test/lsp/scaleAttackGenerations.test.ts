// "Equal generations mean equal answers": the summary panel draws nothing new
// for an answer of the generation it shows, and caches pages per generation.
// Attacked with answers that wait for a scan while the index changes, and
// with the copies policy switched between two requests.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { FindingsPageRequest, IndexChangedNotification, SummaryRequest, type IndexChangedParams, type SummaryResult } from '../../protocol';
import { buildReport } from '../helpers/report';
import { concernCodebook } from './concernCodebook';
import { TempDir } from '../helpers/tempDir';
import { NO_FILTERS } from './findingsPages';
import { LspClient, uriOf } from './lspClient';

/** A report slow to analyse: a folder of them keeps its scan busy for a second or two. */
function heavyReport(i: number): string {
  const body = Array.from({ length: 4000 }, (_, s) => `Sentence ${s} says [something ${i}.${s}]{.weakness theme=health}.`).join('\n');
  return buildReport(`${body}\n`, { fields: { annotator: `heavy${i}` } });
}

const totalsOf = (summary: SummaryResult) => JSON.stringify([summary.totals, summary.byCode, summary.byTheme, summary.byStatus]);

describe('lsp: one generation, one answer', function () {
  this.timeout(60_000);
  let dir: TempDir;

  beforeEach(() => {
    dir = new TempDir('findings-generations-');
  });
  afterEach(() => dir.remove());

  it('an answer that waited for a folder\'s scan is not labelled with the generation of the index before it', async () => {
    const first = path.join(dir.path, 'first');
    const second = path.join(dir.path, 'second');
    dir.write('first/a.report.md', buildReport('The [first]{.strength theme=health}.\n'));
    for (let i = 0; i < 40; i++) dir.write(`second/r${String(i).padStart(2, '0')}.report.md`, heavyReport(i));
    const client = await LspClient.start({ folders: [first] });
    try {
      const before = await client.request(SummaryRequest, { scope: { kind: 'workspace' } });
      assert.equal(before.totals.reports, 1);
      await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(second), name: 'second' }], removed: [] } });
      // Asked while the new folder is scanned: answered once it is, with its reports.
      const after = await client.request(SummaryRequest, { scope: { kind: 'workspace' } });
      assert.equal(after.totals.reports, 41);
      assert.ok(after.generation > before.generation, `generation ${after.generation} for a different answer than generation ${before.generation}`);
      // And the first page of that generation agrees with it.
      const page = await client.request(FindingsPageRequest, { scope: { kind: 'workspace' }, filters: NO_FILTERS, offset: 0, limit: 1 });
      if (page.generation === after.generation) assert.equal(page.total, after.totals.findings);
    } finally {
      await client.stop();
    }
  });

  it('a codebook change gives a new generation, told in a notification naming no report (any may have changed), not a list as long as the folder', async () => {
    for (let i = 0; i < 30; i++) dir.write(`r${String(i).padStart(2, '0')}.report.md`, buildReport(`Parents in area ${i} raised [worries about buses]{.concern theme=transport}.\n`, { fields: { area: `Area ${i}` } }));
    const client = await LspClient.start({ folders: [dir.path] });
    try {
      const changes: IndexChangedParams[] = [];
      client.connection.onNotification(IndexChangedNotification, (params) => void changes.push(params));
      const before = await client.request(SummaryRequest, { scope: { kind: 'workspace' } });
      assert.equal(before.totals.reports, 30);
      const codebook = path.join(dir.path, 'codebook.yaml');
      dir.write('codebook.yaml', concernCodebook());
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(codebook), type: 1 }] });
      const change = await client.until(() => changes.find((c) => c.generation > before.generation), 'findings/indexChanged after the codebook changed');
      assert.deepEqual(change.uris, []);
      const after = await client.request(SummaryRequest, { scope: { kind: 'workspace' } });
      assert.ok(after.generation >= change.generation);
    } finally {
      await client.stop();
    }
  });

  it('switching the copies policy gives a new generation, told to the client, before the answers change', async () => {
    // Two draft copies of one article: counted under `all`, neither under `one`.
    const text = (annotator: string) => buildReport('The [same article]{.strength theme=health}.\n', { fields: { annotator } });
    dir.write('jd.report.md', text('jd'));
    dir.write('mk.report.md', text('mk'));
    dir.write('other.report.md', buildReport('Another [article]{.weakness theme=health}.\n'));
    const client = await LspClient.start({ folders: [dir.path], settings: { dataset: { copies: 'one' } } });
    try {
      const changes: IndexChangedParams[] = [];
      client.connection.onNotification(IndexChangedNotification, (params) => void changes.push(params));
      const one = await client.request(SummaryRequest, { scope: { kind: 'workspace' } });
      assert.equal(one.totals.reports, 1);
      const configurations = client.configurationRequests;
      client.settings = { dataset: { copies: 'all' } };
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      await client.until(() => (client.configurationRequests > configurations ? true : undefined), 'the server to read its settings');
      let all = one;
      for (let attempt = 0; attempt < 40 && all.totals.reports === 1; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        all = await client.request(SummaryRequest, { scope: { kind: 'workspace' } });
      }
      assert.equal(all.totals.reports, 3, 'every copy counts');
      assert.notEqual(all.generation, one.generation, `generation ${one.generation} answered ${totalsOf(one)} and then ${totalsOf(all)}`);
      await client.until(() => changes.find((change) => change.generation >= all.generation), 'findings/indexChanged for the new policy');
    } finally {
      await client.stop();
    }
  });

  it('an answer asked while the server is still reading the new settings is of the old policy, or of a new generation', async () => {
    const text = (annotator: string) => buildReport('The [same article]{.strength theme=health}.\n', { fields: { annotator } });
    dir.write('jd.report.md', text('jd'));
    dir.write('mk.report.md', text('mk'));
    const client = await LspClient.start({ folders: [dir.path], settings: { dataset: { copies: 'one' } } });
    try {
      const one = await client.request(SummaryRequest, { scope: { kind: 'workspace' } });
      assert.equal(one.totals.reports, 0, 'two drafts of one article: neither counts');
      // The client answers the folder-scoped half of the settings slowly (a busy editor).
      let scopedAsked = false;
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      client.connection.onRequest('workspace/configuration', async (params: { items: Array<{ scopeUri?: string }> }) => {
        if (params.items.some((item) => item.scopeUri !== undefined)) {
          scopedAsked = true;
          await released;
        }
        return params.items.map(() => ({ dataset: { copies: 'all' } }));
      });
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      await client.until(() => (scopedAsked ? true : undefined), 'the server to ask for the folder settings');
      const meanwhile = await client.request(SummaryRequest, { scope: { kind: 'workspace' } });
      release();
      assert.ok(meanwhile.generation !== one.generation || meanwhile.totals.reports === one.totals.reports,
        `generation ${one.generation} answered ${totalsOf(one)} and then ${totalsOf(meanwhile)}`);
    } finally {
      await client.stop();
    }
  });
});
