import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TempDir } from '../helpers/tempDir';
import { buildReport } from '../helpers/report';
import { LspClient, uriOf } from './lspClient';
import { LspText } from './lspTextModel';
import { NEAR_MISS_CASES as CASES } from '../helpers/nearMissCases';

// Every near-miss of span markup, over the real language server: a
// diagnostic with its rule and range, a quick fix that makes the span meant
// (and, for markup read as article text, one that keeps it as text), each
// applied as the editor applies it and checked clean by the server.

function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const change of (edit.documentChanges ?? []) as TextDocumentEdit[]) if (change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  edits.push(...(edit.changes?.[uri] ?? []));
  return edits;
}

/** Applies LSP edits as a client does: all against the text before them. */
function applyLspEdits(text: string, edits: readonly TextEdit[]): string {
  const model = new LspText(text);
  const offsets = edits.map((edit) => ({ start: model.offset(edit.range.start), end: model.offset(edit.range.end), newText: edit.newText })).sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of offsets) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

describe('lsp: near-miss markup', function () {
  this.timeout(60_000);
  let dir: TempDir;
  let client: LspClient;
  let count = 0;

  before(async () => {
    dir = new TempDir();
    client = await LspClient.start({ folders: [dir.path], pull: true });
  });

  after(async () => {
    await client.stop();
    dir.remove();
  });

  async function diagnosticsOf(text: string): Promise<{ uri: string; items: Diagnostic[] }> {
    const uri = uriOf(path.join(dir.path, `near-miss-${count++}.report.md`));
    await client.open(uri, text);
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    return { uri, items: report.kind === 'full' ? report.items : [] };
  }

  for (const c of CASES) {
    it(`${c.rule}: ${JSON.stringify(c.body.trim())}`, async () => {
      const text = buildReport(c.body);
      const model = new LspText(text);
      const { uri, items } = await diagnosticsOf(text);
      const diagnostic = items.find((d) => d.code === c.rule && text.slice(model.offset(d.range.start), model.offset(d.range.end)) === c.covers);
      assert.ok(diagnostic, `no ${c.rule} at ${JSON.stringify(c.covers)}: ${JSON.stringify(items.map((d) => [d.code, d.range]))}`);
      assert.equal(diagnostic.source, 'findings');

      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
      const fix = actions.find((action) => c.fix.test(action.title));
      assert.ok(fix?.edit, `no quick fix ${c.fix} among ${JSON.stringify(actions.map((a) => a.title))}`);
      const fixed = applyLspEdits(text, editsFor(fix.edit, uri));
      assert.ok(fixed.endsWith(`\n---\n${c.fixed}`), JSON.stringify(fixed));
      const after = await diagnosticsOf(fixed);
      assert.deepEqual(after.items.map((d) => d.code), [], `after ${fix.title}`);

      const keep = actions.find((action) => /Keep as article text/.test(action.title));
      assert.equal(keep !== undefined, c.keep, `a keep fix is ${c.keep ? '' : 'not '}offered`);
      if (keep) {
        assert.equal(keep.isPreferred, false);
        const kept = applyLspEdits(text, editsFor(keep.edit!, uri));
        assert.ok(kept.endsWith(`\n---\n${c.body}`), 'only the front matter is edited');
        assert.deepEqual((await diagnosticsOf(kept)).items, [], `after ${keep.title}`);
      }
      await client.close(uri);
    });
  }
});
