// A carriage return not followed by a line feed ends a line for LSP and VS
// Code. The server's ranges after one, diagnostics and quick-fix edits
// included, must land on the line the editor shows: the expectations come
// from the test's own line model (lspTextModel.ts), not from the server's.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { TempDir } from '../helpers/tempDir';
import { asCli, cliDiagnostics } from './cliCheck';
import { LspClient, uriOf } from './lspClient';
import { LspText } from './lspTextModel';

const FRONT_MATTER = '---\narea: Darlington\nframework: "2016"\ninspection_type: full\noutcome: no_wsoa\nannotator: t\nstatus: draft\n---\n';
const BODY = 'First line\rsecond [x]{.strenght theme=health} line\r\nThird\r\r[y]{.weakness theme=helth}\rlast\n';
const TEXT = FRONT_MATTER + BODY;

/** The text a range covers, by the test's model. */
function covered(model: LspText, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return model.text.slice(model.offset(range.start), model.offset(range.end));
}

/** The text after a set of edits (relative to the same text, not overlapping). */
function applied(model: LspText, edits: readonly TextEdit[]): string {
  let text = model.text;
  for (const edit of [...edits].sort((a, b) => model.offset(b.range.start) - model.offset(a.range.start))) {
    text = text.slice(0, model.offset(edit.range.start)) + edit.newText + text.slice(model.offset(edit.range.end));
  }
  return text;
}

describe('lsp: a lone carriage return ends a line', function () {
  this.timeout(30_000);
  let dir: TempDir;
  let client: LspClient;
  let uri: string;
  let file: string;
  const model = new LspText(TEXT);

  before(async () => {
    dir = new TempDir('findings-cr-');
    file = dir.write('cr.report.md', TEXT);
    uri = uriOf(file);
    client = await LspClient.start({ folders: [dir.path], pull: true, settings: { validate: { run: 'onType', debounceMs: 0 } } });
    await client.open(uri, TEXT, 1);
  });
  after(async () => {
    await client.stop();
    dir.remove();
  });

  async function diagnostics(): Promise<Diagnostic[]> {
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    return report.kind === 'full' ? report.items : [];
  }

  it('puts each diagnostic on the line the editor shows, after lone CRs', async () => {
    const found = await diagnostics();
    const unknown = found.find((d) => d.code === 'code-unknown');
    const value = found.find((d) => d.code === 'attribute-value');
    assert.ok(unknown && value, JSON.stringify(found));
    const second = FRONT_MATTER.split('\n').length; // the body's second line (after `First line` and its CR)
    assert.equal(model.lineText(second - 1), 'First line');
    assert.equal(unknown.range.start.line, second);
    assert.equal(covered(model, unknown.range), 'strenght');
    assert.equal(value.range.start.line, second + 3, 'after a CR LF, a CR and an empty line ended by a CR');
    assert.equal(covered(model, value.range), 'helth');
    for (const diagnostic of found) assert.equal(model.rangeProblem(diagnostic.range), undefined);
  });

  it('gives quick-fix edits that change the right text', async () => {
    const found = await diagnostics();
    for (const [rule, before, after] of [['code-unknown', '{.strenght theme=health}', '{.strength theme=health}'], ['attribute-value', '{.weakness theme=helth}', '{.weakness theme=health}']] as const) {
      const diagnostic = found.find((d) => d.code === rule)!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
      const fix = actions.find((action) => action.isPreferred) ?? actions[0];
      assert.ok(fix?.edit?.documentChanges, `a fix for ${rule}`);
      const change = fix.edit.documentChanges[0] as { textDocument: { uri: string; version: number | null }; edits: TextEdit[] };
      assert.equal(change.textDocument.uri, uri);
      for (const edit of change.edits) assert.equal(edit.range.start.line, diagnostic.range.start.line, `${rule}: the edit is on the diagnostic's line`);
      const fixed = applied(model, change.edits);
      assert.ok(TEXT.includes(before) && fixed.includes(after) && !fixed.includes(before), `${rule}: ${JSON.stringify(fixed.slice(FRONT_MATTER.length))}`);
      assert.equal(fixed.replace(after, before), TEXT, `${rule}: nothing else changes`);
    }
  });

  it('hovers, highlights and outlines by the same lines', async () => {
    const at = model.position(TEXT.indexOf('theme=helth') + 2);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at });
    assert.ok(hover?.range);
    assert.equal(covered(model, hover.range), 'theme');
    const weakness = model.position(TEXT.indexOf('.weakness') + 3);
    const highlights = await client.request<Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } } }>>('textDocument/documentHighlight', { textDocument: { uri }, position: weakness });
    assert.deepEqual(highlights.map((h) => covered(model, h.range)), ['weakness']);
    const folds = await client.request<Array<{ startLine: number; endLine: number }>>('textDocument/foldingRange', { textDocument: { uri } });
    for (const fold of folds) assert.ok(fold.endLine < model.lineCount, JSON.stringify(fold));
  });

  it('agrees with `findings check`', async () => {
    assert.deepEqual(asCli(await diagnostics()), cliDiagnostics([file], dir.path).get(path.resolve(file)));
  });
});
