import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { defaultCodebook, EXPORT_FORMATS, writeExport, type ExportableReport, type ExportFormat } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { documentRecord } from '../../core/export/findingRecords';
import { FORMAT_VERSION, serializeFindings } from '../../core/export/serializers';
import { removeStaleTemporaryFiles } from '../../core/export/staleTemporaryFiles';
import { TemporaryFile, writeAtomically } from '../../core/export/temporaryFile';
import { temporaryName, temporaryNameOwner } from '../../core/export/temporaryNames';
import { NotRegularFileError } from '../../core/workspace/fileKinds';
import { parseCsv } from '../helpers/csv';
import { identity, makeCharacterDevice, makeFifo } from '../helpers/specialFiles';
import { buildReport } from '../helpers/report';
import { TempDir } from '../helpers/tempDir';

const codebook = defaultCodebook();
const reports: ExportableReport[] = [
  { path: 'a/first.report.md', document: parseReport(buildReport(' [ leading, "and" trailing ]{.strength theme=health} text\n')) },
  { path: 'b/second.report.md', document: parseReport(buildReport('One [two\r\nlines]{.weakness theme="health outcomes" #w}; [three]{.quote speaker=x}.\r\n', { eol: '\r\n' })) },
  { path: 'b/third.report.md', document: parseReport(buildReport('No spans at all.\n')) },
];

/** Runs the engine into a string, recording each write. */
async function exportText(list: Iterable<ExportableReport> | AsyncIterable<ExportableReport>, format: ExportFormat, isCancelled?: () => boolean) {
  const chunks: string[] = [];
  const totals = await writeExport(list, codebook, format, { write: (chunk) => void chunks.push(chunk) }, isCancelled);
  return { text: chunks.join(''), chunks, totals };
}

describe('core/export writeExport (the one export engine)', () => {
  for (const format of EXPORT_FORMATS) {
    it(`writes ${format} report by report, the same bytes as serializing every record at once`, async () => {
      const records = reports.map((report) => documentRecord(report.path, report.document, codebook));
      const { text, chunks, totals } = await exportText(reports, format);
      assert.equal(text, serializeFindings(format, records, codebook));
      assert.deepEqual(totals, { documents: 3, findings: 3 });
      // No chunk holds more than one report: memory does not grow with the corpus.
      assert.ok(chunks.length >= (format === 'jsonl' ? 2 : 3), `${chunks.length} chunks`);
    });
  }

  it('writes JSON byte for byte as JSON.stringify(corpus, null, 2) does, with 0, 1 and several documents', async () => {
    for (const count of [0, 1, 3]) {
      const list = reports.slice(0, count);
      const documents = list.map((report) => documentRecord(report.path, report.document, codebook));
      const expected = JSON.stringify({ format: 'inspection-findings', version: FORMAT_VERSION, codebook: { name: codebook.name, version: codebook.version }, documents }, null, 2) + '\n';
      assert.equal((await exportText(list, 'json')).text, expected, `${count} documents`);
    }
  });

  it('takes an async iterable and waits for a sink that asks to (backpressure)', async () => {
    async function* slowly() {
      for (const report of reports) {
        await new Promise((resolve) => setImmediate(resolve));
        yield report;
      }
    }
    const events: string[] = [];
    let writing = false;
    const totals = await writeExport(slowly(), codebook, 'csv', {
      write: async (chunk) => {
        assert.ok(!writing, 'a write started before the previous one finished');
        writing = true;
        events.push(chunk);
        await new Promise((resolve) => setTimeout(resolve, 2));
        writing = false;
      },
    });
    assert.deepEqual(totals, { documents: 3, findings: 3 });
    assert.equal(events.join(''), (await exportText(reports, 'csv')).text);
  });

  it('refuses reports out of path order rather than write a different file', async () => {
    await assert.rejects(exportText([...reports].reverse(), 'jsonl'), /path order/);
  });

  it('stops when cancelled, before a report or before the end', async () => {
    assert.equal((await exportText(reports, 'jsonl', () => true)).totals, undefined);
    let asked = 0;
    const { totals, text } = await exportText(reports, 'json', () => ++asked > 2);
    assert.equal(totals, undefined);
    assert.ok(!text.endsWith('}\n'), 'no closing brace once cancelled');
  });

  it('exports an empty corpus: nothing, a header, an empty document list', async () => {
    assert.equal((await exportText([], 'jsonl')).text, '');
    assert.equal(parseCsv((await exportText([], 'csv')).text).length, 1);
    assert.deepEqual(JSON.parse((await exportText([], 'json')).text).documents, []);
  });

  it('quotes CSV cells exactly as csv-stringify (the former writer) does', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ' ', '\t', ',', '"', '\r', '\n', 'é', '\u{1F600}', ';', "'") , maxLength: 8 });
    fc.assert(fc.property(fc.array(cell, { minLength: 1, maxLength: 4 }), (cells) => {
      const document = parseReport(buildReport('[x]{.strength theme=health}\n', { fields: { annotator: JSON.stringify(cells.join('')) } }));
      const record = documentRecord('p.report.md', document, codebook);
      const ours = serializeFindings('csv', [record], codebook).split('\r\n')[0];
      const header = ours.split(',');
      const former = stringify([header], { record_delimiter: 'windows', quoted_match: /^[ \t]|[ \t]$|[\r\n]/ }).split('\r\n')[0];
      assert.equal(ours, former);
      const row = serializeFindings('csv', [record], codebook);
      const annotator = row.slice(row.indexOf('\r\n') + 2);
      const formerRow = stringify(parseCsv(row).slice(1), { record_delimiter: 'windows', quoted_match: /^[ \t]|[ \t]$|[\r\n]/ });
      assert.equal(annotator, formerRow);
    }), { numRuns: 300 });
  });
});

describe('core/export temporary files', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir('findings-temporary-');
  });
  afterEach(() => dir.remove());

  it('replaces the target whole, keeping its permissions, and leaves nothing beside it', async () => {
    const target = dir.write('out.jsonl', 'previous\n');
    fs.chmodSync(target, 0o640);
    const result = await writeAtomically(target, async (file) => {
      for (let i = 0; i < 5000; i++) file.write(`line ${i} \u{1F600}\n`);
      assert.equal(fs.readFileSync(target, 'utf8'), 'previous\n', 'the target is untouched while the export runs');
      return 'done';
    });
    assert.equal(result, 'done');
    const text = fs.readFileSync(target, 'utf8');
    assert.equal(text.split('\n').length, 5001);
    assert.ok(text.startsWith('line 0 \u{1F600}\nline 1 '));
    assert.equal(fs.statSync(target).mode & 0o777, 0o640);
    assert.deepEqual(dir.list(), ['out.jsonl']);
  });

  it('deletes the temporary file when cancelled or failing, leaving the target as it was', async () => {
    const target = dir.write('out.csv', 'previous\n');
    assert.equal(await writeAtomically(target, async (file) => void file.write('partial')), undefined);
    await assert.rejects(writeAtomically(target, async (file) => {
      file.write('partial');
      throw new Error('boom');
    }), /boom/);
    assert.equal(fs.readFileSync(target, 'utf8'), 'previous\n');
    assert.deepEqual(dir.list(), ['out.csv']);
  });

  it('fails before any work when the folder cannot be written', async () => {
    let ran = false;
    await assert.rejects(writeAtomically(path.join(dir.path, 'missing', 'out.json'), async () => (ran = true)), { code: 'ENOENT' });
    assert.equal(ran, false);
  });

  it('keeps writing while a background sync runs, and is whole once renamed', async () => {
    const target = path.join(dir.path, 'out.txt');
    await writeAtomically(target, async (file) => {
      file.write('first ');
      file.syncInBackground();
      file.syncInBackground();
      file.writeBytes(Buffer.from('second ’ ', 'utf8'));
      file.write('third\n');
      return 'done';
    });
    assert.equal(fs.readFileSync(target, 'utf8'), 'first second ’ third\n');
    assert.deepEqual(dir.list(), ['out.txt']);
  });

  it('never writes through an existing file of the temporary name', () => {
    const file = TemporaryFile.create(dir.path, 'x');
    assert.ok(path.basename(file.path).startsWith('.x.') && file.path.endsWith('.tmp'));
    file.remove();
    assert.deepEqual(dir.list(), []);
  });
  describe('targets that are not regular files', () => {
    /** Tries an export to `target`; the export must be refused before it writes anything. */
    async function refused(target: string, what: string): Promise<void> {
      const before = identity(target);
      let ran = false;
      await assert.rejects(writeAtomically(target, async (file) => {
        ran = true;
        file.write('export');
        return 'done';
      }), (error: unknown) => error instanceof NotRegularFileError && error.message === `not a regular file (${what})`);
      assert.equal(ran, false, 'no work done');
      assert.equal(identity(target), before, `${target} left as it was`);
      assert.deepEqual(dir.list().filter((name) => name.endsWith('.tmp')), [], 'no temporary file left');
    }

    it('refuses a FIFO, a device, a folder and links to them or to nothing, leaving each as it was', async function () {
      const fifo = makeFifo(dir.path, 'out.fifo');
      const device = makeCharacterDevice(dir.path, 'null', 1, 3);
      fs.mkdirSync(path.join(dir.path, 'folder'));
      await refused(path.join(dir.path, 'folder'), 'a folder');
      fs.symlinkSync('folder', path.join(dir.path, 'to-folder'));
      await refused(path.join(dir.path, 'to-folder'), 'a symbolic link to a folder');
      fs.symlinkSync('nowhere', path.join(dir.path, 'dangling'));
      await refused(path.join(dir.path, 'dangling'), 'a symbolic link to nothing');
      assert.equal(dir.exists('nowhere'), false);
      if (fifo === undefined || device === undefined) this.skip();
      await refused(fifo, 'a FIFO');
      await refused(device, 'a character device');
      fs.symlinkSync('null', path.join(dir.path, 'to-null'));
      await refused(path.join(dir.path, 'to-null'), 'a symbolic link to a character device');
    });

    it('checks the target again before the rename: one that became a FIFO meanwhile is left alone', async function () {
      const target = dir.write('out.jsonl', 'previous\n');
      let fifo: string | undefined;
      await assert.rejects(writeAtomically(target, async (file) => {
        file.write('export');
        fs.unlinkSync(target);
        fifo = makeFifo(dir.path, 'out.jsonl');
        if (fifo === undefined) fs.mkdirSync(target);
        return 'done';
      }), NotRegularFileError);
      assert.equal(fs.lstatSync(target).isFile(), false);
      assert.deepEqual(dir.list(), ['out.jsonl']);
    });

    it('writes through a symbolic link to a regular file: that file is replaced atomically in its own folder, the link stays', async () => {
      const real = dir.write('data/real.jsonl', 'previous\n');
      fs.chmodSync(real, 0o600);
      const link = path.join(dir.path, 'latest.jsonl');
      fs.symlinkSync(path.join('data', 'real.jsonl'), link);
      let temporaryFolder = '';
      await writeAtomically(link, async (file) => {
        temporaryFolder = path.dirname(file.path);
        file.write('new\n');
        return 'done';
      });
      assert.equal(temporaryFolder, fs.realpathSync(path.join(dir.path, 'data')));
      assert.equal(fs.readlinkSync(link), path.join('data', 'real.jsonl'));
      assert.equal(fs.readFileSync(real, 'utf8'), 'new\n');
      assert.equal(fs.statSync(real).mode & 0o777, 0o600);
      assert.deepEqual(dir.list(), ['data', 'latest.jsonl']);
      assert.deepEqual(dir.list('data'), ['real.jsonl']);
    });
  });

  describe('leftovers of killed exports', () => {
    /** The id of a process that has ended. */
    const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;
    const hourAgo = new Date(Date.now() - 3600_000);
    const old = (relative: string, content = 'partial'): string => {
      const file = dir.write(relative, content);
      fs.utimesSync(file, hourAgo, hourAgo);
      return file;
    };

    it('names temporary files after the target and the writer\'s process, and recognises exactly those names', () => {
      const name = temporaryName('out.jsonl', 12345);
      assert.match(name, /^\.out\.jsonl\.9ix-[0-9a-z]{8}\.tmp$/);
      assert.equal(temporaryNameOwner(name, 'out.jsonl'), 12345);
      assert.notEqual(temporaryName('out.jsonl'), temporaryName('out.jsonl'));
      for (const other of [name.slice(1), `${name}.bak`, name.replace('.tmp', '.TMP'), name.toUpperCase(), '.out.jsonl.9ix.tmp', '.out.jsonl.9ix-abc.tmp', '.out.jsonl.x.9ix-abcdefgh.tmp', '.out.jsonl..tmp']) {
        assert.equal(temporaryNameOwner(other, 'out.jsonl'), undefined, other);
      }
      assert.equal(temporaryNameOwner(name, 'out.json'), undefined, 'another target\'s');
      assert.equal(temporaryNameOwner(temporaryName('out', 7), 'out'), 7);
      assert.equal(temporaryNameOwner(temporaryName('out.x', 7), 'out'), undefined, 'a longer name is another target');
    });

    it('removes only regular files of that exact name, older than this run, whose process has ended', () => {
      const dead = deadPid();
      const stale = old(temporaryName('out.jsonl', dead));
      const kept = [
        old(temporaryName('out.jsonl', process.pid)),
        old(temporaryName('out.json', dead)),
        old(`.out.jsonl.${dead.toString(36)}-abcdefgh.tmp.bak`),
        old('.out.jsonl.notours.tmp'),
        old('out.jsonl', 'the previous export\n'),
        dir.write(temporaryName('out.jsonl', dead), 'written after this run started'),
      ];
      const folder = path.join(dir.path, temporaryName('out.jsonl', dead));
      fs.mkdirSync(folder);
      const link = path.join(dir.path, temporaryName('out.jsonl', dead));
      fs.symlinkSync('out.jsonl', link);
      removeStaleTemporaryFiles(dir.path, 'out.jsonl');
      assert.equal(fs.existsSync(stale), false);
      for (const file of [...kept, folder, link]) assert.ok(fs.existsSync(file), file);
      removeStaleTemporaryFiles(path.join(dir.path, 'missing'), 'out.jsonl');
    });

    it('clears them when the next temporary file for the same target is made', async () => {
      const stale = old(temporaryName('out.csv', deadPid()));
      const target = dir.write('out.csv', 'previous\n');
      await writeAtomically(target, async (file) => {
        assert.equal(fs.existsSync(stale), false);
        file.write('new\n');
        return 'done';
      });
      assert.deepEqual(dir.list(), ['out.csv']);
    });
  });
});
