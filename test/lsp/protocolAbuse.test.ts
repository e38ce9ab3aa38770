// A client that breaks the protocol: parameters missing, of the wrong type or
// malformed for every request the server registers, unknown documents, double
// opens, closes and changes of documents never opened, notifications with
// nonsense in them. The server must stay up, answer InvalidParams where the
// parameters are at fault, never an internal error, and answer in time; and
// nothing a malformed notification carries may reach its state.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ResponseError } from 'vscode-jsonrpc/node';
import type { DocumentDiagnosticReport, Hover } from 'vscode-languageserver-protocol';
import { TempDir } from '../helpers/tempDir';
import { LspClient, repoPath, uriOf } from './lspClient';

/** The longest any answer may take. */
const ANSWER_BUDGET_MS = 1500;
const INVALID_PARAMS = -32602;
const INTERNAL_ERROR = -32603;

const darlingtonText = fs.readFileSync(repoPath('samples', 'darlington.report.md'), 'utf8');
const at = { line: 12, character: 30 };

/** Every request the server registers, with valid parameters and the members the protocol requires. */
function requests(uri: string, target: string): ReadonlyArray<{ method: string; params: Record<string, unknown>; required: readonly string[] }> {
  const textDocument = { uri };
  const range = { start: { line: 9, character: 0 }, end: { line: 9, character: 20 } };
  return [
    { method: 'textDocument/completion', params: { textDocument, position: at, context: { triggerKind: 2, triggerCharacter: '.' } }, required: ['textDocument', 'position'] },
    { method: 'textDocument/hover', params: { textDocument, position: at }, required: ['textDocument', 'position'] },
    { method: 'textDocument/definition', params: { textDocument, position: at }, required: ['textDocument', 'position'] },
    { method: 'textDocument/references', params: { textDocument, position: at, context: { includeDeclaration: true } }, required: ['textDocument', 'position', 'context'] },
    { method: 'textDocument/documentHighlight', params: { textDocument, position: at }, required: ['textDocument', 'position'] },
    { method: 'textDocument/prepareRename', params: { textDocument, position: at }, required: ['textDocument', 'position'] },
    { method: 'textDocument/rename', params: { textDocument, position: at, newName: 'health2' }, required: ['textDocument', 'position', 'newName'] },
    {
      method: 'textDocument/codeAction',
      params: { textDocument, range, context: { diagnostics: [{ range, message: 'm', code: 'code-unknown', source: 'findings', data: { version: 1, fixes: [{ title: 't', preferred: true, edits: [{ range, newText: 'x' }] }] } }], only: ['quickfix'] } },
      required: ['textDocument', 'range', 'context'],
    },
    { method: 'textDocument/documentSymbol', params: { textDocument }, required: ['textDocument'] },
    { method: 'textDocument/foldingRange', params: { textDocument }, required: ['textDocument'] },
    { method: 'workspace/symbol', params: { query: 'weak' }, required: ['query'] },
    { method: 'textDocument/diagnostic', params: { textDocument, previousResultId: 'x' }, required: ['textDocument'] },
    { method: 'workspace/diagnostic', params: { previousResultIds: [{ uri, value: '1' }] }, required: ['previousResultIds'] },
    { method: 'findings/codebook', params: { uri }, required: [] },
    { method: 'findings/codebookText', params: { path: 'builtin:send.codebook.yaml' }, required: ['path'] },
    { method: 'findings/documentCounts', params: { uri }, required: ['uri'] },
    { method: 'findings/cleanText', params: { uri }, required: ['uri'] },
    { method: 'findings/summary', params: { scope: { kind: 'document', uri } }, required: ['scope'] },
    { method: 'findings/findingsPage', params: { scope: { kind: 'document', uri }, filters: { code: '', theme: '', area: '', text: '' }, sort: 'code', offset: 0, limit: 5 }, required: ['scope', 'filters', 'offset', 'limit'] },
    { method: 'findings/exportCheck', params: { scope: { kind: 'folder', uri: uri.slice(0, uri.lastIndexOf('/')) } }, required: ['scope'] },
    { method: 'findings/export', params: { scope: { kind: 'document', uri }, format: 'jsonl', target }, required: ['scope', 'format', 'target'] },
    { method: 'findings/tag', params: { textDocument: { uri, version: 1 }, selections: [range], code: 'weakness', themes: ['health'], attributes: { speaker: 'a' } }, required: ['textDocument', 'selections', 'code'] },
  ];
}

const WRONG_VALUES: readonly unknown[] = [null, 42, -1, 1.5, 'x', true, [], {}, [[]], { start: 1 }];

/** Every path to a member of a value (`a.b[0].c`), parents first. */
function memberPaths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  return entries.flatMap(([key, member]) => [[...prefix, key], ...memberPaths(member, [...prefix, key])]);
}

/** A deep copy of `value` with the member at `at` replaced (or deleted, for undefined). */
function replaced(value: unknown, at: ReadonlyArray<string | number>, by: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = at[at.length - 1];
  if (by === undefined) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = by;
  return copy;
}

/** A request's answer or error code, and how long it took. */
async function attempt(client: LspClient, method: string, params: unknown, omit = false): Promise<{ code: number | undefined; ms: number; message: string }> {
  const started = Date.now();
  try {
    await (omit ? client.connection.sendRequest(method) : client.request(method, params));
    return { code: undefined, ms: Date.now() - started, message: '' };
  } catch (error) {
    assert.ok(error instanceof ResponseError, `${method}: a ResponseError, not ${String(error)}`);
    return { code: error.code, ms: Date.now() - started, message: error.message };
  }
}

describe('lsp: protocol abuse', function () {
  this.timeout(60_000);
  let dir: TempDir;
  let uri: string;
  let client: LspClient;

  beforeEach(async () => {
    dir = new TempDir('findings-abuse-');
    const file = dir.write('darlington.report.md', darlingtonText);
    uri = uriOf(file);
    client = await LspClient.start({ folders: [dir.path], pull: true, settings: { validate: { run: 'onType', debounceMs: 0 } } });
    await client.open(uri, darlingtonText, 1);
  });
  afterEach(async () => {
    await client.stop();
    dir.remove();
  });

  it('answers InvalidParams for missing, null and non-object params and for each missing required member, of every request', async () => {
    const problems: string[] = [];
    let count = 0;
    for (const request of requests(uri, uriOf(path.join(dir.path, 'out.jsonl')))) {
      const cases: Array<{ what: string; params: unknown; omit?: boolean; invalid: boolean }> = [
        { what: 'no params', params: undefined, omit: true, invalid: request.required.length > 0 },
        ...[null, 42, 'x', true].map((params) => ({ what: `params ${JSON.stringify(params)}`, params, invalid: params !== null || request.required.length > 0 })),
        ...request.required.map((member) => ({ what: `without \`${member}\``, params: replaced(request.params, [member], undefined), invalid: true })),
      ];
      for (const test of cases) {
        count++;
        const answer = await attempt(client, request.method, test.params, test.omit);
        if (test.invalid && answer.code !== INVALID_PARAMS) problems.push(`${request.method} ${test.what}: ${answer.code ?? 'answered'} ${answer.message}`);
        if (answer.code === INTERNAL_ERROR) problems.push(`${request.method} ${test.what}: internal error ${answer.message}`);
        if (answer.ms > ANSWER_BUDGET_MS) problems.push(`${request.method} ${test.what}: ${answer.ms} ms`);
      }
    }
    assert.deepEqual(problems, [], `${problems.length} of ${count} requests`);
    const missing = await attempt(client, 'textDocument/hover', { textDocument: { uri } });
    assert.match(missing.message, /textDocument\/hover: invalid params: `position` is missing/, 'the message names the member');
    const deep = await attempt(client, 'textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [{ message: 'm' }] } });
    assert.match(deep.message, /`context\.diagnostics\[0\]\.range` is missing/);
    await client.until(() => (client.logs.some((line) => line.includes('textDocument/hover: invalid params')) ? true : undefined), 'the problem in the log');
    assert.ok(await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 12 } }), 'a hover after');
  });

  it('never answers an internal error to a member of the wrong type, anywhere in the params of any request', async () => {
    const problems: string[] = [];
    const codes = new Map<string, number>();
    let count = 0;
    for (const request of requests(uri, uriOf(path.join(dir.path, 'out.jsonl')))) {
      for (const member of memberPaths(request.params)) {
        for (const value of WRONG_VALUES) {
          count++;
          const answer = await attempt(client, request.method, replaced(request.params, member, value));
          const key = String(answer.code ?? 'answered');
          codes.set(key, (codes.get(key) ?? 0) + 1);
          if (answer.code === INTERNAL_ERROR || answer.ms > ANSWER_BUDGET_MS) problems.push(`${request.method} ${member.join('.')}=${JSON.stringify(value)}: ${answer.code} in ${answer.ms} ms ${answer.message}`);
        }
      }
    }
    assert.deepEqual(problems, [], `${problems.length} of ${count} requests (answers: ${JSON.stringify([...codes])})`);
    assert.ok((codes.get(String(INVALID_PARAMS)) ?? 0) > count / 2, 'most wrong types are InvalidParams');
    assert.ok(client.alive);
  });

  it('answers requests about unknown, odd and huge URIs without failing', async () => {
    const problems: string[] = [];
    const odd = ['file:///nowhere.report.md', 'untitled:Untitled-9', 'weird:%%zz', '', 'file:///a%ZZ.report.md', 'not a uri', `file:///${'x'.repeat(20_000)}.report.md`, 'findings-codebook:/send.codebook.yaml'];
    for (const other of odd) {
      for (const request of requests(other, uriOf(path.join(dir.path, 'out.jsonl')))) {
        const answer = await attempt(client, request.method, request.params);
        // An unknown report in a scope, or an export target that is no file, is the caller's mistake; nothing else may fail.
        if (answer.code === INTERNAL_ERROR || answer.ms > ANSWER_BUDGET_MS) problems.push(`${request.method} ${other.slice(0, 40)}: ${answer.code} in ${answer.ms} ms ${answer.message}`);
      }
    }
    assert.deepEqual(problems, []);
    assert.equal((await attempt(client, 'findings/nothing', {})).code, -32601, 'an unknown method');
    assert.ok(client.alive);
  });

  it('ignores malformed document notifications: nothing they carry poisons the workspace requests', async () => {
    const other = uriOf(path.join(dir.path, 'other.report.md'));
    const malformedOpens: unknown[] = [
      { textDocument: { uri: other, languageId: 'inspection-report', version: 1, text: 42 } },
      { textDocument: { uri: other, languageId: 'inspection-report', version: 1, text: null } },
      { textDocument: { uri: other, languageId: 'inspection-report', version: 1, text: { toString: 'x' } } },
      { textDocument: { uri: other, languageId: 'inspection-report', version: 1 } },
      { textDocument: { uri: 42, languageId: 'inspection-report', version: 1, text: 'x' } },
      { textDocument: { languageId: 'inspection-report', version: 1, text: 'x' } },
      { textDocument: { uri: other, languageId: 7, version: 1, text: 'x' } },
      { textDocument: { uri: other, languageId: 'inspection-report', version: '1', text: 'x' } },
      { textDocument: null },
      {},
      null,
      [1, 2],
    ];
    for (const params of malformedOpens) await client.notify('textDocument/didOpen', params);
    const before = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    const malformedChanges: unknown[] = [
      { textDocument: { uri, version: 2 }, contentChanges: [{ text: 5 }] },
      { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] },
      { textDocument: { uri, version: 2 }, contentChanges: [{ range: 'all', text: 'x' }] },
      { textDocument: { uri, version: 2 }, contentChanges: 'x' },
      { textDocument: { uri, version: 'two' }, contentChanges: [{ text: 'x' }] },
      { textDocument: { uri }, contentChanges: [{ text: 'x' }] },
      { textDocument: { version: 2 }, contentChanges: [{ text: 'x' }] },
      { contentChanges: [{ text: 'x' }] },
      null,
    ];
    for (const params of malformedChanges) await client.notify('textDocument/didChange', params);
    // Documents that were never opened: changed, saved and closed.
    await client.change(other, 3, [{ text: 'x' }]);
    await client.save(other);
    await client.close(other);
    await client.close('file:///never-opened.report.md');
    for (const params of [null, {}, { textDocument: 5 }, { textDocument: { uri: 5 } }]) {
      await client.notify('textDocument/didClose', params);
      await client.notify('textDocument/didSave', params);
    }
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: 'not a uri', type: 1 }, { uri: 5, type: 'x' }] });
    await client.notify('workspace/didChangeWatchedFiles', { changes: 'everything' });
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///a%ZZ/.findingsignore', type: 2 }] });
    await client.notify('workspace/didChangeConfiguration', { settings: 42 });
    await client.notify('workspace/didChangeConfiguration', { settings: { findings: { maxProblems: 'all', validate: null } } });
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: 'x', removed: [] } });
    await client.notify('workspace/didChangeWorkspaceFolders', null);
    await client.notify('$/cancelRequest', { id: 'nothing' });
    await client.notify('findings/unknown', { x: 1 });

    // The open document is as it was, and every request over the workspace answers.
    const after = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(after.kind === 'full' && after.items, before.kind === 'full' && before.items, 'the malformed changes changed nothing');
    const target = uriOf(path.join(dir.path, 'export.jsonl'));
    for (const [method, params] of [
      ['workspace/symbol', { query: '' }],
      ['workspace/diagnostic', { previousResultIds: [] }],
      ['findings/summary', { scope: { kind: 'workspace' } }],
      ['findings/findingsPage', { scope: { kind: 'workspace' }, filters: { code: '', theme: '', area: '', text: 'x' }, offset: 0, limit: 200 }],
      ['findings/exportCheck', { scope: { kind: 'workspace' } }],
      ['findings/export', { scope: { kind: 'workspace' }, format: 'json', target }],
      ['textDocument/documentSymbol', { textDocument: { uri: other } }],
      ['findings/documentCounts', { uri: other }],
    ] as const) {
      const answer = await attempt(client, method, params);
      assert.equal(answer.code, undefined, `${method} answers (${answer.message})`);
    }
    const summary = await client.request<{ totals: { reports: number } }>('findings/summary', { scope: { kind: 'workspace' } });
    assert.equal(summary.totals.reports, 1, 'only the report on disk');
    await client.until(() => (client.logs.some((line) => line.includes('textDocument/didOpen: ignored, invalid params: `textDocument.text` must be a string')) ? true : undefined), 'the ignored open in the log');
    assert.ok(client.alive);
  });

  it('takes a second open of a document as its new text, and a close after it', async () => {
    const pull = async () => {
      const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
      return report.kind === 'full' ? report.items.map((d) => d.code) : undefined;
    };
    assert.deepEqual(await pull(), []);
    await client.open(uri, 'no front matter\n', 1);
    assert.deepEqual(await pull(), ['frontmatter-missing']);
    await client.open(uri, darlingtonText, 5);
    assert.deepEqual(await pull(), []);
    await client.close(uri);
    await client.close(uri);
    assert.deepEqual(await pull(), [], 'the file on disk');
  });

  it('refuses custom requests whose parameters make no sense, with InvalidParams or ContentModified', async () => {
    const range = { start: { line: 9, character: 0 }, end: { line: 9, character: 5 } };
    const expectations: Array<[string, unknown, number]> = [
      ['findings/tag', { textDocument: { uri, version: 1 }, selections: [range], code: 'no-such-code' }, INVALID_PARAMS],
      ['findings/tag', { textDocument: { uri, version: 1 }, selections: [range], code: '  ' }, INVALID_PARAMS],
      ['findings/tag', { textDocument: { uri, version: 1 }, selections: [range], code: 'weakness', attributes: { 'bad name': 'x' } }, INVALID_PARAMS],
      ['findings/tag', { textDocument: { uri, version: 99 }, selections: [range], code: 'weakness' }, -32801],
      ['findings/tag', { textDocument: { uri: 'file:///nowhere.report.md', version: 1 }, selections: [range], code: 'weakness' }, INVALID_PARAMS],
      ['findings/codebookText', { path: '/etc/passwd' }, INVALID_PARAMS],
      ['findings/codebookText', { path: uri }, INVALID_PARAMS],
      ['findings/export', { scope: { kind: 'workspace' }, format: 'xml', target: uriOf(path.join(dir.path, 'x')) }, INVALID_PARAMS],
      ['findings/export', { scope: { kind: 'workspace' }, format: 'csv', target: '' }, INVALID_PARAMS],
      ['findings/summary', { scope: { kind: 'everything' } }, INVALID_PARAMS],
      ['findings/summary', { scope: { kind: 'document' } }, INVALID_PARAMS],
      ['findings/summary', { scope: { kind: 'document', uri: 'file:///nowhere.report.md' } }, INVALID_PARAMS],
      ['findings/exportCheck', { scope: { kind: 'folder', uri: 'file:///elsewhere' } }, INVALID_PARAMS],
      ['findings/summary', { scope: 'workspace' }, INVALID_PARAMS],
      ['findings/findingsPage', { scope: { kind: 'workspace' }, filters: { code: '', theme: '', area: '', text: '' }, offset: 0, limit: 201 }, INVALID_PARAMS],
      ['findings/findingsPage', { scope: { kind: 'document', uri: 'file:///nowhere.report.md' }, filters: { code: '', theme: '', area: '', text: '' }, offset: 0, limit: 1 }, INVALID_PARAMS],
    ];
    for (const [method, params, code] of expectations) {
      const answer = await attempt(client, method, params);
      assert.equal(answer.code, code, `${method} ${JSON.stringify(params)}: ${answer.message}`);
    }
    assert.ok(!fs.existsSync(path.join(dir.path, 'x')), 'no export written');
    assert.ok(client.alive);
  });
});

describe('lsp: a malformed initialize', function () {
  this.timeout(20_000);

  it('answers InvalidParams, and a well-formed one after it', async () => {
    const { spawn } = await import('node:child_process');
    const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-jsonrpc/node');
    const child = spawn(process.execPath, [repoPath('dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    try {
      // (Without `capabilities` at all, the library itself fails before the server's handler runs.)
      for (const params of [{ processId: null, rootUri: null, workspaceFolders: [{ uri: 5 }], capabilities: {} }, { processId: null, rootUri: 7, capabilities: {} }, { processId: null, rootUri: null, capabilities: [] }]) {
        const error = await connection.sendRequest('initialize', params).then(() => undefined, (e: unknown) => e);
        assert.ok(error instanceof ResponseError, JSON.stringify(params));
        assert.equal(error.code, INVALID_PARAMS, JSON.stringify(params));
      }
      const result = await connection.sendRequest<{ serverInfo: { name: string } }>('initialize', { processId: null, rootUri: null, workspaceFolders: null, capabilities: {} });
      assert.equal(result.serverInfo.name, 'findings');
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
