// `findings agree`: the figures of samples/agreement as its README gives
// them, in text, JSON and CSV; the disagreement list written atomically;
// exit 1 for copies of one source whose texts differ, 2 when nothing could
// be compared or the options are wrong.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AgreementFigures } from '../../core/agreement';
import { runBin, runCli } from '../helpers/cli';
import { readRepoFile, repoPath, repoRoot } from '../helpers/repo';
import { TempDir } from '../helpers/tempDir';

const UNIT = 'Unicode code points of the clean text';
const README = readRepoFile('samples', 'agreement', 'README.md');

/** The fenced block of the README that holds the command's output. */
function readmeOutput(): string {
  const match = /```text\n([\s\S]*?)```\n/.exec(README);
  assert.ok(match, 'the README shows the output in a ```text block');
  return match[1];
}

/** Copies samples/agreement into a temp folder, as `agreement/`. */
function copyAgreementSamples(dir: TempDir): string[] {
  const names = fs.readdirSync(repoPath('samples', 'agreement')).filter((name) => name.endsWith('.report.md')).sort();
  for (const name of names) dir.write(path.join('agreement', name), fs.readFileSync(repoPath('samples', 'agreement', name)));
  return names;
}

describe('cli: findings agree', function () {
  this.timeout(60_000);

  describe('on samples/agreement', () => {
    let json: AgreementFigures;

    before(async () => {
      const run = await runCli(['agree', 'samples/agreement', '--format', 'json'], repoRoot());
      assert.equal(run.code, 0, run.stderr);
      json = JSON.parse(run.stdout) as AgreementFigures;
    });

    it('has valid reports: `findings check samples/agreement` passes', async () => {
      const run = await runCli(['check', 'samples/agreement'], repoRoot());
      assert.equal(run.code, 0, run.stdout);
      assert.match(run.stdout, /^6 reports checked: 0 errors, 0 warnings\.$/m);
    });

    it('prints what the folder\'s README shows, byte for byte, and exits 0', async () => {
      const run = await runCli(['agree', 'samples/agreement'], repoRoot());
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stderr, '');
      assert.equal(run.stdout, readmeOutput());
    });

    it('states the unit, the length, the codes compared and the matching rule', async () => {
      const text = readmeOutput();
      assert.match(text, new RegExp(`^Unit: ${UNIT}\\.$`, 'm'));
      assert.match(text, /^Agreement by code: 3 annotators \(jd, mk, rs\), 2 articles, 5486 code points$/m);
      assert.match(text, /^Codes compared: strength, weakness, wsoa, improvement, recommendation, quote, response\.$/m);
      assert.match(text, /^Span matching: one-to-one: exact matches .* first; then pairs with the same label whose ranges intersect, greedily by largest overlap/m);
      assert.match(text, /^Pooling: corpus figures are pooled: .*not a mean of per-article figures/m);
      assert.match(text, /^n\/a: undefined/m);
      assert.equal(json.unit, UNIT);
      assert.deepEqual(json.labels, ['strength', 'weakness', 'wsoa', 'improvement', 'recommendation', 'quote', 'response']);
      assert.match(json.matching, /greedily by largest overlap/);
      assert.equal(json.corpus!.length, 5486);
      assert.deepEqual(json.articles.map((article) => [article.length, article.reports.map((report) => report.annotator)]), [[2682, ['jd', 'mk', 'rs']], [2804, ['jd', 'mk', 'rs']]]);
    });

    it('gives the headline figures of the README\'s tables', () => {
      const all = json.corpus!.labels.at(-1)!;
      const four = (value: number | null) => value!.toFixed(4);
      assert.match(README, new RegExp(`\\| Fleiss' kappa, character units \\| ${four(all.fleissKappa)} \\|`));
      assert.match(README, new RegExp(`\\| Krippendorff's alpha, character units \\| ${four(all.krippendorffAlpha)} \\|`));
      assert.match(README, new RegExp(`\\| Krippendorff's alpha_U \\| ${four(all.unitizingAlpha)} \\|`));
      for (const pair of json.corpus!.pairs) {
        const row = pair.labels.at(-1)!;
        const cells = [row.cohenKappa, row.unitizingAlpha, row.exact.f1, row.overlap.f1].map(four).join(' \\| ');
        assert.match(README, new RegExp(`\\| ${pair.first} / ${pair.second} \\| ${cells} \\|`), `${pair.first} / ${pair.second}`);
      }
    });

    it('writes CSV: one record per scope, annotators and code, each with its unit, length and matching rule; n/a where undefined', async () => {
      const run = await runCli(['agree', 'samples/agreement', '--format', 'csv'], repoRoot());
      assert.equal(run.code, 0, run.stderr);
      const lines = run.stdout.split('\r\n');
      assert.equal(lines.at(-1), '');
      const header = lines[0].split(',');
      assert.deepEqual(header.slice(0, 11), ['scope', 'text_sha256', 'reports', 'level', 'annotators', 'by', 'label', 'unit', 'length', 'articles', 'spans']);
      // The corpus and two articles; per scope 8 labels for the group and for each of 3 pairs.
      assert.equal(lines.length - 2, 3 * 8 * 4);
      assert.ok(lines.slice(1, -1).every((line) => line.includes(`,${UNIT},`) && line.endsWith(',"one-to-one; exact first, then same label by largest overlap and earliest start, then other labels"')));
      assert.match(run.stdout, /^article,21638745d55c[0-9a-f]+,[^,]+,group,jd mk rs,code,recommendation,Unicode code points of the clean text,2682,1,0 0 0,n\/a,,,n\/a,n\/a,/m);
    });

    it('compares themes with --by theme', async () => {
      const run = await runCli(['agree', 'samples/agreement', '--by', 'theme', '--format', 'json'], repoRoot());
      assert.equal(run.code, 0, run.stderr);
      const themes = JSON.parse(run.stdout) as AgreementFigures;
      assert.equal(themes.by, 'theme');
      assert.ok(themes.labels.includes('leadership') && themes.labels.includes('outcomes'));
      assert.ok(!themes.labels.includes('weakness'));
      const text = await runCli(['agree', 'samples/agreement', '--by', 'theme'], repoRoot());
      assert.match(text.stdout, /^Themes compared: /m);
      assert.match(text.stdout, /^\(all themes\) /m);
    });
  });

  describe('the disagreement list', () => {
    let dir: TempDir;
    beforeEach(() => {
      dir = new TempDir();
      copyAgreementSamples(dir);
    });
    afterEach(() => dir.remove());

    it('writes one JSON line per disputed passage, and nothing else beside it', async () => {
      const run = await runCli(['agree', 'agreement', '--disagreements', 'out/list.jsonl'], dir.path).catch((error: Error) => ({ code: -1, stdout: '', stderr: error.message }));
      // The folder must exist: like --out, the list is written beside nothing new.
      assert.equal(run.code, 2, run.stderr);
      fs.mkdirSync(path.join(dir.path, 'out'));
      const ok = await runCli(['agree', 'agreement', '--disagreements', 'out/list.jsonl'], dir.path);
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stderr, /^Wrote 13 disagreements as JSONL to out\/list\.jsonl\n$/);
      assert.deepEqual(dir.list('out'), ['list.jsonl']);
      const rows = dir.read('out/list.jsonl').trimEnd().split('\n').map((line) => JSON.parse(line) as { kind: string; start: number; end: number; text: string; coded: Array<{ annotator: string }> });
      assert.equal(rows.length, 13);
      assert.deepEqual([...new Set(rows.map((row) => row.kind))].sort(), ['attribute', 'boundary', 'code', 'missing', 'theme']);
      for (const row of rows) {
        assert.ok(row.end > row.start && row.text.length > 0);
        assert.deepEqual(row.coded.map((entry) => entry.annotator), ['jd', 'mk', 'rs']);
      }
      const missing = rows.find((row) => row.text === 'The effectiveness of safeguarding arrangements were not routinely evaluated')!;
      assert.equal(missing.kind, 'missing');
    });

    it('writes CSV by extension, and refuses other extensions and the reports themselves (exit 2, nothing written)', async () => {
      const csv = await runCli(['agree', 'agreement', '--disagreements', 'list.csv'], dir.path);
      assert.equal(csv.code, 0, csv.stderr);
      assert.match(dir.read('list.csv'), /^text_sha256,article,start,end,kind,codes,text,jd,mk,rs\r\n/);
      const other = await runCli(['agree', 'agreement', '--disagreements', 'list.txt'], dir.path);
      assert.equal(other.code, 2);
      assert.match(other.stderr, /list\.txt: --disagreements writes \.jsonl or \.csv files/);
      assert.equal(other.stdout, '', 'no figures printed when the options are wrong');
      assert.equal(dir.exists('list.txt'), false);
      const before = dir.read('agreement/hartlepool-2017.jd.report.md');
      fs.renameSync(path.join(dir.path, 'agreement', 'hartlepool-2017.jd.report.md'), path.join(dir.path, 'agreement', 'hartlepool-2017.jd.report.csv'));
      const self = await runCli(['agree', 'agreement', 'agreement/hartlepool-2017.jd.report.csv', '--disagreements', 'agreement/hartlepool-2017.jd.report.csv'], dir.path);
      assert.equal(self.code, 2, self.stderr);
      assert.equal(dir.read('agreement/hartlepool-2017.jd.report.csv'), before);
    });
  });

  describe('exit codes', () => {
    let dir: TempDir;
    beforeEach(() => {
      dir = new TempDir();
      copyAgreementSamples(dir);
    });
    afterEach(() => dir.remove());

    it('exits 1, naming both files and the first differing code point, when copies of one source have different texts', () => {
      const file = 'agreement/hartlepool-2017.mk.report.md';
      dir.write(file, dir.read(file).replace('Hartlepool Civic Centre.', 'Hartlepool Civic Centre, pictured.'));
      const run = runBin(['agree', 'agreement'], dir.path);
      assert.equal(run.code, 1, run.stderr);
      const jd = dir.read('agreement/hartlepool-2017.jd.report.md');
      const clean = jd.slice(jd.indexOf('\n---\n') + 5).replace(/\]\{[^}]*\}/g, '').replace(/\[/g, '');
      const position = [...clean.slice(0, clean.indexOf('Hartlepool Civic Centre.') + 'Hartlepool Civic Centre'.length)].length;
      assert.match(run.stderr, new RegExp(`^findings: agreement/hartlepool-2017\\.mk\\.report\\.md: agreement/hartlepool-2017\\.jd\\.report\\.md names the same area and publication date but its article text differs from this one from code point ${position} on`, 'm'));
      assert.match(run.stderr, /^findings: agreement\/hartlepool-2017\.jd\.report\.md: agreement\/hartlepool-2017\.mk\.report\.md names the same area/m);
      // The figures of what can be compared are still printed: the other article, and jd and rs on this one.
      assert.match(run.stdout, /^Same source, other text \(not compared with each other\): agreement\/hartlepool-2017\.jd\.report\.md, agreement\/hartlepool-2017\.mk\.report\.md, agreement\/hartlepool-2017\.rs\.report\.md\.$/m);
      assert.match(run.stdout, /^Corpus, pooled over 2 articles/m);
    });

    it('exits 2 when no article has two annotators\' copies', () => {
      const run = runBin(['agree', 'agreement/middlesbrough.jd.report.md', 'agreement/hartlepool-2017.jd.report.md'], dir.path);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^findings: no article has two annotators' copies: reports are copies of one article when their clean texts have the same SHA-256 \(2 articles in 2 reports\)$/m);
    });

    it('exits 2 for an unknown --by or --format', async () => {
      const by = await runCli(['agree', 'agreement', '--by', 'span'], dir.path);
      assert.equal(by.code, 2);
      assert.equal(by.stderr, "findings: unknown way to compare 'span' (use code, theme)\n");
      const format = await runCli(['agree', 'agreement', '--format', 'sarif'], dir.path);
      assert.equal(format.code, 2);
      assert.match(format.stderr, /unknown format 'sarif' \(use text, json, csv\)/);
    });
  });
});
