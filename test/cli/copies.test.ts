// Copies of one article by several annotators count once in a dataset:
// `findings export` and `findings stats` (and, with the same core function,
// the summary panel and the editor's export) take an article's adjudicated
// copy, else its first reviewed one, unless `--copies all`.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { copyFactsOf, copyFactsOfHead, selectCopies, type CopyFacts } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { runCli } from '../helpers/cli';
import { repoPath } from '../helpers/repo';
import { TempDir } from '../helpers/tempDir';

const AGREEMENT = repoPath('samples', 'agreement');
const COPIES = fs.readdirSync(AGREEMENT).filter((name) => name.endsWith('.report.md')).sort();

const facts = (path: string, fingerprint: string | undefined, annotator?: string, status?: string): CopyFacts => ({ path, fingerprint, annotator, status });

describe('core: which copies of an article a dataset counts', () => {
  it('counts a single copy whatever its status, and of several the adjudicated one, else the first reviewed one, else none', () => {
    const selection = selectCopies([
      facts('solo.report.md', 'a', 'jd', 'draft'),
      facts('b/x.jd.report.md', 'b', 'jd', 'reviewed'),
      facts('b/x.adjudicated.report.md', 'b', 'adjudicated', 'draft'),
      facts('c/y.mk.report.md', 'c', 'mk', 'reviewed'),
      facts('c/y.jd.report.md', 'c', 'jd', 'reviewed'),
      facts('d/z.jd.report.md', 'd', 'jd', 'draft'),
      facts('d/z.mk.report.md', 'd', 'mk', 'draft'),
      facts('unknown.report.md', undefined, 'jd', 'draft'),
    ], 'one');
    assert.deepEqual([...selection.leftOut.keys()].sort(), ['b/x.jd.report.md', 'c/y.mk.report.md', 'd/z.jd.report.md', 'd/z.mk.report.md']);
    assert.match(selection.leftOut.get('c/y.mk.report.md')!, /c\/y\.jd\.report\.md/);
    assert.equal(selection.articlesWithCopies, 3);
    assert.equal(selection.articlesCounted, 2);
    assert.equal(selectCopies([facts('a', 'x'), facts('b', 'x')], 'all').leftOut.size, 0);
  });

  it('reads the same facts from the front matter alone as from the parsed report, for every agreement sample', () => {
    for (const name of COPIES) {
      const text = fs.readFileSync(`${AGREEMENT}/${name}`, 'utf8');
      assert.deepEqual(copyFactsOfHead(name, text), copyFactsOf(name, parseReport(text)), name);
    }
  });
});

describe('cli: --copies', function () {
  this.timeout(60_000);
  let dir: TempDir;

  before(() => {
    dir = new TempDir('findings-copies-');
    for (const name of COPIES) dir.write(`copies/${name}`, fs.readFileSync(`${AGREEMENT}/${name}`, 'utf8'));
  });
  after(() => dir.remove());

  const exported = async (...args: string[]) => {
    const run = await runCli(['export', 'copies', '--format', 'jsonl', ...args], dir.path);
    assert.equal(run.code, 0, run.stderr);
    return { paths: [...new Set(run.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line).path as string))], stderr: run.stderr };
  };

  it('counts every copy with --copies all, and says so by default when an article has copies', async () => {
    const all = await exported('--copies', 'all');
    assert.equal(all.paths.length, COPIES.length);
    assert.equal(all.stderr, '');
    // Every copy of the samples is a draft: both articles wait for a reviewed or adjudicated copy.
    const one = await exported();
    assert.deepEqual(one.paths, []);
    assert.equal(one.stderr, 'findings: 2 articles coded by several annotators count once each: 6 copies left out (2 articles with no reviewed or adjudicated copy yet, left out whole); --copies all counts every copy\n');
    // A reviewed copy counts for its article.
    const reviewed = fs.readFileSync(`${AGREEMENT}/${COPIES[1]}`, 'utf8').replace(/^status: draft$/m, 'status: reviewed');
    dir.write(`copies/${COPIES[1]}`, reviewed);
    assert.deepEqual((await exported()).paths, [`copies/${COPIES[1]}`]);
  });

  it('takes an adjudicated copy over the others', async () => {
    const first = fs.readFileSync(`${AGREEMENT}/${COPIES[0]}`, 'utf8').replace(/^annotator: .*$/m, 'annotator: adjudicated');
    dir.write(`copies/${COPIES[0].replace(/\.[a-z]+\.report\.md$/, '.adjudicated.report.md')}`, first);
    const one = await exported();
    assert.deepEqual(one.paths, ['copies/hartlepool-2017.adjudicated.report.md']);
    const stats = await runCli(['stats', 'copies', '--format', 'json'], dir.path);
    assert.equal(stats.code, 0, stats.stderr);
    assert.equal(JSON.parse(stats.stdout).documents, 1);
  });

  it('finds copies without a recorded fingerprint by their clean text, as the editor does', async () => {
    const other = new TempDir('findings-copies-unrecorded-');
    try {
      const names = COPIES.filter((name) => name.startsWith('middlesbrough'));
      for (const [i, name] of names.entries()) {
        const text = fs.readFileSync(`${AGREEMENT}/${name}`, 'utf8').replace(/^text_sha256: .*\n/m, '');
        other.write(`m/${name}`, i === 1 ? text.replace(/^status: draft$/m, 'status: reviewed') : text);
      }
      const run = await runCli(['export', 'm', '--format', 'jsonl'], other.path);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual([...new Set(run.stdout.trim().split('\n').map((line) => JSON.parse(line).path))], [`m/${names[1]}`]);
    } finally {
      other.remove();
    }
  });

  it('refuses an unknown policy', async () => {
    const run = await runCli(['export', 'copies', '--copies', 'some'], dir.path);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown copies policy 'some' \(use one, all\)/);
  });
});

describe('cli: export --with-agreement', function () {
  this.timeout(60_000);
  let dir: TempDir;

  before(() => {
    dir = new TempDir('findings-with-agreement-');
    for (const name of COPIES) dir.write(`copies/${name}`, fs.readFileSync(`${AGREEMENT}/${name}`, 'utf8'));
    dir.write('copies/solo.report.md', fs.readFileSync(repoPath('samples', 'darlington.report.md'), 'utf8'));
  });
  after(() => dir.remove());

  it('gives each row its article\'s figures, those `findings agree` prints, and null for an article coded once', async () => {
    const agreed = await runCli(['agree', 'copies', '--format', 'json'], dir.path);
    const figures = JSON.parse(agreed.stdout) as { unit: string; articles: Array<{ fingerprint: string; figures: { annotators: string[]; labels: Array<{ label: string | null; fleissKappa: number | null; krippendorffAlpha: number | null; unitizingAlpha: number | null }> } }> };
    const run = await runCli(['export', 'copies', '--format', 'jsonl', '--copies', 'all', '--with-agreement'], dir.path);
    assert.equal(run.code, 0, run.stderr);
    const rows = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.ok(rows.length > 0);
    for (const row of rows) {
      const article = figures.articles.find((a) => a.fingerprint === row.text_sha256);
      if (!article) {
        assert.equal(row.agreement, null, row.path);
        continue;
      }
      const all = article.figures.labels.find((label) => label.label === null)!;
      assert.deepEqual(row.agreement.annotators, article.figures.annotators);
      assert.equal(row.agreement.unit, figures.unit);
      assert.deepEqual([row.agreement.kappa, row.agreement.alpha, row.agreement.alpha_u], [all.fleissKappa, all.krippendorffAlpha, all.unitizingAlpha]);
      for (const label of article.figures.labels.filter((l) => l.label !== null)) {
        assert.deepEqual(row.agreement.labels[label.label!], { kappa: label.fleissKappa, alpha: label.krippendorffAlpha, alpha_u: label.unitizingAlpha });
      }
      // The key sits between the fingerprint and the fields.
      assert.deepEqual(Object.keys(row).slice(-3), ['text_sha256', 'agreement', 'fields']);
    }
    assert.ok(rows.some((row) => row.agreement === null) && rows.some((row) => row.agreement !== null));
  });

  it('finds copies by their actual text: a copy whose recorded fingerprint is wrong still counts in its article\'s figures', async () => {
    const wrong = fs.readFileSync(`${AGREEMENT}/${COPIES[0]}`, 'utf8').replace(/^text_sha256: .*$/m, `text_sha256: "${'0'.repeat(64)}"`);
    const other = new TempDir('findings-with-agreement-wrong-');
    try {
      for (const name of COPIES) other.write(`d/${name}`, name === COPIES[0] ? wrong : fs.readFileSync(`${AGREEMENT}/${name}`, 'utf8'));
      const agreed = JSON.parse((await runCli(['agree', 'd', '--format', 'json'], other.path)).stdout) as { annotators: string[] };
      const run = await runCli(['export', 'd', '--format', 'jsonl', '--copies', 'all', '--allow-errors', '--with-agreement'], other.path);
      assert.equal(run.code, 0, run.stderr);
      const annotators = new Set(run.stdout.trim().split('\n').map((line) => JSON.stringify(JSON.parse(line).agreement.annotators)));
      assert.deepEqual([...annotators], [JSON.stringify(agreed.annotators)]);
    } finally {
      other.remove();
    }
  });

  it('adds the figures\' columns to CSV and the key to each JSON document; without the option the export is as before', async () => {
    const csv = await runCli(['export', 'copies', '--format', 'csv', '--copies', 'all', '--with-agreement'], dir.path);
    assert.equal(csv.code, 0, csv.stderr);
    assert.match(csv.stdout.split('\r\n')[0], /,text_sha256,report_memo,agreement_annotators,agreement_kappa,agreement_alpha,agreement_alpha_u,/);
    assert.match(csv.stdout, /,jd mk rs,0\.\d+,/);
    const json = await runCli(['export', 'copies', '--format', 'json', '--copies', 'all', '--with-agreement'], dir.path);
    const documents = JSON.parse(json.stdout).documents as Array<{ path: string; agreement: unknown }>;
    assert.equal(documents.find((document) => document.path === 'copies/solo.report.md')!.agreement, null);
    assert.equal(documents.filter((document) => document.agreement !== null).length, COPIES.length);
    const plain = await runCli(['export', 'copies', '--format', 'jsonl', '--copies', 'all'], dir.path);
    assert.ok(!plain.stdout.includes('"agreement"'));
  });
});
