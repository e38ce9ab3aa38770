import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspClient, repoPath, uriOf } from './lspClient';

const samples = repoPath('samples');
const darlington = repoPath('samples', 'darlington.report.md');
const text = fs.readFileSync(darlington, 'utf8');
const uri = uriOf(darlington);

async function errorOf(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ResponseError, `a ResponseError, not ${String(error)}`);
    return error;
  }
  assert.fail('the request should have failed');
}

// Malformed requests and notifications: protocolAbuse.test.ts.
describe('lsp: cancelled and stale requests', function () {
  this.timeout(60_000);

  it('answers a cancelled request with RequestCancelled', async () => {
    const client = await LspClient.start({ folders: [samples], pull: true, settings: { validate: { run: 'onType', debounceMs: 1500 } } });
    try {
      await client.open(uri, text, 1);
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
      const source = new CancellationTokenSource();
      const pending = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
      setTimeout(() => source.cancel(), 50);
      assert.equal((await errorOf(pending)).code, -32800);
    } finally {
      await client.stop();
    }
  });

  it('drops work for an older version: a pull overtaken by a change is cancelled for a retrigger', async () => {
    const client = await LspClient.start({ folders: [samples], pull: true, settings: { validate: { run: 'onType', debounceMs: 500 } } });
    try {
      await client.open(uri, text, 1);
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
      const pending = client.request('textDocument/diagnostic', { textDocument: { uri } });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await client.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '' }]);
      const error = await errorOf(pending);
      assert.equal(error.code, -32802, 'ServerCancelled');
      assert.deepEqual(error.data, { retriggerRequest: true });
      const fresh = await client.request<{ kind: string; items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual(fresh.items, []);
    } finally {
      await client.stop();
    }
  });

  it('push: publishes only the latest of quick successive changes', async () => {
    const client = await LspClient.start({ folders: [samples], settings: { validate: { run: 'onType', debounceMs: 150 } } });
    try {
      await client.open(uri, text, 1);
      await client.diagnosticsFor(uri, (p) => p.version === 1);
      for (let version = 2; version <= 6; version++) {
        await client.change(uri, version, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
      }
      const latest = await client.diagnosticsFor(uri, (p) => p.version === 6);
      assert.ok(latest.some((d) => d.code === 'frontmatter-missing'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(client.published.get(uri)!.map((p) => p.version), [1, 6], 'versions 2 to 5 were never validated');
    } finally {
      await client.stop();
    }
  });

  it('gives plain text instead of snippets to a client without snippet support', async () => {
    const client = await LspClient.start({ folders: [samples], snippets: false });
    try {
      await client.open(uriOf(repoPath('samples', 'empty.report.md')), '');
      const list = await client.request<{ items: Array<{ insertTextFormat: number; textEdit: { newText: string } }> }>('textDocument/completion', { textDocument: { uri: uriOf(repoPath('samples', 'empty.report.md')) }, position: { line: 0, character: 0 } });
      assert.equal(list.items[0].insertTextFormat, 1);
      assert.ok(!list.items[0].textEdit.newText.includes('$'));
    } finally {
      await client.stop();
    }
  });
});

describe('lsp: older clients', function () {
  this.timeout(30_000);

  it('takes settings from didChangeConfiguration and gives flat symbols to a client without those capabilities', async () => {
    const client = await LspClient.start({ folders: [samples], configuration: false, hierarchicalSymbols: false });
    try {
      const spans = repoPath('samples', 'broken', 'spans.report.md');
      const spansUri = uriOf(spans);
      await client.notify('workspace/didChangeConfiguration', { settings: { findings: { maxProblems: 2 } } });
      await client.open(spansUri, fs.readFileSync(spans, 'utf8'));
      assert.equal((await client.diagnosticsFor(spansUri)).length, 2);
      await client.open(uri, text);
      const symbols = await client.request<Array<{ name: string; location: { uri: string }; containerName?: string }>>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(symbols[0].name, 'Front matter');
      assert.equal(symbols[1].name, 'area');
      assert.equal(symbols[1].containerName, 'Front matter');
      assert.ok(symbols.every((s) => s.location.uri === uri));
    } finally {
      await client.stop();
    }
  });
});

describe('lsp: transports', function () {
  this.timeout(30_000);

  it('speaks over IPC (--node-ipc) as well as stdio', async () => {
    const { fork } = await import('node:child_process');
    const { createMessageConnection, IPCMessageReader, IPCMessageWriter } = await import('vscode-jsonrpc/node');
    const child = fork(repoPath('dist', 'server.js'), ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published: Array<{ uri: string; diagnostics: unknown[] }> = [];
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: unknown[] }) => {
      published.push(params);
    });
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    try {
      const result = await connection.sendRequest<{ serverInfo: { name: string } }>('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
      assert.equal(result.serverInfo.name, 'findings');
      await connection.sendNotification('initialized', {});
      const docUri = 'untitled:Untitled-1';
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: docUri, languageId: 'inspection-report', version: 1, text: 'No front matter [x]{.weakness theme=health}\n' } });
      for (let i = 0; i < 100 && published.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(published[0]?.uri, docUri);
      assert.equal((published[0].diagnostics[0] as { code: string }).code, 'frontmatter-missing');
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
