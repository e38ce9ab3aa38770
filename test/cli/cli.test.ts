import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { countCorpus, countDocument, defaultCodebook, LineIndex, RULE_IDS, type CorpusCounts, type Diagnostic } from '../../core';
import { SOURCE_MISMATCH_RULES } from '../../core/validate/sourceMismatchRule';
import { parseReport } from '../../core/document/parseReport';
import { documentRecord } from '../../core/export/findingRecords';
import { serializeFindings } from '../../core/export/serializers';
import { validateReport } from '../../core/validate/validateReport';
import { copySamples, runBin, runCli } from '../helpers/cli';
import { csvObjects } from '../helpers/csv';
import { readRepoFile, repoPath } from '../helpers/repo';
import { TempDir } from '../helpers/tempDir';

/** Runs the built CLI, reads its first chunk of output, then closes the pipe as `| head -c 100` does. */
function firstBytesOfBin(argv: readonly string[], cwd: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [repoPath('bin', 'findings.js'), ...argv], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

interface Checked {
  readonly path: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly diagnostics: Diagnostic[];
}

/** What the CLI should find, computed in-process from the files in `dir`. */
function expectedChecks(dir: TempDir, files: readonly string[]): Checked[] {
  return [...files].sort().map((file) => {
    const text = dir.read(file);
    return { path: file, text, lines: new LineIndex(text), diagnostics: validateReport(parseReport(text), defaultCodebook()) };
  });
}

const TEXT_LINE = /^([^:]+):(\d+):(\d+): (error|warning|information) ([a-z-]+): (.+)$/;

describe('cli: findings', function () {
  this.timeout(60_000);
  let dir: TempDir;
  let samples: string[];
  let broken: string[];

  beforeEach(() => {
    dir = new TempDir();
    ({ samples, broken } = copySamples(dir));
  });

  afterEach(() => {
    dir.remove();
  });

  describe('check', () => {
    it('exits 0 on the samples with a summary line', async () => {
      const run = await runCli(['check', 'samples'], dir.path);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, `${samples.length} reports checked: 0 errors, 0 warnings.\n`);
      assert.equal(run.stderr, '');
    });

    it('exits 1 on the broken samples, one `path:line:col: severity rule: message` line per diagnostic', async () => {
      const run = await runCli(['check', 'broken'], dir.path);
      assert.equal(run.code, 1);
      const expected = expectedChecks(dir, broken);
      const lines = run.stdout.trimEnd().split('\n');
      const summary = lines.pop()!;
      const wanted = expected.flatMap((file) => file.diagnostics.map((d) => {
        const at = file.lines.position(d.range.start);
        return `${file.path}:${at.line + 1}:${at.character + 1}: ${d.severity} ${d.rule}: ${d.message}`;
      }));
      assert.deepEqual(lines, wanted);
      for (const line of lines) assert.match(line, TEXT_LINE);
      const errors = wanted.filter((line) => TEXT_LINE.exec(line)![4] === 'error').length;
      const information = wanted.filter((line) => TEXT_LINE.exec(line)![4] === 'information').length;
      const warnings = wanted.length - errors - information;
      const withProblems = expected.filter((file) => file.diagnostics.length > 0).length;
      assert.ok(information > 0, 'the broken samples fire an information-level rule too');
      assert.equal(summary, `${errors} errors, ${warnings} warnings, ${information} information in ${withProblems} of ${broken.length} reports checked.`);
      const rules = new Set(lines.map((line) => TEXT_LINE.exec(line)![5]));
      // The corpus rule is the editor's (`findings agree` reports the same mismatches).
      assert.deepEqual(RULE_IDS.filter((id) => !id.startsWith('codebook-') && !(id in SOURCE_MISMATCH_RULES) && !rules.has(id)), []);
    });

    it('reports only errors with --quiet', async () => {
      const run = await runCli(['check', 'broken', '--quiet'], dir.path);
      assert.equal(run.code, 1);
      const lines = run.stdout.trimEnd().split('\n').slice(0, -1);
      assert.ok(lines.length > 0);
      for (const line of lines) assert.equal(TEXT_LINE.exec(line)![4], 'error', line);
    });

    it('checks the working directory by default, skipping folders listed in .findingsignore', async () => {
      const all = await runCli(['check'], dir.path);
      assert.equal(all.code, 1, 'broken/ is checked when not ignored');
      dir.write('.findingsignore', 'broken/\n');
      const ignored = await runCli(['check'], dir.path);
      assert.equal(ignored.code, 0, ignored.stdout);
      assert.match(ignored.stdout, new RegExp(`${samples.length} reports checked: 0 errors, 0 warnings`));
      const named = await runCli(['check', 'broken'], dir.path);
      assert.equal(named.code, 1, 'a folder named on the command line is scanned whole');
    });

    it('scans folders for regular *.report.md files, leaving out hidden, dependency and build folders and links', async () => {
      const report = dir.read(samples[0]);
      for (const file of ['tree/a.report.md', 'tree/deep/er/b.report.md', 'tree/.hidden/c.report.md', 'tree/.d.report.md', 'tree/node_modules/e.report.md',
        'tree/deep/dist/f.report.md', 'tree/out/g.report.md', 'tree/x/.git/h.report.md', 'tree/i.report.md.bak', 'tree/j.REPORT.md', 'tree/skipped/k.report.md', 'tree/deep/l.report.md']) {
        dir.write(file, report);
      }
      dir.write('tree/.findingsignore', 'skipped/\n');
      dir.write('tree/deep/.findingsignore', '/l.report.md\n');
      dir.write('tree/.hidden/.findingsignore', '*\n');
      fs.symlinkSync(path.join(dir.path, 'tree', 'deep'), path.join(dir.path, 'tree', 'linked'));
      fs.symlinkSync(path.join(dir.path, 'tree', 'a.report.md'), path.join(dir.path, 'tree', 'link.report.md'));
      const run = await runCli(['check', 'tree', '--format', 'json'], dir.path);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual((JSON.parse(run.stdout) as Array<{ path: string }>).map((file) => file.path), ['tree/a.report.md', 'tree/deep/er/b.report.md']);
      const inside = await runCli(['check', '.', '--format', 'json'], path.join(dir.path, 'tree', 'deep'));
      assert.deepEqual((JSON.parse(inside.stdout) as Array<{ path: string }>).map((file) => file.path), ['er/b.report.md']);
      const above = await runCli(['check', '../tree/deep', '--format', 'json'], path.join(dir.path, 'samples'));
      assert.deepEqual((JSON.parse(above.stdout) as Array<{ path: string }>).map((file) => file.path), ['../tree/deep/er/b.report.md']);
    });

    it('checks single files and de-duplicates repeated inputs', async () => {
      const run = await runCli(['check', samples[0], samples[0], 'samples'], dir.path);
      assert.equal(run.code, 0);
      assert.match(run.stdout, new RegExp(`${samples.length} reports checked: 0 errors, 0 warnings`));
    });

    it('writes --format json: every file with diagnostics in 0-based line/character ranges', async () => {
      const run = await runCli(['check', 'broken', '--format', 'json'], dir.path);
      assert.equal(run.code, 1);
      const files = JSON.parse(run.stdout) as Array<{ path: string; diagnostics: Array<{ rule: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; fixes: unknown[] }> }>;
      const expected = expectedChecks(dir, broken);
      assert.deepEqual(files.map((f) => f.path), expected.map((f) => f.path));
      files.forEach((file, i) => {
        const want = expected[i];
        assert.equal(file.diagnostics.length, want.diagnostics.length);
        file.diagnostics.forEach((d, j) => {
          const source = want.diagnostics[j];
          assert.equal(d.rule, source.rule);
          assert.equal(d.severity, source.severity);
          assert.deepEqual(d.range, { start: want.lines.position(source.range.start), end: want.lines.position(source.range.end) });
          assert.equal(d.fixes.length, source.fixes.length);
        });
      });
      // 0-based: the field-missing diagnostic on the opening `---` is at line 0, character 0.
      const fields = files.find((f) => f.path.endsWith('fields.report.md'))!;
      assert.deepEqual(fields.diagnostics.find((d) => d.rule === 'field-missing')!.range.start, { line: 0, character: 0 });
    });

    it('writes --format sarif: SARIF 2.1.0 with rules, ruleId and 1-based locations', async () => {
      const run = await runCli(['check', 'broken', '--format', 'sarif'], dir.path);
      assert.equal(run.code, 1);
      const log = JSON.parse(run.stdout);
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif-2\.1\.0/);
      assert.equal(log.runs.length, 1);
      const [sarifRun] = log.runs;
      assert.equal(sarifRun.tool.driver.name, 'findings');
      assert.deepEqual(sarifRun.tool.driver.rules.map((r: { id: string }) => r.id), RULE_IDS);
      const expected = expectedChecks(dir, broken);
      const wanted = expected.flatMap((file) => file.diagnostics.map((d) => ({ file, d })));
      assert.equal(sarifRun.results.length, wanted.length);
      sarifRun.results.forEach((result: any, i: number) => {
        const { file, d } = wanted[i];
        assert.equal(result.ruleId, d.rule);
        assert.equal(sarifRun.tool.driver.rules[result.ruleIndex].id, d.rule);
        assert.equal(result.level, { error: 'error', warning: 'warning', information: 'note' }[d.severity]);
        assert.equal(result.message.text, d.message);
        const location = result.locations[0].physicalLocation;
        assert.equal(location.artifactLocation.uri, file.path);
        const start = file.lines.position(d.range.start);
        const end = file.lines.position(d.range.end);
        assert.deepEqual(location.region, { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 });
      });
    });

    it('writes --format github: workflow commands with file, line and column', async () => {
      const run = await runCli(['check', 'broken', '--format', 'github'], dir.path);
      assert.equal(run.code, 1);
      const lines = run.stdout.trimEnd().split('\n');
      const expected = expectedChecks(dir, broken);
      const wanted = expected.flatMap((file) => file.diagnostics.map((d) => ({ file, d })));
      assert.equal(lines.length, wanted.length);
      lines.forEach((line, i) => {
        const { file, d } = wanted[i];
        const start = file.lines.position(d.range.start);
        const command = { error: 'error', warning: 'warning', information: 'notice' }[d.severity];
        assert.ok(line.startsWith(`::${command} file=${file.path},line=${start.line + 1},col=${start.character + 1},`), line);
        assert.match(line, new RegExp(`,title=findings ${d.rule}::`));
        assert.ok(!line.slice(2).includes('\n'));
      });
      assert.ok(lines.some((line) => line.startsWith('::error file=broken/')));
    });

    it('writes nothing for --format github on clean reports', async () => {
      const run = await runCli(['check', 'samples', '--format', 'github'], dir.path);
      assert.equal(run.code, 0);
      assert.equal(run.stdout, '');
    });
  });

  describe('could not run (exit 2)', () => {
    it('exits 2 on a missing path', async () => {
      const run = await runCli(['check', 'nowhere'], dir.path);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'findings: nowhere: no such file or folder\n');
      assert.equal(run.stdout, '');
    });

    it('exits 2 on a file that is not UTF-8, with a one-line message naming the byte', async () => {
      dir.write('samples/latin1.report.md', Buffer.concat([Buffer.from('---\narea: Darlington\n---\nCaf'), Buffer.from([0xe9]), Buffer.from(' text\n')]));
      const run = await runCli(['check', 'samples'], dir.path);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, `findings: samples/latin1.report.md: not UTF-8 text (byte ${'---\narea: Darlington\n---\nCaf'.length}); save it as UTF-8\n`);
      assert.match(run.stdout, new RegExp(`${samples.length} reports checked: 0 errors, 0 warnings`), 'the readable reports are still checked');
      const exported = await runCli(['export', 'samples'], dir.path);
      assert.equal(exported.code, 2);
      assert.equal(exported.stdout, '');
    });

    it('names the first byte of the sequence that is not UTF-8', async () => {
      const cases: Array<[string, Buffer, number]> = [
        ['latin1-e-acute', Buffer.from([0x61, 0x62, 0xe9, 0x20, 0x63]), 2],
        ['never-valid', Buffer.from([0x61, 0xc3, 0xa9, 0xff, 0x62]), 3],
        ['cut-short-at-end', Buffer.from([0x61, 0x62, 0x63, 0xe2, 0x82]), 3],
        ['stray-continuation', Buffer.from([0xe2, 0x82, 0xac, 0x80]), 3],
        ['surrogate', Buffer.from([0x61, 0xed, 0xa0, 0x80]), 1],
      ];
      for (const [name, bytes, offset] of cases) {
        dir.write(`enc/${name}.report.md`, bytes);
        const run = await runCli(['check', `enc/${name}.report.md`], dir.path);
        assert.equal(run.code, 2, name);
        assert.equal(run.stderr, `findings: enc/${name}.report.md: not UTF-8 text (byte ${offset}); save it as UTF-8\n`, name);
      }
    });

    it('exits 2 on an invalid --codebook, printing its diagnostics', async () => {
      dir.write('bad.yaml', 'codes:\n  barrier:\n    label: Barrier\n    colour: red\n');
      const run = await runCli(['check', 'samples', '--codebook', 'bad.yaml'], dir.path);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      const lines = run.stderr.trimEnd().split('\n');
      assert.equal(lines[0], 'findings: bad.yaml: invalid codebook (2 problems)');
      assert.deepEqual(lines.slice(1, 3).sort(), [
        'bad.yaml:2:3: error codebook-schema: `codes.barrier` needs `description`.',
        'bad.yaml:4:5: error codebook-schema: `codes.barrier` has an unknown property `colour`.',
      ]);
      // No summary of reports (none was checked), which would count the codebook as a report.
      assert.deepEqual(lines.slice(3), ['No reports checked: fix the codebook first.']);
      assert.doesNotMatch(run.stderr, /reports? checked\./);
    });

    it('exits 2 on a codebook that is not valid YAML, and on a missing --codebook', async () => {
      dir.write('broken.yaml', 'codes: [\n');
      const yaml = await runCli(['check', 'samples', '--codebook', 'broken.yaml'], dir.path);
      assert.equal(yaml.code, 2);
      assert.match(yaml.stderr, /^findings: broken\.yaml: invalid codebook \(1 problem\)\nbroken\.yaml:\d+:\d+: error codebook-yaml: YAML: /);
      const missing = await runCli(['check', 'samples', '--codebook', 'none.yaml'], dir.path);
      assert.equal(missing.code, 2);
      assert.equal(missing.stderr, 'findings: none.yaml: no such codebook\n');
    });

    it('exits 2 on an unknown command, format or option', async () => {
      const command = await runCli(['frobnicate'], dir.path);
      assert.equal(command.code, 2);
      assert.equal(command.stderr, "findings: unknown command 'frobnicate' (use check, export, stats or agree; see --help)\n");
      const checkFormat = await runCli(['check', 'samples', '--format', 'xml'], dir.path);
      assert.equal(checkFormat.code, 2);
      assert.equal(checkFormat.stderr, "findings: unknown format 'xml' (use text, json, sarif, github)\n");
      const exportFormat = await runCli(['export', 'samples', '--format', 'sarif'], dir.path);
      assert.equal(exportFormat.code, 2);
      assert.match(exportFormat.stderr, /unknown format 'sarif' \(use jsonl, csv, json\)/);
      const statsFormat = await runCli(['stats', 'samples', '--format', 'csv'], dir.path);
      assert.equal(statsFormat.code, 2);
      const option = await runCli(['check', '--frob'], dir.path);
      assert.equal(option.code, 2);
      assert.match(option.stderr, /^findings: .*--frob/);
    });

    it('prints usage: to stderr with exit 2 without a command, to stdout with --help', async () => {
      const none = await runCli([], dir.path);
      assert.equal(none.code, 2);
      assert.match(none.stderr, /^Usage: findings <command>/);
      const help = await runCli(['--help'], dir.path);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage: findings <command>/);
      assert.match(help.stdout, /Exit codes: 0 no errors, 1 errors found/);
      const version = await runCli(['--version'], dir.path);
      assert.equal(version.code, 0);
      assert.match(version.stdout, /^\d+\.\d+\.\d+\S*\n$/);
    });
  });

  describe('codebook selection', () => {
    it('uses ./codebook.yaml from the working directory', async () => {
      dir.write('extra/a.report.md', '---\narea: Darlington\nframework: "2016"\ninspection_type: full\noutcome: no_wsoa\nannotator: t\nstatus: draft\n---\n[no bus]{.barrier}\n');
      const without = await runCli(['check', 'extra'], dir.path);
      assert.equal(without.code, 1);
      assert.match(without.stdout, /code-unknown/);
      dir.write('codebook.yaml', 'codes:\n  barrier: { description: A barrier. }\n');
      const withCodebook = await runCli(['check', 'extra'], dir.path);
      assert.equal(withCodebook.code, 0, withCodebook.stdout);
    });
  });

  describe('export', () => {
    it('refuses with exit 1 while reports have errors, listing the errors', async () => {
      const run = await runCli(['export', 'broken'], dir.path);
      assert.equal(run.code, 1);
      assert.equal(run.stdout, '');
      const lines = run.stderr.trimEnd().split('\n');
      const failing = expectedChecks(dir, broken).filter((file) => file.diagnostics.some((d) => d.severity === 'error'));
      assert.equal(lines[0], `findings: not exporting: ${failing.length} reports have errors (use --allow-errors to export anyway)`);
      const listed = lines.slice(1, -1);
      assert.equal(listed.length, failing.reduce((n, file) => n + file.diagnostics.filter((d) => d.severity === 'error').length, 0));
      for (const line of listed) assert.equal(TEXT_LINE.exec(line)?.[4], 'error', line);
    });

    it('exports anyway with --allow-errors', async () => {
      const run = await runCli(['export', 'broken', '--allow-errors'], dir.path);
      assert.equal(run.code, 0, run.stderr);
      const rows = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { path: string });
      assert.ok(rows.length > 0);
      assert.ok(rows.every((row) => row.path.startsWith('broken/')));
    });

    it('writes JSONL to stdout equal to the core export of the same files', async () => {
      const run = await runCli(['export', 'samples'], dir.path);
      assert.equal(run.code, 0, run.stderr);
      const records = samples.map((file) => documentRecord(file, parseReport(dir.read(file)), defaultCodebook()));
      assert.equal(run.stdout, serializeFindings('jsonl', records, defaultCodebook()));
      assert.equal(run.stderr, '');
    });

    it('writes --out atomically, choosing the format from the extension, leaving no temp files', async () => {
      fs.mkdirSync(path.join(dir.path, 'data'));
      for (const [file, format] of [['data/out.jsonl', 'JSONL'], ['data/out.csv', 'CSV'], ['data/out.json', 'JSON']] as const) {
        const run = await runCli(['export', 'samples', '--out', file], dir.path);
        assert.equal(run.code, 0, run.stderr);
        assert.equal(run.stdout, '');
        assert.match(run.stderr, new RegExp(`^Exported \\d+ findings from ${samples.length} reports as ${format} to ${file.replace('.', '\\.')}\\n$`));
      }
      assert.deepEqual(dir.list('data'), ['out.csv', 'out.json', 'out.jsonl']);
      assert.equal(JSON.parse(dir.read('data/out.json')).format, 'inspection-findings');
      assert.ok(csvObjects(dir.read('data/out.csv')).length > 0);
      assert.equal(dir.read('data/out.jsonl').split('\n').length - 1, csvObjects(dir.read('data/out.csv')).length);
    });

    it('lets --format override the extension', async () => {
      const run = await runCli(['export', 'samples', '--out', 'out.txt', '--format', 'csv'], dir.path);
      assert.equal(run.code, 0);
      assert.ok(dir.read('out.txt').startsWith('path,index,id,'));
      const fallback = await runCli(['export', 'samples', '--out', 'out.data'], dir.path);
      assert.equal(fallback.code, 0);
      assert.equal(typeof JSON.parse(dir.read('out.data').split('\n')[0]), 'object', 'JSONL by default');
    });

    it('leaves an existing target untouched when the export is refused', async () => {
      dir.write('data/out.jsonl', 'previous export\n');
      const before = fs.statSync(path.join(dir.path, 'data', 'out.jsonl')).mtimeMs;
      const run = await runCli(['export', 'broken', '--out', 'data/out.jsonl'], dir.path);
      assert.equal(run.code, 1);
      assert.equal(dir.read('data/out.jsonl'), 'previous export\n');
      assert.equal(fs.statSync(path.join(dir.path, 'data', 'out.jsonl')).mtimeMs, before);
      assert.deepEqual(dir.list('data'), ['out.jsonl']);
    });

    it('writes nothing, and leaves no temporary file, when a report cannot be read', async () => {
      dir.write('data/out.csv', 'previous export\n');
      dir.write('samples/latin1.report.md', Buffer.from('---\narea: Darlington\n---\nCaf\xe9\n', 'latin1'));
      for (const out of [['--out', 'data/out.csv'], []]) {
        const run = await runCli(['export', 'samples', '--format', 'csv', ...out], dir.path);
        assert.equal(run.code, 2);
        assert.equal(run.stdout, '');
        assert.match(run.stderr, /latin1\.report\.md: not UTF-8 text/);
      }
      assert.equal(dir.read('data/out.csv'), 'previous export\n');
      assert.deepEqual(dir.list('data'), ['out.csv']);
    });

    it('replaces an existing target whole when the export succeeds', async () => {
      dir.write('data/out.jsonl', 'previous export\n');
      const run = await runCli(['export', 'samples', '--out', 'data/out.jsonl'], dir.path);
      assert.equal(run.code, 0);
      assert.ok(!dir.read('data/out.jsonl').includes('previous export'));
      assert.deepEqual(dir.list('data'), ['out.jsonl']);
    });

    it('exits 2 with a one-line message when --out cannot be written', async () => {
      const run = await runCli(['export', 'samples', '--out', 'missing/folder/out.jsonl'], dir.path);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^findings: missing\/folder\/out\.jsonl: cannot write the export \(ENOENT\)\n$/);
      assert.equal(dir.exists('missing'), false);
    });

    for (const format of ['jsonl', 'csv', 'json'] as const) {
      it(`gives byte-identical ${format} files on two runs`, async () => {
        const first = await runCli(['export', 'samples', '--out', `one.${format}`], dir.path);
        const second = await runCli(['export', './samples/', '--out', `two.${format}`], dir.path);
        assert.equal(first.code, 0);
        assert.equal(second.code, 0);
        const one = dir.readBytes(`one.${format}`);
        assert.ok(one.length > 1000);
        assert.equal(Buffer.compare(one, dir.readBytes(`two.${format}`)), 0);
      });
    }
  });

  describe('stats', () => {
    const expectedCounts = (): CorpusCounts => countCorpus(samples.map((file) => countDocument(file, parseReport(dir.read(file)), defaultCodebook())));

    it('writes --format json equal to the core counts', async () => {
      const run = await runCli(['stats', 'samples', '--format', 'json'], dir.path);
      assert.equal(run.code, 0);
      const counts = JSON.parse(run.stdout) as CorpusCounts;
      assert.deepEqual(counts, JSON.parse(JSON.stringify(expectedCounts())));
      assert.equal(counts.documents, samples.length);
      assert.deepEqual(counts.perDocument.map((d) => d.path), samples);
    });

    it('writes text tables: themes by code, then reports by code', async () => {
      const run = await runCli(['stats', 'samples'], dir.path);
      assert.equal(run.code, 0);
      const counts = expectedCounts();
      assert.ok(run.stdout.startsWith(`Spans by theme and code (${samples.length} reports, ${counts.spans} spans)\n\n`));
      assert.match(run.stdout, /\nSpans by report and code\n\n/);
      const lines = run.stdout.split('\n');
      const header = lines[2].split(/\s+/);
      assert.equal(header[0], 'theme');
      assert.equal(header[header.length - 1], 'total');
      const allSpans = lines.find((line) => line.startsWith('all spans'))!.split(/\s+/);
      assert.equal(allSpans[allSpans.length - 1], String(counts.spans));
      for (const file of samples) {
        const row = lines.find((line) => line.startsWith(`${file} `))!.trim().split(/\s+/);
        assert.equal(row[row.length - 1], String(counts.perDocument.find((d) => d.path === file)!.spans));
      }
      const health = lines.find((line) => line.startsWith('health '))!.trim().split(/\s+/);
      assert.equal(health[health.length - 1], String(counts.byTheme.health));
    });

    it('counts broken reports too (exit 0)', async () => {
      const run = await runCli(['stats', 'broken', '--format', 'json'], dir.path);
      assert.equal(run.code, 0);
      assert.equal((JSON.parse(run.stdout) as CorpusCounts).documents, broken.length);
    });
  });

  describe('the built bin/findings.js', () => {
    it('exits 0, 1 and 2 like the in-process CLI', () => {
      const ok = runBin(['check', 'samples'], dir.path);
      assert.equal(ok.code, 0, ok.stderr);
      assert.equal(ok.stdout, `${samples.length} reports checked: 0 errors, 0 warnings.\n`);
      const errors = runBin(['check', 'broken', '--format', 'github'], dir.path);
      assert.equal(errors.code, 1);
      assert.match(errors.stdout, /^::(error|warning) file=broken\//);
      const missing = runBin(['check', 'nowhere'], dir.path);
      assert.equal(missing.code, 2);
      assert.equal(missing.stderr, 'findings: nowhere: no such file or folder\n');
    });

    it('writes the same export bytes as the in-process CLI', async () => {
      const child = runBin(['export', 'samples', '--out', 'child.csv'], dir.path);
      assert.equal(child.code, 0, child.stderr);
      const inProcess = await runCli(['export', 'samples', '--format', 'csv'], dir.path);
      assert.equal(dir.read('child.csv'), inProcess.stdout);
      assert.deepEqual(dir.list().filter((name) => name.startsWith('child')), ['child.csv']);
    });

    it('exits quietly when the reader closes the pipe early (`| head`), with the command\'s own status', async () => {
      // More output than a pipe holds, so writing fails once the reader has gone.
      for (let copy = 0; copy < 20; copy++) for (const file of broken) dir.write(`many/${copy}/${path.basename(file)}`, dir.read(file));
      const exported = await firstBytesOfBin(['export', 'samples', '--format', 'jsonl'], dir.path);
      assert.equal(exported.stderr, '');
      assert.equal(exported.code, 0);
      assert.equal(exported.signal, null);
      const checked = await firstBytesOfBin(['check', 'many', '--format', 'json'], dir.path);
      assert.equal(checked.stderr, '');
      assert.equal(checked.code, 1, 'errors found: the status stays 1');
      assert.equal(checked.signal, null);
    });

    it('prints the package version', () => {
      const run = runBin(['--version'], dir.path);
      assert.equal(run.code, 0);
      const version = (JSON.parse(readRepoFile('package.json')) as { version: string }).version;
      assert.equal(run.stdout, `${version}\n`);
    });
  });
});
