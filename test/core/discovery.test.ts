import { strict as assert } from 'node:assert';
import { CODEBOOK_FILE, codebookFileName, decodeUtf8, findDataset, MissingInputError, NotUtf8Error, scanFolder } from '../../core';
import { isWalkedReport, SKIPPED_FOLDERS } from '../../core/workspace/datasetFilter';
import { UnreadableInputError } from '../../core/workspace/discovery';
import { MemoryFileSystem } from '../helpers/memoryFileSystem';

const REPORT = '---\narea: Darlington\n---\nText.\n';

/** A study folder with every case the walk must decide. */
function study(): MemoryFileSystem {
  return new MemoryFileSystem({
    '/study/a.report.md': REPORT,
    '/study/deep/er/b.report.md': REPORT,
    '/study/deep/l.report.md': REPORT,
    '/study/.hidden/c.report.md': REPORT,
    '/study/.d.report.md': REPORT,
    '/study/node_modules/e.report.md': REPORT,
    '/study/deep/dist/f.report.md': REPORT,
    '/study/out/g.report.md': REPORT,
    '/study/x/.git/h.report.md': REPORT,
    '/study/i.report.md.bak': REPORT,
    '/study/j.REPORT.md': REPORT,
    '/study/skipped/k.report.md': REPORT,
    '/study/.findingsignore': 'skipped/\n',
    '/study/deep/.findingsignore': '/l.report.md\n',
    '/study/.hidden/.findingsignore': '*\n',
    '/study/linked': { link: '/study/deep' },
    '/study/link.report.md': { link: '/study/a.report.md' },
    '/study/empty/': '',
    '/study/pipe.report.md': { special: 'fifo' },
    '/study/deep/socket.report.md': { special: 'socket' },
    '/elsewhere/m.report.md': REPORT,
  });
}

describe('core/workspace discovery', () => {
  describe('scanFolder', () => {
    it('finds regular *.report.md files, leaving out hidden, dependency and build folders, links and special files, in path order', async () => {
      const scan = await scanFolder(study(), '/study');
      assert.deepEqual(scan.reports, ['a.report.md', 'deep/er/b.report.md', 'deep/l.report.md', 'skipped/k.report.md']);
    });

    it('reads the .findingsignore files outside hidden folders, and keeps in the dataset what they do not list', async () => {
      const scan = await scanFolder(study(), '/study');
      assert.deepEqual(scan.ignoreFiles, [{ dir: '', text: 'skipped/\n' }, { dir: 'deep', text: '/l.report.md\n' }]);
      assert.deepEqual(scan.reports.filter(scan.inDataset), ['a.report.md', 'deep/er/b.report.md']);
    });

    it('agrees with isWalkedReport on every path a walk could meet', async () => {
      const fs = study();
      const scan = await scanFolder(fs, '/study');
      for (const path of ['a.report.md', 'deep/er/b.report.md', '.hidden/c.report.md', '.d.report.md', 'node_modules/e.report.md', 'deep/dist/f.report.md', 'out/g.report.md', 'x/.git/h.report.md', 'i.report.md.bak']) {
        assert.equal(isWalkedReport(path), scan.reports.includes(path), path);
      }
      assert.deepEqual([...SKIPPED_FOLDERS].sort(), ['dist', 'node_modules', 'out']);
    });

    it('never reads a report, only ignore files', async () => {
      const fs = study();
      await scanFolder(fs, '/study/');
      assert.deepEqual(fs.reads.sort(), ['/study/.findingsignore', '/study/deep/.findingsignore']);
    });

    it('fails on a folder that is not there', async () => {
      await assert.rejects(scanFolder(study(), '/nowhere'), { code: 'ENOENT' });
    });

    it('lists, never opens, a .findingsignore that is a FIFO or a device (a link is left alone, as links are)', async () => {
      const fs = new MemoryFileSystem({
        '/s/a.report.md': REPORT,
        '/s/.findingsignore': 'a.report.md\n',
        '/s/x/.findingsignore': { special: 'fifo' },
        '/s/b/.findingsignore': { special: 'character device' },
        '/s/l/.findingsignore': { link: '/s/.findingsignore' },
      });
      const scan = await scanFolder(fs, '/s');
      assert.deepEqual(scan.specialIgnoreFiles, [{ path: 'b/.findingsignore', kind: 'character device' }, { path: 'x/.findingsignore', kind: 'fifo' }]);
      assert.deepEqual(fs.reads, ['/s/.findingsignore']);
    });
  });

  describe('findDataset', () => {
    const input = (given: string, path: string, shown: string) => ({ given, path, shown });

    it('shows a folder\'s reports below its shown path, and the working directory\'s without prefix', async () => {
      const named = await findDataset(study(), [input('deep', '/study/deep', 'deep')]);
      // Named on its own, deep/ applies only its own ignore file.
      assert.deepEqual(named, [{ path: 'deep/er/b.report.md', file: '/study/deep/er/b.report.md' }]);
      const here = await findDataset(study(), [input('.', '/study', '')]);
      assert.deepEqual(here.map((file) => file.path), ['a.report.md', 'deep/er/b.report.md']);
    });

    it('always includes a file named outright, ignored or not, and de-duplicates in path order', async () => {
      const files = await findDataset(study(), [
        input('skipped/k.report.md', '/study/skipped/k.report.md', 'skipped/k.report.md'),
        input('.', '/study', ''),
        input('a.report.md', '/study/a.report.md', 'a.report.md'),
        input('../elsewhere', '/elsewhere', '../elsewhere'),
      ]);
      assert.deepEqual(files.map((file) => file.path), ['../elsewhere/m.report.md', 'a.report.md', 'deep/er/b.report.md', 'skipped/k.report.md']);
    });

    it('follows a link named outright (only the walk leaves links alone)', async () => {
      const files = await findDataset(study(), [input('linked', '/study/linked', 'linked')]);
      assert.deepEqual(files.map((file) => file.path), ['linked/er/b.report.md']);
    });

    it('names what does not exist', async () => {
      await assert.rejects(findDataset(study(), [input('nope', '/study/nope', 'nope')]), (error: unknown) => error instanceof MissingInputError && error.message === 'nope: no such file or folder');
    });

    it('keeps a special file named outright, marked as such and never read; the walk leaves it out', async () => {
      const fs = study();
      const files = await findDataset(fs, [input('pipe.report.md', '/study/pipe.report.md', 'pipe.report.md'), input('deep', '/study/deep', 'deep')]);
      assert.deepEqual(files, [
        { path: 'deep/er/b.report.md', file: '/study/deep/er/b.report.md' },
        { path: 'pipe.report.md', file: '/study/pipe.report.md', special: 'fifo' },
      ]);
      assert.ok(!fs.reads.some((read) => read.endsWith('pipe.report.md') || read.endsWith('socket.report.md')), fs.reads.join(', '));
    });

    it('refuses a folder whose .findingsignore is not a regular file, by its shown path: its dataset is unknown', async () => {
      const fs = new MemoryFileSystem({ '/s/sub/a.report.md': REPORT, '/s/sub/.findingsignore': { special: 'fifo' } });
      await assert.rejects(findDataset(fs, [input('s', '/s', 's')]), (error: unknown) => error instanceof UnreadableInputError && error.message === 's/sub/.findingsignore: not a regular file (a FIFO)');
      await assert.rejects(findDataset(fs, [input('.', '/s', '')]), { message: 'sub/.findingsignore: not a regular file (a FIFO)' });
      assert.deepEqual(fs.reads, []);
    });

    it('gives an empty dataset for an empty folder', async () => {
      assert.deepEqual(await findDataset(study(), [input('empty', '/study/empty', 'empty')]), []);
    });
  });

  describe('codebook file', () => {
    it('is codebook.yaml unless a path is configured', () => {
      assert.equal(CODEBOOK_FILE, 'codebook.yaml');
      assert.equal(codebookFileName(undefined), 'codebook.yaml');
      assert.equal(codebookFileName('  '), 'codebook.yaml');
      assert.equal(codebookFileName(' config/study.yaml '), 'config/study.yaml');
    });
  });

  describe('decodeUtf8', () => {
    it('drops a byte order mark and keeps everything else', () => {
      assert.equal(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a])), 'a\r\n');
      assert.equal(decodeUtf8(new TextEncoder().encode('caf\u00e9 \uFFFD')), 'caf\u00e9 \uFFFD', 'a real U+FFFD is text');
    });

    it('names the first byte of the sequence that is not UTF-8', () => {
      const cases: Array<[number[], number]> = [
        [[0x61, 0x62, 0xe9, 0x20, 0x63], 2],
        [[0x61, 0xc3, 0xa9, 0xff, 0x62], 3],
        [[0x61, 0x62, 0x63, 0xe2, 0x82], 3],
        [[0xe2, 0x82, 0xac, 0x80], 3],
        [[0x61, 0xed, 0xa0, 0x80], 1],
      ];
      for (const [bytes, offset] of cases) {
        assert.throws(() => decodeUtf8(new Uint8Array(bytes)), (error: unknown) => error instanceof NotUtf8Error && error.byte === offset, bytes.join(' '));
      }
    });
  });
});
