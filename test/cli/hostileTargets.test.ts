import { strict as assert } from 'node:assert';
import { spawn, type StdioOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { copySamples, runBin, runCli } from '../helpers/cli';
import { repoPath } from '../helpers/repo';
import { identity, makeCharacterDevice, makeFifo } from '../helpers/specialFiles';
import { TempDir } from '../helpers/tempDir';

interface ChildRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** Runs the built CLI with its standard output as given (a file descriptor, a pipe closed at once); stderr is captured. */
function runBinWithStdout(argv: readonly string[], cwd: string, stdout: number | 'closed pipe'): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const stdio: StdioOptions = ['ignore', stdout === 'closed pipe' ? 'pipe' : stdout, 'pipe'];
    const child = spawn(process.execPath, [repoPath('bin', 'findings.js'), ...argv], { cwd, stdio, timeout: 30_000 });
    // Closed before the child can write anything (it takes tens of milliseconds to start).
    if (stdout === 'closed pipe') child.stdout!.destroy();
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

const temporaryFiles = (folder: string): string[] => fs.readdirSync(folder).filter((name) => name.endsWith('.tmp'));

describe('cli: special files, hostile output targets, failing standard output', function () {
  this.timeout(60_000);
  let dir: TempDir;
  let samples: string[];

  beforeEach(() => {
    dir = new TempDir();
    ({ samples } = copySamples(dir));
  });

  afterEach(() => {
    dir.remove();
  });

  describe('reading: what is not a regular file is refused by name, never opened (exit 2)', () => {
    it('a FIFO report named on the command line: one line, the other files still checked, no hang', function () {
      const fifo = makeFifo(dir.path, 'samples/pipe.report.md');
      if (fifo === undefined) this.skip();
      const before = identity(fifo);
      const run = runBin(['check', 'samples/pipe.report.md', ...samples], dir.path);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'findings: samples/pipe.report.md: not a regular file (a FIFO)\n');
      assert.equal(run.stdout, `${samples.length} reports checked: 0 errors, 0 warnings.\n`);
      assert.equal(identity(fifo), before);
      // The walk tells it apart from its folder listing and leaves it out, as before.
      const walked = runBin(['check', 'samples'], dir.path);
      assert.equal(walked.code, 0, walked.stderr);
      assert.equal(walked.stdout, `${samples.length} reports checked: 0 errors, 0 warnings.\n`);
      // Nothing is exported while a named input cannot be read.
      const exported = runBin(['export', 'samples', 'samples/pipe.report.md', '--out', 'out.jsonl'], dir.path);
      assert.equal(exported.code, 2);
      assert.equal(exported.stderr, 'findings: samples/pipe.report.md: not a regular file (a FIFO)\n');
      assert.equal(dir.exists('out.jsonl'), false);
      assert.deepEqual(temporaryFiles(dir.path), []);
    });

    it('a device or a socket named as a report, and a link to one', async function () {
      const device = makeCharacterDevice(dir.path, 'null.report.md', 1, 3);
      if (device === undefined) this.skip();
      fs.symlinkSync('null.report.md', path.join(dir.path, 'link.report.md'));
      const server = net.createServer();
      await new Promise<void>((resolve) => server.listen(path.join(dir.path, 'socket.report.md'), resolve));
      try {
        const run = runBin(['check', 'null.report.md', 'link.report.md', 'socket.report.md', 'samples'], dir.path);
        assert.equal(run.code, 2);
        assert.deepEqual(run.stderr.split('\n'), [
          'findings: link.report.md: not a regular file (a character device)',
          'findings: null.report.md: not a regular file (a character device)',
          'findings: socket.report.md: not a regular file (a socket)',
          '',
        ]);
        assert.equal(run.stdout, `${samples.length} reports checked: 0 errors, 0 warnings.\n`);
      } finally {
        server.close();
      }
    });

    it('a codebook that is a FIFO, named by --codebook or found as ./codebook.yaml', function () {
      if (makeFifo(dir.path, 'book.yaml') === undefined || makeFifo(dir.path, 'codebook.yaml') === undefined) this.skip();
      const named = runBin(['check', 'samples', '--codebook', 'book.yaml'], dir.path);
      assert.equal(named.code, 2);
      assert.equal(named.stderr, 'findings: book.yaml: not a regular file (a FIFO)\n');
      assert.equal(named.stdout, '');
      const found = runBin(['check', 'samples'], dir.path);
      assert.equal(found.code, 2);
      assert.equal(found.stderr, 'findings: codebook.yaml: not a regular file (a FIFO)\n');
    });

    it('a .findingsignore that is a FIFO: the folder\'s dataset is unknown, so nothing is checked or exported', function () {
      if (makeFifo(dir.path, 'samples/.findingsignore') === undefined) this.skip();
      for (const command of ['check', 'export', 'stats']) {
        const run = runBin([command, 'samples'], dir.path);
        assert.equal(run.code, 2, command);
        assert.equal(run.stderr, 'findings: samples/.findingsignore: not a regular file (a FIFO)\n', command);
        assert.equal(run.stdout, '', command);
      }
    });

    it('a folder that cannot be walked (a link that loops) is one line, not a stack trace', async () => {
      fs.symlinkSync('loop', path.join(dir.path, 'loop'));
      const run = await runCli(['check', 'loop'], dir.path);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'findings: loop: cannot read (ELOOP)\n');
    });
  });

  describe('export --out writes only regular files (exit 2, the target untouched)', () => {
    /** Exports to `target` (relative to the folder), which must be refused with `what` and left exactly as it was. */
    function refused(target: string, what: string): void {
      const absolute = path.join(dir.path, target);
      const before = identity(absolute);
      const content = fs.lstatSync(absolute).isFile() ? fs.readFileSync(absolute) : undefined;
      const run = runBin(['export', 'samples', '--out', target], dir.path);
      assert.equal(run.code, 2, target);
      assert.equal(run.stderr, `findings: ${target}: not a regular file (${what}); --out writes only regular files\n`);
      assert.equal(run.stdout, '');
      assert.equal(identity(absolute), before, `${target} is left as it was`);
      if (content) assert.equal(Buffer.compare(fs.readFileSync(absolute), content), 0);
      assert.deepEqual(temporaryFiles(dir.path), []);
    }

    it('refuses to write over one of the reports it reads, named directly or through a link', () => {
      const report = samples[0];
      fs.symlinkSync(path.join(dir.path, report), path.join(dir.path, 'alias.report.md'));
      for (const target of [report, `./${report}`, 'alias.report.md']) {
        const before = fs.readFileSync(path.join(dir.path, report));
        const run = runBin(['export', 'samples', '--out', target], dir.path);
        assert.equal(run.code, 2, target);
        assert.equal(run.stderr, `findings: ${target}: is one of the reports being exported; --out names the file to write the dataset to\n`);
        assert.equal(Buffer.compare(fs.readFileSync(path.join(dir.path, report)), before), 0, `${report} is untouched`);
        assert.ok(fs.lstatSync(path.join(dir.path, 'alias.report.md')).isSymbolicLink());
      }
    });

    it('refuses a folder, and links to a folder or to nothing', () => {
      fs.mkdirSync(path.join(dir.path, 'folder'));
      refused('folder', 'a folder');
      fs.symlinkSync('folder', path.join(dir.path, 'to-folder'));
      refused('to-folder', 'a symbolic link to a folder');
      fs.symlinkSync('nowhere.jsonl', path.join(dir.path, 'dangling.jsonl'));
      refused('dangling.jsonl', 'a symbolic link to nothing');
      assert.equal(dir.exists('nowhere.jsonl'), false);
    });

    it('refuses a FIFO (no hang waiting for a reader) and a link to one', function () {
      if (makeFifo(dir.path, 'out.fifo') === undefined) this.skip();
      refused('out.fifo', 'a FIFO');
      fs.symlinkSync('out.fifo', path.join(dir.path, 'to-fifo.jsonl'));
      refused('to-fifo.jsonl', 'a symbolic link to a FIFO');
    });

    it('refuses a device node (one made here, numbered as /dev/null) and a link to it', function () {
      if (makeCharacterDevice(dir.path, 'null', 1, 3) === undefined) this.skip();
      refused('null', 'a character device');
      fs.symlinkSync('null', path.join(dir.path, 'to-null.csv'));
      refused('to-null.csv', 'a symbolic link to a character device');
    });

    it('writes through a link to a regular file: the file is replaced, the link stays a link', async () => {
      dir.write('exports/real.csv', 'previous export\n');
      fs.symlinkSync(path.join('exports', 'real.csv'), path.join(dir.path, 'latest.csv'));
      const run = runBin(['export', 'samples', '--out', 'latest.csv'], dir.path);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(fs.lstatSync(path.join(dir.path, 'latest.csv')).isSymbolicLink());
      assert.equal(fs.readlinkSync(path.join(dir.path, 'latest.csv')), path.join('exports', 'real.csv'));
      assert.equal(dir.read('exports/real.csv'), (await runCli(['export', 'samples', '--format', 'csv'], dir.path)).stdout);
      assert.deepEqual(dir.list('exports'), ['real.csv']);
      assert.deepEqual(temporaryFiles(dir.path), []);
    });
  });

  describe('standard output', () => {
    it('a full device (ENOSPC) is exit 2 with one line, whatever the command found', async function () {
      const full = makeCharacterDevice(dir.path, 'full', 1, 7);
      if (full === undefined) this.skip();
      for (const argv of [['check', 'samples'], ['check', 'broken'], ['export', 'samples'], ['stats', 'samples', '--format', 'json']]) {
        const fd = fs.openSync(full, 'w');
        try {
          const run = await runBinWithStdout(argv, dir.path, fd);
          assert.equal(run.stderr, 'findings: cannot write to standard output (ENOSPC)\n', argv.join(' '));
          assert.equal(run.code, 2, argv.join(' '));
        } finally {
          fs.closeSync(fd);
        }
      }
    });

    it('a pipe closed before anything could be written is exit 2 with one line, not success', async () => {
      for (const argv of [['check', 'samples'], ['export', 'samples'], ['stats', 'samples']]) {
        const run = await runBinWithStdout(argv, dir.path, 'closed pipe');
        assert.equal(run.stderr, 'findings: standard output is closed: nothing was written (EPIPE)\n', argv.join(' '));
        assert.equal(run.code, 2, argv.join(' '));
        assert.equal(run.signal, null);
      }
      // Nothing to write, nothing lost: `--format github` on clean reports stays 0.
      const quiet = await runBinWithStdout(['check', 'samples', '--format', 'github'], dir.path, 'closed pipe');
      assert.equal(quiet.stderr, '');
      assert.equal(quiet.code, 0);
    });
  });

  describe('temporary files of a killed export', () => {
    it('are left by SIGKILL, then removed by the next export to the same target, which completes', async function () {
      // Enough reports that the export is still running when it is killed (copies of the samples: every one counts).
      for (let copy = 0; copy < 300; copy++) for (const file of samples) dir.write(`corpus/${copy}/${path.basename(file)}`, dir.read(file));
      dir.write('data/findings.jsonl', 'previous export\n');
      const child = spawn(process.execPath, [repoPath('bin', 'findings.js'), 'export', 'corpus', '--copies', 'all', '--out', 'data/findings.jsonl'], { cwd: dir.path, stdio: 'ignore' });
      const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      const folder = path.join(dir.path, 'data');
      // Killed as soon as the temporary file holds part of the export.
      for (const started = Date.now(); ; await new Promise((resolve) => setTimeout(resolve, 2))) {
        const partial = temporaryFiles(folder).some((name) => fs.statSync(path.join(folder, name)).size > 0);
        if (partial) break;
        if (child.exitCode !== null || Date.now() - started > 20_000) {
          child.kill('SIGKILL');
          this.skip();
        }
      }
      child.kill('SIGKILL');
      assert.equal(await ended, 'SIGKILL');
      const left = temporaryFiles(folder);
      assert.equal(left.length, 1);
      assert.match(left[0], /^\.findings\.jsonl\.[0-9a-z]+-[0-9a-z]{8}\.tmp$/);
      assert.equal(dir.read('data/findings.jsonl'), 'previous export\n', 'the target is untouched by the killed export');
      dir.write('data/.findings.jsonl.mine.tmp', 'not an export\'s temporary name: kept\n');

      const again = runBin(['export', 'corpus', '--copies', 'all', '--out', 'data/findings.jsonl'], dir.path);
      assert.equal(again.code, 0, again.stderr);
      assert.deepEqual(dir.list('data'), ['.findings.jsonl.mine.tmp', 'findings.jsonl']);
      assert.equal(dir.read('data/findings.jsonl'), (await runCli(['export', 'corpus', '--copies', 'all'], dir.path)).stdout);
    });
  });
});
