import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DocumentDiagnosticReport, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { asCli, cliDiagnostics, type CliDiagnostics } from './cliCheck';
import { LspClient, repoPath, repoRoot, uriOf } from './lspClient';
import { concernCodebook } from './concernCodebook';

const samples = repoPath('samples');
const broken = repoPath('samples', 'broken');
const reportFiles = (dir: string) => fs.readdirSync(dir).filter((name) => name.endsWith('.report.md')).sort().map((name) => path.join(dir, name));

describe('lsp: diagnostics equal `findings check --format json`', function () {
  this.timeout(60_000);
  let expected: Map<string, CliDiagnostics>;
  const files = [...reportFiles(samples), ...reportFiles(broken)];

  before(() => {
    expected = cliDiagnostics(['samples', 'samples/broken']);
    assert.ok(reportFiles(broken).length >= 7, 'samples/broken holds the broken reports');
    for (const file of files) assert.ok(expected.has(file), `the CLI checked ${file}`);
  });

  it('pull: textDocument/diagnostic for every open sample and broken report', async () => {
    const client = await LspClient.start({ folders: [samples], pull: true });
    try {
      assert.ok(client.initializeResult.capabilities.diagnosticProvider, 'the server offers pull diagnostics');
      for (const file of files) {
        const uri = uriOf(file);
        await client.open(uri, fs.readFileSync(file, 'utf8'));
        const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
        assert.equal(report.kind, 'full');
        if (report.kind !== 'full') return;
        assert.deepEqual(asCli(report.items), expected.get(file), path.relative(repoRoot(), file));
        for (const item of report.items) assert.equal(item.source, 'findings');
      }
      assert.equal(client.publishedCount(uriOf(files[0])), 0, 'nothing is pushed in pull mode');
    } finally {
      await client.stop();
    }
  });

  it('pull: workspace/diagnostic for the reports that are not open', async () => {
    // Two folders: `samples` skips broken/ (its .findingsignore), `samples/broken` is a folder of its own.
    const client = await LspClient.start({ folders: [samples, broken], pull: true });
    try {
      const open = files[0];
      await client.open(uriOf(open), fs.readFileSync(open, 'utf8'));
      const report = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
      const byUri = new Map(report.items.map((item) => [item.uri, item]));
      // An open report comes for its version: the client prefers its own pulls while the document shows.
      assert.equal(byUri.get(uriOf(open))?.version, 1, 'an open report is reported for its version');
      for (const file of files.slice(1)) {
        const item = byUri.get(uriOf(file));
        assert.ok(item, `workspace diagnostics include ${file}`);
        assert.equal(item.kind, 'full');
        if (item.kind === 'full') assert.deepEqual(asCli(item.items), expected.get(file), path.relative(repoRoot(), file));
        assert.equal(item.version, null);
      }
      // Asking again with the result ids: nothing changed.
      const again = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', {
        previousResultIds: report.items.map((item) => ({ uri: item.uri, value: item.resultId! })),
      });
      assert.ok(again.items.length > 0);
      assert.ok(again.items.every((item) => item.kind === 'unchanged'), 'unchanged reports are not sent again');
    } finally {
      await client.stop();
    }
  });

  it('push: publishDiagnostics on open for every sample and broken report', async () => {
    const client = await LspClient.start({ folders: [samples] });
    try {
      assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined, 'no pull diagnostics for a client without them');
      for (const file of files) {
        const uri = uriOf(file);
        await client.open(uri, fs.readFileSync(file, 'utf8'), 7);
        const diagnostics = await client.diagnosticsFor(uri, (params) => params.version === 7);
        assert.deepEqual(asCli(diagnostics), expected.get(file), path.relative(repoRoot(), file));
      }
    } finally {
      await client.stop();
    }
  });
});

describe('lsp: diagnostics as the text changes', function () {
  this.timeout(60_000);
  const darlington = repoPath('samples', 'darlington.report.md');
  const text = fs.readFileSync(darlington, 'utf8');
  const uri = uriOf(darlington);

  it('push, onType: an incremental change is validated and published for its version', async () => {
    const client = await LspClient.start({ folders: [samples], settings: { validate: { run: 'onType', debounceMs: 0 } } });
    try {
      await client.open(uri, text, 1);
      assert.deepEqual(await client.diagnosticsFor(uri, (p) => p.version === 1), []);
      // `.weakness` -> `.weaknessx` on the first span that has it.
      const at = text.indexOf('.weakness') + '.weakness'.length;
      const line = text.slice(0, at).split('\n').length - 1;
      const character = at - (text.lastIndexOf('\n', at - 1) + 1);
      await client.change(uri, 2, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }]);
      const after = await client.diagnosticsFor(uri, (p) => p.version === 2);
      assert.deepEqual(after.map((d) => d.code), ['code-unknown']);
      assert.deepEqual(after[0].range, { start: { line, character: character - 'weakness'.length }, end: { line, character: character + 1 } });
      assert.match(String(after[0].message), /no code `weaknessx`\. Did you mean `weakness`\?/);
      // Undo: clean again.
      await client.change(uri, 3, [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' }]);
      assert.deepEqual(await client.diagnosticsFor(uri, (p) => p.version === 3), []);
    } finally {
      await client.stop();
    }
  });

  it('push, onSave: changes are validated only when saved', async () => {
    const client = await LspClient.start({ folders: [samples], settings: { validate: { run: 'onSave', debounceMs: 0 } } });
    try {
      await client.until(() => (client.logs.some((l) => l.includes('Scanned')) ? true : undefined), 'the scan');
      await client.open(uri, text, 1);
      await client.diagnosticsFor(uri, (p) => p.version === 1);
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, text: '' }]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(client.publishedCount(uri), 1, 'nothing published before the save');
      await client.save(uri);
      const saved = await client.diagnosticsFor(uri, (p) => p.version === 2);
      assert.ok(saved.some((d) => d.code === 'frontmatter-missing'));
    } finally {
      await client.stop();
    }
  });

  it('push: findings.maxProblems caps the problems per file, and a settings change re-publishes', async () => {
    const spans = repoPath('samples', 'broken', 'spans.report.md');
    const client = await LspClient.start({ folders: [broken], settings: { maxProblems: 3 } });
    try {
      await client.until(() => (client.logs.some((l) => l.includes('Scanned')) ? true : undefined), 'the scan');
      const spansUri = uriOf(spans);
      await client.open(spansUri, fs.readFileSync(spans, 'utf8'));
      // The open document's own publication (the file's, from the scan, may come first).
      assert.equal((await client.diagnosticsFor(spansUri, (p) => p.version === 1)).length, 3);
      client.settings = { maxProblems: 1000 };
      const before = client.publishedCount(spansUri);
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      const all = await client.diagnosticsFor(spansUri, () => true, before);
      assert.ok(all.length > 3);
    } finally {
      await client.stop();
    }
  });

  it('pull, onSave: an unsaved change keeps the previous result', async () => {
    const client = await LspClient.start({ folders: [samples], pull: true, settings: { validate: { run: 'onSave' } } });
    try {
      await client.open(uri, text, 1);
      const first = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(first.kind, 'full');
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, text: '' }]);
      const unsaved = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
      assert.equal(unsaved.kind, 'unchanged');
      await client.save(uri);
      const saved = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
      assert.equal(saved.kind, 'full');
      if (saved.kind === 'full') assert.ok(saved.items.some((d) => d.code === 'frontmatter-missing'));
    } finally {
      await client.stop();
    }
  });
});

describe('lsp: the workspace on disk', function () {
  this.timeout(60_000);
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'findings-lsp-'));
    for (const name of ['darlington.report.md', 'middlesbrough.report.md']) fs.copyFileSync(repoPath('samples', name), path.join(dir, name));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const codebook = concernCodebook();
  const concernReport = (area: string) => `---\narea: ${area}\nframework: "2016"\ninspection_type: full\noutcome: no_wsoa\nannotator: t\nstatus: draft\n---\nParents raised [worries about buses]{.concern theme=transport}.\n`;

  it('pull: a codebook change and reports changed on disk make the server ask for a refresh', async () => {
    const client = await LspClient.start({ folders: [dir], pull: true });
    try {
      const pull = () => client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
      const newReport = path.join(dir, 'new.report.md');
      fs.writeFileSync(newReport, concernReport('Darlington'));
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(newReport), type: 1 }] });
      await client.until(() => (client.refreshes >= 1 ? true : undefined), 'a refresh after a new report');
      let item = (await pull()).items.find((i) => i.uri === uriOf(newReport));
      assert.ok(item && item.kind === 'full');
      assert.deepEqual(item.kind === 'full' && item.items.map((d) => d.code), ['code-unknown'], 'the built-in codebook has no `concern`');

      fs.writeFileSync(path.join(dir, 'codebook.yaml'), codebook);
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(dir, 'codebook.yaml')), type: 1 }] });
      await client.until(() => (client.refreshes >= 2 ? true : undefined), 'a refresh after the codebook changed');
      item = (await pull()).items.find((i) => i.uri === uriOf(newReport));
      assert.ok(item && item.kind === 'full');
      assert.deepEqual(item.kind === 'full' && item.items, [], 'the workspace codebook defines `concern` and `transport`');

      fs.rmSync(newReport);
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(newReport), type: 3 }] });
      await client.until(() => (client.refreshes >= 3 ? true : undefined), 'a refresh after a deletion');
      const gone = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [{ uri: uriOf(newReport), value: 'x' }] });
      const cleared = gone.items.find((i) => i.uri === uriOf(newReport));
      assert.ok(cleared && cleared.kind === 'full' && cleared.items.length === 0, 'a deleted report is cleared');
    } finally {
      await client.stop();
    }
  });

  it('push: a codebook change re-publishes the open reports', async () => {
    const report = path.join(dir, 'new.report.md');
    fs.writeFileSync(report, concernReport('Darlington'));
    const client = await LspClient.start({ folders: [dir] });
    try {
      const uri = uriOf(report);
      await client.open(uri, fs.readFileSync(report, 'utf8'));
      assert.deepEqual((await client.diagnosticsFor(uri)).map((d) => d.code), ['code-unknown']);
      const before = client.publishedCount(uri);
      fs.writeFileSync(path.join(dir, 'codebook.yaml'), codebook);
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(dir, 'codebook.yaml')), type: 1 }] });
      assert.deepEqual(await client.diagnosticsFor(uri, () => true, before), []);
      // A broken codebook: its problems are published on the file, and the built-in codebook is used again.
      const beforeBroken = client.publishedCount(uri);
      fs.writeFileSync(path.join(dir, 'codebook.yaml'), 'codes: [oops\n');
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(dir, 'codebook.yaml')), type: 2 }] });
      const codebookProblems = await client.diagnosticsFor(uriOf(path.join(dir, 'codebook.yaml')), (p) => p.diagnostics.length > 0);
      assert.equal(codebookProblems[0].code, 'codebook-yaml');
      assert.deepEqual((await client.diagnosticsFor(uri, () => true, beforeBroken)).map((d) => d.code), ['code-unknown']);
    } finally {
      await client.stop();
    }
  });

  it('reads the codebook named by findings.codebook.path, and follows an open codebook as it is edited', async () => {
    fs.mkdirSync(path.join(dir, 'config'));
    const codebookFile = path.join(dir, 'config', 'mine.yaml');
    fs.writeFileSync(codebookFile, codebook);
    const report = path.join(dir, 'new.report.md');
    fs.writeFileSync(report, concernReport('Darlington'));
    const client = await LspClient.start({ folders: [dir], settings: { codebook: { path: 'config/mine.yaml' }, validate: { debounceMs: 0 } } });
    try {
      const uri = uriOf(report);
      await client.until(() => (client.logs.some((l) => l.includes('Scanned')) ? true : undefined), 'the scan');
      await client.open(uri, fs.readFileSync(report, 'utf8'));
      // The scan may end before the settings naming the codebook are applied: the diagnostics then follow them.
      assert.deepEqual(await client.diagnosticsFor(uri, (p) => p.diagnostics.length === 0), [], 'config/mine.yaml defines `concern`');
      // Edited in the editor, not saved: `concern` becomes `worry`.
      const codebookUri = uriOf(codebookFile);
      await client.notify('textDocument/didOpen', { textDocument: { uri: codebookUri, languageId: 'yaml', version: 1, text: codebook } });
      const before = client.publishedCount(uri);
      await client.change(codebookUri, 2, [{ text: codebook.replace('concern:', 'worry:') }]);
      assert.deepEqual((await client.diagnosticsFor(uri, () => true, before)).map((d) => d.code), ['code-unknown']);
    } finally {
      await client.stop();
    }
  });

  it('follows workspace folders as they are added', async () => {
    const client = await LspClient.start({ folders: [] });
    try {
      assert.deepEqual(await client.request('workspace/symbol', { query: 'darlington-wsoa' }), []);
      await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(dir), name: 'dir' }], removed: [] } });
      let found: unknown[] = [];
      for (let i = 0; i < 50 && found.length === 0; i++) {
        found = await client.request<unknown[]>('workspace/symbol', { query: 'darlington-wsoa' });
        if (found.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.equal(found.length, 1);
    } finally {
      await client.stop();
    }
  });

  it('lists each report once with nested workspace folders, and an enclosing folder takes a removed one back', async () => {
    fs.mkdirSync(path.join(dir, 'inner'));
    const inner = path.join(dir, 'inner', 'b.report.md');
    fs.writeFileSync(inner, concernReport('Darlington'));
    const client = await LspClient.start({ folders: [dir, path.join(dir, 'inner')], pull: true });
    try {
      const uris = async () => (await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] })).items.map((i) => i.uri).sort();
      const expected = [uriOf(path.join(dir, 'darlington.report.md')), uriOf(inner), uriOf(path.join(dir, 'middlesbrough.report.md'))].sort();
      assert.deepEqual(await uris(), expected);
      await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uriOf(path.join(dir, 'inner')), name: 'inner' }] } });
      await client.until(() => (client.refreshes >= 2 ? true : undefined), 'the enclosing folder to rescan');
      assert.deepEqual(await uris(), expected);
    } finally {
      await client.stop();
    }
  });

  it('an untrusted workspace ignores its codebook.yaml', async () => {
    fs.writeFileSync(path.join(dir, 'codebook.yaml'), codebook);
    const report = path.join(dir, 'new.report.md');
    fs.writeFileSync(report, concernReport('Darlington'));
    for (const trusted of [false, true]) {
      const client = await LspClient.start({ folders: [dir], trusted });
      try {
        const uri = uriOf(report);
        await client.open(uri, fs.readFileSync(report, 'utf8'));
        const codes = (await client.diagnosticsFor(uri)).map((d) => d.code);
        assert.deepEqual(codes, trusted ? [] : ['code-unknown'], `trusted: ${trusted}`);
      } finally {
        await client.stop();
      }
    }
  });
});
