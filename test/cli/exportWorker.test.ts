import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultCodebook, writeExport } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { main } from '../../cli/main';
import { SLOT_BYTES } from '../../cli/exportWorker/protocol';
import { copySamples, runBin } from '../helpers/cli';
import { repoPath } from '../helpers/repo';
import { TempDir } from '../helpers/tempDir';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateCorpus } = require(repoPath('bench', 'generateCorpus.js')) as { generateCorpus: (root: string, count: number, samples: string) => { bytes: number } };

/** Runs the CLI in-process with the given export worker script. */
async function runWith(worker: string, argv: readonly string[], cwd: string) {
  let stderr = '';
  const code = await main(argv, cwd, { out: () => undefined, err: (text) => { stderr += text; } }, { exportWorker: worker });
  return { code, stderr };
}

describe('cli: the export worker', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
    copySamples(dir);
  });
  afterEach(() => dir.remove());

  it('streams an export of many slots (with syncs along the way) to the same bytes as the core engine', async function () {
    this.timeout(60_000);
    // About 40 MB of JSONL: more than the 32 slots after which the file is synced in the background.
    generateCorpus(path.join(dir.path, 'corpus'), 2000, repoPath('samples'));
    const run = runBin(['export', 'corpus', '--out', 'out.jsonl'], dir.path);
    assert.equal(run.code, 0, run.stderr);
    const written = dir.readBytes('out.jsonl');
    assert.ok(written.length > 33 * SLOT_BYTES, `${written.length} bytes`);

    const files = fs.readdirSync(path.join(dir.path, 'corpus'), { recursive: true }).map(String).filter((name) => name.endsWith('.report.md')).sort();
    const chunks: string[] = [];
    const reports = files.map((name) => ({ path: `corpus/${name.split(path.sep).join('/')}`, document: parseReport(dir.read(path.join('corpus', name))) }));
    await writeExport(reports, defaultCodebook(), 'jsonl', { write: (chunk) => void chunks.push(chunk) });
    assert.ok(written.equals(Buffer.from(chunks.join(''), 'utf8')), 'same bytes as the core engine');
    assert.deepEqual(dir.list().filter((name) => name.endsWith('.tmp')), []);
  });

  for (const [what, script, message] of [
    ['throws', 'throw new Error("worker broke");', /internal error: .*worker broke/],
    ['exits early', 'process.exit(3);', /internal error: .*export worker stopped before the end \(exit code 3\)/],
  ] as const) {
    it(`fails with exit 2, the target untouched and no temporary file, when the worker ${what}`, async () => {
      const worker = dir.write('broken-worker.js', script);
      dir.write('out.jsonl', 'previous\n');
      const run = await runWith(worker, ['export', 'samples', '--out', 'out.jsonl'], dir.path);
      assert.equal(run.code, 2);
      assert.match(run.stderr, message);
      assert.equal(dir.read('out.jsonl'), 'previous\n');
      assert.deepEqual(dir.list().filter((name) => name.endsWith('.tmp')), []);
    });
  }
});
