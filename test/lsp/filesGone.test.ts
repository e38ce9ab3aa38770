/**
 * A report deleted, renamed or moved on disk leaves nothing behind: its
 * problems are cleared, pulled or pushed, however the client came to hold
 * them, and the server watches what it needs to hear of it.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentDiagnosticReport, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { SummaryRequest, type FindingsScope } from '../../protocol';
import { TempDir } from '../helpers/tempDir';
import { listFindings } from './findingsPages';
import { LspClient, repoPath, uriOf } from './lspClient';

const CREATED = 1;
const DELETED = 3;
const broken = fs.readFileSync(repoPath('samples', 'broken', 'spans.report.md'), 'utf8');

/** What the client shows for a URI after a workspace pull: its problems, or undefined when the pull says nothing of it. */
function itemFor(report: WorkspaceDiagnosticReport, uri: string): WorkspaceDocumentDiagnosticReport | undefined {
  return report.items.find((item) => item.uri === uri);
}

describe('lsp: reports that go from disk', function () {
  this.timeout(60_000);
  let dir: TempDir;

  beforeEach(() => {
    dir = new TempDir('findings-gone-');
  });
  afterEach(() => dir.remove());

  it('registers file watchers for reports, ignore files, the codebook and every deletion', async () => {
    const client = await LspClient.start({ folders: [dir.path] });
    try {
      const registration = await client.until(() => client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'), 'the file watchers');
      const watchers = (registration.registerOptions as { watchers: Array<{ globPattern: string; kind?: number }> }).watchers;
      assert.deepEqual(watchers.map((w) => w.globPattern), ['**/*.report.md', '**/.findingsignore', '**/codebook.yaml', '**/*']);
      assert.equal(watchers[3].kind, 4, 'deletions only: a deleted folder is reported for the folder alone');
    } finally {
      await client.stop();
    }
  });

  it('pull: an open report deleted on disk, then closed, is cleared though the client no longer names it', async () => {
    const file = dir.write('gone.report.md', broken);
    const uri = uriOf(file);
    const client = await LspClient.start({ folders: [dir.path], pull: true });
    try {
      await client.open(uri, broken);
      const pulled = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
      assert.ok(pulled.kind === 'full' && pulled.items.length > 0, 'the broken report has problems');
      fs.rmSync(file);
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: DELETED }] });
      // As vscode-languageclient does on close: one last document pull, then the document's result ids are forgotten.
      const last = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: pulled.resultId });
      assert.equal(last.kind, 'unchanged');
      await client.close(uri);
      await client.until(() => (client.refreshes > 0 ? true : undefined), 'a refresh after the report went');
      const report = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
      const item = itemFor(report, uri);
      assert.ok(item && item.kind === 'full' && item.items.length === 0, `the deleted report is cleared: ${JSON.stringify(item)}`);
      const again = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [{ uri, value: item.resultId! }] });
      assert.equal(itemFor(again, uri), undefined, 'and only once');
    } finally {
      await client.stop();
    }
  });

  it('pull: an open report deleted on disk has no problems in the workspace pull (for when its tab closes but the editor keeps it open)', async () => {
    const file = dir.write('lingering.report.md', broken);
    const uri = uriOf(file);
    const client = await LspClient.start({ folders: [dir.path], pull: true });
    try {
      await client.open(uri, broken, 4);
      const first = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
      const open = itemFor(first, uri);
      assert.ok(open && open.kind === 'full' && open.items.length > 0 && open.version === 4, 'an open report is reported for its version');
      fs.rmSync(file);
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: DELETED }] });
      // The client no longer names it (its tab closed), but the document is still open.
      for (const previousResultIds of [[], [{ uri, value: 'gone' }]]) {
        const report = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds });
        const item = itemFor(report, uri);
        assert.ok(item && item.kind === 'full' && item.items.length === 0, `cleared while open: ${JSON.stringify(item)}`);
      }
      await client.close(uri);
      // didClose is a notification whose handling reads the disk: pull until the server treats the report as closed.
      let closed: WorkspaceDocumentDiagnosticReport | undefined;
      for (let attempt = 0; attempt < 50 && closed?.version !== null; attempt++) {
        closed = itemFor(await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] }), uri);
        assert.ok(closed?.kind === 'full' && closed.items.length === 0, `cleared once more when it closes: ${JSON.stringify(closed)}`);
      }
      assert.equal(closed?.version, null, 'the server sees the report closed');
      const after = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [{ uri, value: 'gone' }] });
      assert.equal(itemFor(after, uri), undefined, 'and then no more');
    } finally {
      await client.stop();
    }
  });

  it('an open report deleted on disk leaves the workspace and folder datasets (what findings export sees)', async () => {
    const valid = fs.readFileSync(repoPath('samples', fs.readdirSync(repoPath('samples')).find((name) => name.endsWith('.report.md'))!), 'utf8');
    dir.write('kept.report.md', valid);
    const file = dir.write('lingering.report.md', valid);
    const uri = uriOf(file);
    // Two copies of one article: count both, as two reports of the dataset.
    const client = await LspClient.start({ folders: [dir.path], settings: { dataset: { copies: 'all' } } });
    try {
      await client.open(uri, valid);
      // The reports a scope counts: as many as its summary says, named by the findings its pages list (each report here has some).
      const paths = async (scope: FindingsScope): Promise<string[]> => {
        const reports = (await client.request(SummaryRequest, { scope })).totals.reports;
        const named = [...new Set((await listFindings(client, scope)).findings.map((finding) => finding.path))];
        assert.equal(named.length, reports);
        return named;
      };
      assert.deepEqual(await paths({ kind: 'workspace' }), ['kept.report.md', 'lingering.report.md']);
      fs.rmSync(file);
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: DELETED }] });
      assert.deepEqual(await paths({ kind: 'workspace' }), ['kept.report.md']);
      assert.deepEqual(await paths({ kind: 'folder', uri: uriOf(dir.path) }), ['kept.report.md']);
      assert.deepEqual(await paths({ kind: 'document', uri }), ['lingering.report.md'], 'a report asked for by name is still summarised');
      const check = await client.request<{ reports: number }>('findings/exportCheck', { scope: { kind: 'workspace' } });
      assert.equal(check.reports, 1);
    } finally {
      await client.stop();
    }
  });

  it('pull: a report renamed on disk moves its problems to the new name; a deleted folder takes its reports', async () => {
    const before = dir.write('old.report.md', broken);
    const inFolder = dir.write('sub/deep.report.md', broken);
    const client = await LspClient.start({ folders: [dir.path], pull: true });
    try {
      const first = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
      for (const file of [before, inFolder]) assert.ok((itemFor(first, uriOf(file)) as { items?: unknown[] })?.items?.length, `${file} has problems`);
      const after = path.join(dir.path, 'new.report.md');
      fs.renameSync(before, after);
      fs.rmSync(path.join(dir.path, 'sub'), { recursive: true });
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(before), type: DELETED }, { uri: uriOf(after), type: CREATED }, { uri: uriOf(path.join(dir.path, 'sub')), type: DELETED }] });
      await client.until(() => (client.refreshes > 0 ? true : undefined), 'a refresh after the rename');
      const second = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: first.items.map((item) => ({ uri: item.uri, value: item.resultId! })) });
      for (const file of [before, inFolder]) {
        const item = itemFor(second, uriOf(file));
        assert.ok(item && item.kind === 'full' && item.items.length === 0, `${path.basename(file)} is cleared`);
      }
      const moved = itemFor(second, uriOf(after));
      assert.ok(moved && moved.kind === 'full' && moved.items.length > 0, 'the problems show under the new name');
    } finally {
      await client.stop();
    }
  });

  it('push: deleted, renamed and closed-after-deletion reports are cleared', async () => {
    const closedFile = dir.write('closed.report.md', broken);
    const openFile = dir.write('open.report.md', broken);
    const client = await LspClient.start({ folders: [dir.path] });
    try {
      const closedUri = uriOf(closedFile);
      const openUri = uriOf(openFile);
      assert.ok((await client.diagnosticsFor(closedUri)).length > 0, 'problems of a report that is not open');
      await client.open(openUri, broken);
      assert.ok((await client.diagnosticsFor(openUri, (p) => p.version === 1)).length > 0);

      const renamed = path.join(dir.path, 'renamed.report.md');
      fs.renameSync(closedFile, renamed);
      let count = client.publishedCount(closedUri);
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: closedUri, type: DELETED }, { uri: uriOf(renamed), type: CREATED }] });
      assert.deepEqual(await client.diagnosticsFor(closedUri, () => true, count), [], 'the old name is cleared');
      assert.ok((await client.diagnosticsFor(uriOf(renamed))).length > 0, 'the new name has the problems');

      fs.rmSync(openFile);
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: openUri, type: DELETED }] });
      count = client.publishedCount(openUri);
      await client.close(openUri);
      assert.deepEqual(await client.diagnosticsFor(openUri, () => true, count), [], 'closing the deleted report clears it');
      // Nothing comes back for it.
      await client.request('workspace/symbol', { query: '' });
      assert.deepEqual(client.published.get(openUri)!.at(-1)!.diagnostics, []);
    } finally {
      await client.stop();
    }
  });
});
