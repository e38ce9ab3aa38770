// Adjudication over LSP: `findings/adjudicate` makes the reference report of
// an article from the annotators' copies the server indexes (the text the
// core makes; `findings check` passes it), its candidates come as
// information diagnostics whose code actions settle them, and asking again
// brings the open reference up to date without losing what was settled.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { AdjudicateRequest, type AdjudicateResult } from '../../protocol';
import { runCli } from '../helpers/cli';
import { buildReport } from '../helpers/report';
import { TempDir } from '../helpers/tempDir';
import { LspClient, repoPath, uriOf } from './lspClient';
import { applyChange } from './lspTextModel';

/** Applies an action's edits (a documentChanges edit of one document). */
function applyAction(text: string, action: CodeAction): string {
  const edits = (action.edit!.documentChanges as TextDocumentEdit[])[0].edits as TextEdit[];
  const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  return ordered.reduce((result, edit) => applyChange(result, { range: edit.range, text: edit.newText }), text);
}

describe('lsp: adjudication into a reference report', function () {
  this.timeout(60_000);
  let dir: TempDir;
  let client: LspClient;

  before(async () => {
    dir = new TempDir('findings-lsp-adjudication-');
    for (const name of fs.readdirSync(repoPath('samples', 'agreement')).filter((file) => file.endsWith('.report.md'))) {
      dir.write(`agreement/${name}`, fs.readFileSync(repoPath('samples', 'agreement', name), 'utf8'));
    }
    dir.write('alone/only.report.md', buildReport('An article nobody else coded.\n'));
    client = await LspClient.start({ folders: [dir.path], pull: true, settings: { validate: { debounceMs: 0 } } });
  });
  after(async () => {
    await client?.stop();
    dir.remove();
  });

  const reference = (result: AdjudicateResult | null) => {
    assert.ok(result && result.kind === 'reference', JSON.stringify(result));
    return result;
  };

  async function candidates(uri: string): Promise<Diagnostic[]> {
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    return (report as FullDocumentDiagnosticReport).items.filter((d) => d.code === 'adjudication-candidate');
  }

  it('makes the reference of a copy\'s article, which `findings check` passes, and settles a candidate with a code action', async () => {
    const copy = uriOf(path.join(dir.path, 'agreement', 'middlesbrough.mk.report.md'));
    const made = reference(await client.request(AdjudicateRequest, { uri: copy }));
    const uri = uriOf(path.join(dir.path, 'agreement', 'middlesbrough.adjudicated.report.md'));
    assert.equal(made.uri, uri);
    assert.deepEqual([made.created, made.copies, made.agreed, made.unplaced, made.candidates], [true, 3, 14, 0, 6]);
    assert.match(made.text, /^---\n# Seed: .*\narea: Middlesbrough\n[^]*\nannotator: adjudicated\nstatus: draft\nadjudicated_from:\n {2}- middlesbrough\.jd\.report\.md\n/);

    dir.write('agreement/middlesbrough.adjudicated.report.md', made.text);
    const check = await runCli(['check', 'agreement/middlesbrough.adjudicated.report.md'], dir.path);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    assert.match(check.stdout, /0 errors, 0 warnings, 6 information in 1 of 1 report checked\.\n$/);

    await client.open(uri, made.text, 1);
    const found = await candidates(uri);
    assert.equal(found.length, 6);
    assert.ok(found.every((d) => d.severity === 3));
    const [first] = found;
    assert.equal(first.message, 'Missing: jd 314–457 recommendation; mk nothing; rs 314–457 recommendation.');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: first.range, context: { diagnostics: [first], only: ['quickfix'] } });
    assert.deepEqual(actions.map((action) => [action.title, action.isPreferred]), [['Take jd\'s and rs\'s version', false], ['Code nothing here', false]]);
    const settled = applyAction(made.text, actions[0]);
    assert.ok(settled.includes('[a number of recommendations have been made to improve the delivery of services for young people with disabilities and special educational needs]{.recommendation}.'));
    await client.change(uri, 2, [{ text: settled }]);
    assert.equal((await candidates(uri)).length, 5);

    // "Fix all" never settles a candidate.
    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: first.range, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(fixAll, []);

    // Asked again (from the reference itself), the open reference is brought up to date: the settled span stays, its candidate does not come back.
    const again = reference(await client.request(AdjudicateRequest, { uri }));
    assert.deepEqual([again.uri, again.created, again.agreed, again.candidates], [uri, false, 0, 5]);
    assert.equal(again.text, settled);
  });

  it('refuses an article with one copy, and answers null for a file that is not a report', async () => {
    const only = uriOf(path.join(dir.path, 'alone', 'only.report.md'));
    const refused = await client.request(AdjudicateRequest, { uri: only });
    assert.ok(refused && refused.kind === 'refused');
    assert.equal(refused.message, 'Adjudication needs at least two annotators\' copies of the article (reports with the same article text), and only alone/only.report.md was found.');
    assert.equal(await client.request(AdjudicateRequest, { uri: `${only}.gone` }), null);
  });

  it('refuses malformed parameters', async () => {
    await assert.rejects(client.request(AdjudicateRequest.method, { uri: 12 }), /invalid params|uri/i);
  });
});
