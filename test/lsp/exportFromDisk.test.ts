/**
 * `findings/exportCheck` and `findings/export` with `fromDisk`: open reports
 * (and an open codebook) with unsaved edits are read from their files, so the
 * export is byte for byte what `findings export` writes from them; the check
 * counts the files' errors and names the documents whose text differs.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExportCheckRequest, ExportRequest, type ExportCheckResult, type FindingsExportFormat } from '../../protocol/export';
import { TempDir } from '../helpers/tempDir';
import { LspClient, repoPath, uriOf } from './lspClient';

const FORMATS: readonly FindingsExportFormat[] = ['jsonl', 'csv', 'json'];

/** `findings export <args>` run in `cwd`: its stdout. */
function cliExport(cwd: string, ...args: string[]): string {
  const result = spawnSync(process.execPath, [repoPath('bin', 'findings.js'), 'export', ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, `findings export ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

describe('lsp: export from disk', function () {
  this.timeout(60_000);
  let dir: TempDir;
  let out: TempDir;
  let client: LspClient;
  let darlington: string;
  let middlesbrough: string;
  let codebook: string;
  const saved = fs.readFileSync(repoPath('samples', 'darlington.report.md'), 'utf8');
  const codebookOnDisk = 'extends: send\nname: my-study\nversion: "2"\n';
  // Edits never saved: a new finding, and an error.
  const edited = saved.replace('\n---\n', '\n---\n[Unsaved]{.weakness theme=health} [edit]{.weaknes theme=health} ');

  before(async () => {
    dir = new TempDir('findings-from-disk-');
    out = new TempDir('findings-from-disk-out-');
    darlington = uriOf(dir.write('darlington.report.md', saved));
    const middlesbroughText = fs.readFileSync(repoPath('samples', 'middlesbrough.report.md'), 'utf8');
    middlesbrough = uriOf(dir.write('middlesbrough.report.md', middlesbroughText));
    codebook = uriOf(dir.write('codebook.yaml', codebookOnDisk));
    client = await LspClient.start({ folders: [dir.path], trusted: true });
    await client.request(ExportCheckRequest, { scope: { kind: 'workspace' } });
    await client.open(darlington, edited);
    // Open and unchanged: nothing to save.
    await client.open(middlesbrough, middlesbroughText);
    await client.notify('textDocument/didOpen', { textDocument: { uri: codebook, languageId: 'yaml', version: 1, text: codebookOnDisk.replace('"2"', '"3"') } });
  });
  after(async () => {
    await client.stop();
    dir.remove();
    out.remove();
  });

  const exported = async (format: FindingsExportFormat, fromDisk: boolean): Promise<string> => {
    const target = path.join(out.path, `findings-${fromDisk}.${format}`);
    await client.request(ExportRequest, { scope: { kind: 'workspace' }, format, target: uriOf(target), fromDisk });
    return fs.readFileSync(target, 'utf8');
  };

  it('counts the errors of the files and names the documents that differ from them', async () => {
    const fromEditor = await client.request<ExportCheckResult>(ExportCheckRequest, { scope: { kind: 'workspace' } });
    assert.deepEqual({ ...fromEditor, errors: fromEditor.errors > 0 }, { reports: 2, reportsWithErrors: 1, errors: true }, 'the editor\'s text has the error');
    const fromDisk = await client.request<ExportCheckResult>(ExportCheckRequest, { scope: { kind: 'workspace' }, fromDisk: true });
    assert.deepEqual({ ...fromDisk, unsaved: [...fromDisk.unsaved!].sort() }, { reports: 2, reportsWithErrors: 0, errors: 0, unsaved: [codebook, darlington].sort() });
  });

  for (const format of FORMATS) {
    it(`writes as ${format} what \`findings export .\` writes from the files, not the editors' unsaved text`, async () => {
      const expected = cliExport(dir.path, '.', '--format', format);
      assert.equal(await exported(format, true), expected);
      assert.notEqual(await exported(format, false), expected, 'the editors\' text differs');
    });
  }

  it('writes a single report from its file too', async () => {
    const target = path.join(out.path, 'one.jsonl');
    await client.request(ExportRequest, { scope: { kind: 'document', uri: darlington }, format: 'jsonl', target: uriOf(target), fromDisk: true });
    assert.equal(fs.readFileSync(target, 'utf8'), cliExport(dir.path, 'darlington.report.md', '--format', 'jsonl'));
  });

  it('refuses to export from disk an open report whose file is gone', async () => {
    const gone = uriOf(dir.write('gone.report.md', saved));
    await client.open(gone, saved);
    fs.rmSync(path.join(dir.path, 'gone.report.md'));
    const target = path.join(out.path, 'gone.jsonl');
    await assert.rejects(client.request(ExportRequest, { scope: { kind: 'document', uri: gone }, format: 'jsonl', target: uriOf(target), fromDisk: true }), /no file on disk: save it first/);
    assert.ok(!fs.existsSync(target));
    await client.close(gone);
  });
});
