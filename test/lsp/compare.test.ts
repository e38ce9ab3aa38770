// "Compare Annotations" over LSP: `findings/compare` gives every copy of a
// report's article with its passages as the reader draws them (UTF-16
// offsets, source ranges), each with its status, and the article's figures
// exactly as `findings agree` prints them for those copies; it follows edits
// of open copies, leaves out a reference report, and answers null where
// there is nothing to compare.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { CompareRequest, type CompareResult } from '../../protocol';
import { runCli } from '../helpers/cli';
import { TempDir } from '../helpers/tempDir';
import { LspClient, repoPath, uriOf } from './lspClient';

const MIDDLESBROUGH = ['jd', 'mk', 'rs'].map((annotator) => `agreement/middlesbrough.${annotator}.report.md`);

/** The source text a range of a file covers (lines and UTF-16 characters). */
function sourceText(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

describe('lsp: findings/compare', function () {
  this.timeout(60_000);
  let client: LspClient;
  let dir: TempDir;
  const uri = (path: string) => uriOf(`${dir.path}/${path}`);

  before(async () => {
    dir = new TempDir('findings-lsp-compare-');
    for (const name of fs.readdirSync(repoPath('samples', 'agreement')).filter((file) => file.endsWith('.report.md'))) {
      dir.write(`agreement/${name}`, fs.readFileSync(repoPath('samples', 'agreement', name), 'utf8'));
    }
    dir.write('single.report.md', fs.readFileSync(repoPath('samples', 'darlington.report.md'), 'utf8'));
    client = await LspClient.start({ folders: [dir.path] });
  });
  after(async () => {
    await client?.stop();
    dir.remove();
  });

  it('gives every copy of the article with its passages, their statuses and source ranges', async () => {
    const result = await client.request(CompareRequest, { uri: uri(MIDDLESBROUGH[1]) });
    assert.ok(result);
    assert.deepEqual(result.copies.map((copy) => [copy.annotator, copy.path, copy.uri]), MIDDLESBROUGH.map((path, i) => [['jd', 'mk', 'rs'][i], path, uri(path)]));
    assert.equal(result.current, 1);
    assert.equal(result.length, 2804);
    assert.equal([...result.cleanText].length, result.length);
    assert.deepEqual(result.copies.map((copy) => copy.counts), [
      { agreed: 14, boundary: 2, code: 2, 'one-sided': 2 },
      { agreed: 14, boundary: 2, code: 2, 'one-sided': 1 },
      { agreed: 14, boundary: 2, code: 2, 'one-sided': 1 },
    ]);
    for (const copy of result.copies) {
      const text = fs.readFileSync(`${dir.path}/${copy.path}`, 'utf8');
      assert.equal(copy.passages.length, (text.match(/\]\{/g) ?? []).length, copy.path);
      for (const passage of copy.passages) {
        assert.equal(passage.versus.length, 2);
        assert.ok(passage.versus.every((other) => other.annotator !== copy.annotator));
        // A passage with nothing nested in it: its source text is its clean text (UTF-16 offsets).
        if (!copy.passages.some((other) => other.parent === passage.index)) assert.equal(sourceText(text, passage.source.text), result.cleanText.slice(passage.start, passage.end));
      }
    }
    // rs leaves out the local offer weakness the others coded.
    const jd = result.copies[0];
    const localOffer = jd.passages.find((passage) => result.cleanText.slice(passage.start, passage.end).startsWith('the local offer is poor'));
    assert.deepEqual(localOffer && [localOffer.status, localOffer.versus], ['one-sided', [{ annotator: 'mk', status: 'agreed' }, { annotator: 'rs', status: 'one-sided' }]]);
    // The legend: the codebook's codes, counted over the copies.
    assert.equal(result.codes.find((code) => code.name === 'recommendation')?.passages, 3);
  });

  it('gives the article\'s figures exactly as `findings agree` prints them for these copies', async () => {
    const result = await client.request(CompareRequest, { uri: uri(MIDDLESBROUGH[0]) });
    assert.ok(result);
    const cli = await runCli(['agree', ...MIDDLESBROUGH, '--format', 'json'], dir.path);
    assert.equal(cli.code, 0, cli.stderr);
    const printed = JSON.parse(cli.stdout) as { unit: string; labels: string[]; matching: string; articles: unknown[] };
    assert.deepEqual(JSON.parse(JSON.stringify(result.figures.article)), printed.articles[0]);
    assert.deepEqual(result.figures.labels, printed.labels);
    assert.equal(result.figures.unit, printed.unit);
    assert.equal(result.figures.matching, printed.matching);
  });

  it('follows an open copy\'s edits, and leaves out a reference report', async () => {
    const mk = uri(MIDDLESBROUGH[1]);
    const text = fs.readFileSync(`${dir.path}/${MIDDLESBROUGH[1]}`, 'utf8');
    // mk's weakness on the reforms loses its theme: now the three agree on it.
    const edited = text.replace(/(\[Reforms were not implemented effectively[^\]]*\]\{\.weakness) theme=monitoring/, '$1 theme=leadership');
    assert.notEqual(edited, text, 'the sample changed: find mk\'s reforms weakness again');
    const before = (await client.request(CompareRequest, { uri: mk }))!;
    await client.open(mk, edited, 1);
    const result = (await client.request(CompareRequest, { uri: mk })) as CompareResult;
    assert.equal(result.copies[1].counts.code, before.copies[1].counts.code - 1);
    assert.equal(result.copies[1].counts.agreed, before.copies[1].counts.agreed + 1);
    await client.close(mk);

    const reference = fs.readFileSync(`${dir.path}/${MIDDLESBROUGH[0]}`, 'utf8').replace(/^annotator: jd$/m, 'annotator: adjudicated');
    await client.open(uri('agreement/middlesbrough.reference.report.md'), reference, 1);
    const fromReference = await client.request(CompareRequest, { uri: uri('agreement/middlesbrough.reference.report.md') });
    assert.ok(fromReference);
    assert.deepEqual(fromReference.copies.map((copy) => copy.annotator), ['jd', 'mk', 'rs']);
    assert.equal(fromReference.current, null);
  });

  it('answers null for a report with no other copy and for a file that is not a report', async () => {
    assert.equal(await client.request(CompareRequest, { uri: uri('single.report.md') }), null);
    assert.equal(await client.request(CompareRequest, { uri: uri('gone.report.md') }), null);
  });
});
