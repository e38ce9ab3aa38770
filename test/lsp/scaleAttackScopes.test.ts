// Corpus-wide answers attacked by the workspace's shape and by time: a folder
// scope over a folder that holds another workspace folder; pages asked while
// edits stream in, whose answers must agree within a generation and end
// equal to `findings export` of the final texts; source-text mismatches,
// compared once the index settles, following an edit and its closing
// unsaved; agreement read partly from facts, equal to `findings agree`.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AgreementRequest, FindingsPageRequest, SummaryRequest, type FindingsPageResult, type SummaryResult } from '../../protocol';
import { runCli } from '../helpers/cli';
import { buildReport } from '../helpers/report';
import { TempDir } from '../helpers/tempDir';
import { findingKey, listFindings, NO_FILTERS } from './findingsPages';
import { LspClient, repoPath, uriOf } from './lspClient';

/** The keys of the findings `findings export <paths>` writes, run in `cwd`. */
async function exportedKeys(cwd: string, ...paths: string[]): Promise<string[]> {
  const out = new TempDir('findings-scopes-out-');
  try {
    const target = path.join(out.path, 'out.jsonl');
    const run = await runCli(['export', ...paths, '--format', 'jsonl', '--allow-errors', '--out', target], cwd);
    assert.equal(run.code, 0, run.stderr);
    return fs.readFileSync(target, 'utf8').split('\n').filter(Boolean).map((line) => findingKey(JSON.parse(line) as { path: string; index: number }));
  } finally {
    out.remove();
  }
}

describe('lsp: scopes under the workspace\'s shape and under streaming edits', function () {
  this.timeout(60_000);
  let dir: TempDir;

  beforeEach(() => {
    dir = new TempDir('findings-scopes-');
  });
  afterEach(() => dir.remove());

  it('a folder scope over a folder holding another workspace folder is what `findings export <folder>` sees', async () => {
    dir.write('outer/a.report.md', buildReport('The [outer passage]{.strength theme=health}.\n', { fields: { annotator: 'outer' } }));
    dir.write('outer/inner/b.report.md', buildReport('The [inner passage]{.weakness theme=health}.\n', { fields: { annotator: 'inner' } }));
    const outer = path.join(dir.path, 'outer');
    const client = await LspClient.start({ folders: [outer, path.join(outer, 'inner')] });
    try {
      const listed = (await listFindings(client, { kind: 'folder', uri: uriOf(outer) })).findings.map(findingKey);
      assert.deepEqual(listed, await exportedKeys(outer, '.'), 'the reports of the folder, the inner workspace folder\'s among them');
      const summary = await client.request(SummaryRequest, { scope: { kind: 'folder', uri: uriOf(outer) } });
      assert.equal(summary.totals.reports, 2);
    } finally {
      await client.stop();
    }
  });

  it('answers asked while edits stream in agree within each generation, and the last equal the export of the final text', async () => {
    const text = buildReport('Start.\n');
    const file = dir.write('edited.report.md', text);
    dir.write('other.report.md', buildReport('An [other passage]{.strength theme=leadership}.\n'));
    const uri = uriOf(file);
    const client = await LspClient.start({ folders: [dir.path] });
    try {
      await client.open(uri, text, 1);
      let current = text;
      const pending: Array<Promise<SummaryResult | FindingsPageResult>> = [];
      // Fifty edits, none awaited, each followed by a summary or a page asked at once.
      for (let version = 2; version <= 51; version++) {
        const inserted = `[typed ${version}]{.${version % 3 === 0 ? 'weakness' : 'strength'} theme=health} `;
        const line = current.split('\n').length - 1;
        void client.change(uri, version, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: inserted }]);
        const lines = current.split('\n');
        lines[line] = inserted + lines[line];
        current = lines.join('\n');
        pending.push(version % 2 === 0
          ? client.request(SummaryRequest, { scope: { kind: 'workspace' } })
          : client.request(FindingsPageRequest, { scope: { kind: 'workspace' }, filters: { ...NO_FILTERS, text: 'typed' }, offset: 0, limit: 0 }));
      }
      const answers = await Promise.all(pending);
      // Within a generation, one index: every answer counts the same findings.
      const totals = new Map<number, number>();
      for (const answer of answers) {
        const total = 'totals' in answer ? answer.totals.findings : answer.total;
        const known = totals.get(answer.generation);
        assert.ok(known === undefined || known === total, `generation ${answer.generation}: ${known} and ${total} findings`);
        totals.set(answer.generation, total);
      }
      // Generations and totals only grow as the edits arrive.
      const ordered = [...totals].sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < ordered.length; i++) assert.ok(ordered[i][1] >= ordered[i - 1][1], JSON.stringify(ordered));
      fs.writeFileSync(file, current);
      const listed = (await listFindings(client, { kind: 'workspace' })).findings.map(findingKey);
      assert.deepEqual(listed, await exportedKeys(dir.path, '.'));
      assert.equal(listed.length, 51);
    } finally {
      await client.stop();
    }
  });
});

describe('lsp: source-text mismatches follow edits once the index settles', function () {
  this.timeout(30_000);
  let dir: TempDir;

  beforeEach(() => {
    dir = new TempDir('findings-mismatch-');
  });
  afterEach(() => dir.remove());

  const mismatched = (diagnostics: ReadonlyArray<{ code?: unknown }>) => diagnostics.some((diagnostic) => diagnostic.code === 'source-text-mismatch');

  it('appear, go when an edit makes the texts equal, and come back when the edit is closed unsaved', async () => {
    const report = (body: string) => buildReport(body, { extraYaml: 'source:\n  publisher: The Echo\n  url: https://example.org/one' });
    const a = dir.write('a.report.md', report('The [same]{.strength theme=health} article.\n'));
    const bText = report('The [same]{.strength theme=health} article, changed.\n');
    const b = dir.write('b.report.md', bText);
    const client = await LspClient.start({ folders: [dir.path] });
    try {
      const latest = (file: string) => client.published.get(uriOf(file))?.at(-1)?.diagnostics;
      await client.until(() => (mismatched(latest(a) ?? []) && mismatched(latest(b) ?? []) ? true : undefined), 'both reports flagged');
      await client.open(uriOf(b), bText, 1);
      const line = bText.split('\n').findIndex((text) => text.includes('changed'));
      const at = bText.split('\n')[line].indexOf(', changed');
      await client.change(uriOf(b), 2, [{ range: { start: { line, character: at }, end: { line, character: at + ', changed'.length } }, text: '' }]);
      await client.until(() => (latest(a)?.length === 0 && client.published.get(uriOf(b))?.at(-1)?.version === 2 && latest(b)?.length === 0 ? true : undefined), 'both reports clean once the texts agree');
      await client.close(uriOf(b));
      await client.until(() => (mismatched(latest(a) ?? []) && mismatched(latest(b) ?? []) ? true : undefined), 'both flagged again: the file on disk differs');
    } finally {
      await client.stop();
    }
  });
});

describe('lsp: agreement from facts and parses mixed', function () {
  this.timeout(30_000);

  it('a workspace of articles coded once, twice, thrice and adjudicated gives the figures `findings agree` prints', async () => {
    const dir = new TempDir('findings-agree-mixed-');
    try {
      // Middlesbrough coded three times; Hartlepool once and adjudicated; the samples (each coded once, two of them the same articles).
      for (const name of ['middlesbrough.jd', 'middlesbrough.mk', 'middlesbrough.rs', 'hartlepool-2017.jd']) {
        dir.write(`copies/${name}.report.md`, fs.readFileSync(path.join(repoPath('samples', 'agreement'), `${name}.report.md`)));
      }
      const reference = fs.readFileSync(path.join(repoPath('samples', 'agreement'), 'hartlepool-2017.mk.report.md'), 'utf8').replace(/^annotator: .*$/m, 'annotator: adjudicated').replace(/^status: .*$/m, 'status: reviewed');
      dir.write('copies/hartlepool-2017.reference.report.md', reference);
      for (const name of fs.readdirSync(repoPath('samples')).filter((file) => file.endsWith('.report.md'))) dir.write(`singles/${name}`, fs.readFileSync(repoPath('samples', name)));
      const client = await LspClient.start({ folders: [dir.path] });
      try {
        for (const by of ['code', 'theme'] as const) {
          const printed = await runCli(['agree', '.', '--format', 'json', '--by', by], dir.path);
          assert.equal(printed.code, 0, printed.stderr);
          const answer = await client.request(AgreementRequest, { by });
          assert.deepEqual(JSON.parse(JSON.stringify(answer.figures)), JSON.parse(printed.stdout), `by ${by}`);
        }
      } finally {
        await client.stop();
      }
    } finally {
      dir.remove();
    }
  });
});
