// `findings check` and the article's fingerprint: an edited article fails the
// check (exit 1) under text-fingerprint, on the recorded value, or on the
// line that changed when the report names its source file; the source is
// read only for a mismatch.
import { strict as assert } from 'node:assert';
import { copySamples, runBin, runCli } from '../helpers/cli';
import { readRepoFile } from '../helpers/repo';
import { TempDir } from '../helpers/tempDir';

const ORIGINAL = 'looked at how providers across Darlington';
const EDITED = 'looked at how the providers across Darlington';
const SEED = readRepoFile('test', 'fixtures', 'seeds', '003_567efeca54de0dd7.txt');

/** 1-based line of the first occurrence of `needle`. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('cli: findings check and the article fingerprint', function () {
  this.timeout(60_000);
  let dir: TempDir;

  beforeEach(() => {
    dir = new TempDir();
    copySamples(dir);
  });
  afterEach(() => dir.remove());

  it('passes the samples as committed: each records its own fingerprint', async () => {
    const run = await runCli(['check', 'samples'], dir.path);
    assert.equal(run.code, 0, run.stdout);
    for (const name of ['darlington', 'hartlepool-2017', 'middlesbrough', 'north-somerset-2018', 'stoke-on-trent']) {
      assert.match(dir.read(`samples/${name}.report.md`), /^text_sha256: "[0-9a-f]{64}"$/m, name);
    }
  });

  it('fails (exit 1) when a word of a sample\'s article is edited, naming the rule and the fingerprint\'s line', () => {
    const text = dir.read('samples/darlington.report.md');
    dir.write('samples/darlington.report.md', text.replace(ORIGINAL, EDITED));
    const run = runBin(['check', 'samples'], dir.path);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const line = lineOf(text, 'text_sha256:');
    assert.match(run.stdout, new RegExp(`^samples/darlington\\.report\\.md:${line}:14: error text-fingerprint: The article text no longer matches its fingerprint`, 'm'));
    assert.match(run.stdout, /1 error, 0 warnings in 1 of 5 reports checked\./);
  });

  it('names the line that changed, and its line in the source, when the report names its source file', () => {
    dir.write('articles/darlington.txt', SEED);
    const text = dir.read('samples/darlington.report.md').replace('  publisher: The Northern Echo\n', '  publisher: The Northern Echo\n  file: ../articles/darlington.txt\n');
    dir.write('samples/darlington.report.md', text);
    assert.equal(runBin(['check', 'samples'], dir.path).code, 0, 'a source file is no problem while the text matches');
    dir.write('samples/darlington.report.md', text.replace(ORIGINAL, EDITED));
    const run = runBin(['check', 'samples/darlington.report.md', '--format', 'json'], dir.path);
    assert.equal(run.code, 1, run.stderr);
    const [file] = JSON.parse(run.stdout) as Array<{ diagnostics: Array<{ rule: string; message: string; range: { start: { line: number; character: number } } }> }>;
    assert.deepEqual(file.diagnostics.map((d) => [d.rule, d.range.start.line + 1, d.range.start.character, d.message]), [
      ['text-fingerprint', lineOf(text, ORIGINAL), 0, `The article text no longer matches its fingerprint (\`text_sha256\`): this line differs from line ${lineOf(SEED, ORIGINAL)} of the source (../articles/darlington.txt).`],
    ]);
  });

  it('keeps the mismatch on the fingerprint when the source cannot be read, and is not stopped by it', () => {
    const text = dir.read('samples/darlington.report.md');
    const named = text.replace('  publisher: The Northern Echo\n', '  publisher: The Northern Echo\n  file: missing.txt\n');
    dir.write('samples/darlington.report.md', named);
    assert.equal(runBin(['check', 'samples'], dir.path).code, 0, 'a missing source is read only for a mismatch');
    dir.write('samples/darlington.report.md', named.replace(ORIGINAL, EDITED));
    const run = runBin(['check', 'samples'], dir.path);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, new RegExp(`^samples/darlington\\.report\\.md:${lineOf(named, 'text_sha256:')}:14: error text-fingerprint: `, 'm'));
  });

  it('refuses to export an edited article', async () => {
    dir.write('samples/darlington.report.md', dir.read('samples/darlington.report.md').replace(ORIGINAL, EDITED));
    const run = await runCli(['export', 'samples', '--out', 'out.jsonl'], dir.path);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /text-fingerprint/);
    assert.equal(dir.exists('out.jsonl'), false);
  });
});
