// Agreement over LSP. Two reports that name one source but hold different
// article texts: each gets a `source-text-mismatch` warning naming the other,
// on the first character that differs, pulled and pushed, and it goes when
// the texts agree. `findings/agreement` gives the CLI's very figures, and
// `findings/articleCopies` the other annotators' copies of an article.
import { strict as assert } from 'node:assert';
import type { Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import * as fs from 'node:fs';
import { AgreementRequest, ArticleCopiesRequest, SummaryRequest } from '../../protocol';
import { listFindings } from './findingsPages';
import { runCli } from '../helpers/cli';
import { buildReport } from '../helpers/report';
import { TempDir } from '../helpers/tempDir';
import { LspClient, repoPath, uriOf } from './lspClient';

const SOURCE = 'source:\n  publisher: The Echo\n  url: https://example.org/send-inspection\n';
const report = (annotator: string, body: string) => buildReport(body, { fields: { annotator }, extraYaml: SOURCE });
const FIRST = 'Inspectors found weaknesses in the area.\n';
const SECOND = 'Inspectors found significant weaknesses in the area.\n';

for (const pull of [true, false]) {
  describe(`lsp: copies of one source with different texts (${pull ? 'pulled' : 'pushed'} diagnostics)`, function () {
    this.timeout(60_000);
    let dir: TempDir;
    let client: LspClient;

    before(async () => {
      dir = new TempDir('findings-lsp-mismatch-');
      dir.write('a.report.md', report('ana', FIRST));
      dir.write('b.report.md', report('ben', SECOND));
      client = await LspClient.start({ folders: [dir.path], pull, settings: { validate: { debounceMs: 0 } } });
    });
    after(async () => {
      await client?.stop();
      dir.remove();
    });

    async function mismatches(uri: string, expected: number): Promise<Diagnostic[]> {
      if (!pull) {
        const found = await client.until(() => {
          const all = client.published.get(uri) ?? [];
          const last = all[all.length - 1]?.diagnostics.filter((d) => d.code === 'source-text-mismatch');
          return last && last.length === expected ? last : undefined;
        }, `${expected} mismatches for ${uri}`);
        return found;
      }
      // The corpus is compared again once the index settles: pull until it has.
      const deadline = Date.now() + 10_000;
      for (;;) {
        const pulled = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
        const items = (pulled as FullDocumentDiagnosticReport).items.filter((d) => d.code === 'source-text-mismatch');
        if (items.length === expected) return items;
        if (Date.now() > deadline) assert.fail(`${items.length} mismatches for ${uri}, not ${expected}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    it('warns on both reports, naming the other and the first differing code point, then clears when the texts agree', async () => {
      const a = uriOf(`${dir.path}/a.report.md`);
      const b = uriOf(`${dir.path}/b.report.md`);
      const text = report('ben', SECOND);
      await client.open(b, text, 1);
      const [onB] = await mismatches(b, 1);
      assert.equal(onB.severity, 2);
      assert.match(String(onB.message), /^a\.report\.md names the same source\.url but its article text differs from this one from code point 17 on/);
      const line = text.split('\n').findIndex((l) => l.startsWith('Inspectors'));
      assert.deepEqual(onB.range, { start: { line, character: 17 }, end: { line, character: 18 } });
      const [onA] = await mismatches(a, 1);
      assert.match(String(onA.message), /^b\.report\.md names/);
      // The second copy takes the first one's text: both warnings go.
      await client.change(b, 2, [{ text: report('ben', FIRST) }]);
      await mismatches(b, 0);
      await mismatches(a, 0);
    });
  });
}

describe('lsp: agreement figures and copies of an article', function () {
  this.timeout(60_000);
  let client: LspClient;
  let dir: TempDir;

  before(async () => {
    dir = new TempDir('findings-lsp-agreement-');
    for (const name of fs.readdirSync(repoPath('samples', 'agreement')).filter((file) => file.endsWith('.report.md'))) {
      dir.write(`agreement/${name}`, fs.readFileSync(repoPath('samples', 'agreement', name), 'utf8'));
    }
    // A reference report of one article: never an annotator, and the one copy the dataset counts.
    const reference = fs.readFileSync(repoPath('samples', 'agreement', 'middlesbrough.jd.report.md'), 'utf8').replace(/^annotator: .*$/m, 'annotator: adjudicated');
    dir.write('agreement/middlesbrough.adjudicated.report.md', reference);
    client = await LspClient.start({ folders: [dir.path] });
  });
  after(async () => {
    await client?.stop();
    dir.remove();
  });

  it('findings/agreement answers the document `findings agree --format json` prints for the same reports', async () => {
    const cli = await runCli(['agree', 'agreement', '--format', 'json'], dir.path);
    assert.equal(cli.code, 0, cli.stderr);
    for (const by of ['code', 'theme'] as const) {
      const answer = await client.request(AgreementRequest, { by });
      const printed = by === 'code' ? cli.stdout : (await runCli(['agree', 'agreement', '--format', 'json', '--by', 'theme'], dir.path)).stdout;
      assert.deepEqual(JSON.parse(JSON.stringify(answer.figures)), JSON.parse(printed));
      assert.equal(answer.articles, 2);
      assert.equal(answer.reports, 7);
    }
  });

  it('the workspace summary counts each article once: its reference report, none of the drafts of the other, every copy with findings.dataset.copies "all"', async () => {
    const once = await client.request(SummaryRequest, { scope: { kind: 'workspace' } });
    assert.equal(once.totals.reports, 1);
    const listed = (await listFindings(client, { kind: 'workspace' })).findings;
    assert.ok(listed.length > 0);
    assert.deepEqual([...new Set(listed.map((finding) => finding.path))], ['agreement/middlesbrough.adjudicated.report.md']);
    const all = await LspClient.start({ folders: [dir.path], settings: { dataset: { copies: 'all' } } });
    try {
      const every = await all.request(SummaryRequest, { scope: { kind: 'workspace' } });
      assert.equal(every.totals.reports, 7);
    } finally {
      await all.stop();
    }
  });

  it('findings/articleCopies lists the other annotators\' copies of a report\'s article', async () => {
    const uri = uriOf(`${dir.path}/agreement/middlesbrough.jd.report.md`);
    const copies = await client.request(ArticleCopiesRequest, { uri });
    assert.ok(copies);
    assert.deepEqual(copies.others.map((copy) => [copy.path, copy.annotator, copy.reference]), [['agreement/middlesbrough.adjudicated.report.md', 'adjudicated', true], ['agreement/middlesbrough.mk.report.md', 'mk', false], ['agreement/middlesbrough.rs.report.md', 'rs', false]]);
    assert.equal(await client.request(ArticleCopiesRequest, { uri: `${uri}.gone` }), null);
  });
});
