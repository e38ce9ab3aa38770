// The article's fingerprint over LSP: the text-fingerprint diagnostic (on the
// line that changed when the report names its source file, else on the
// recorded value), its two quick fixes ("Accept the edited text", an edit;
// "Show the difference", a command of the client), `findings/cleanText`, and
// the "New front matter" completion above a pasted article.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CompletionList, Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { CleanTextRequest, Commands } from '../../protocol';
import { TempDir } from '../helpers/tempDir';
import { LspClient, repoPath, uriOf } from './lspClient';

const SAMPLE = fs.readFileSync(repoPath('samples', 'darlington.report.md'), 'utf8');
const SEED = fs.readFileSync(repoPath('test', 'fixtures', 'seeds', '003_567efeca54de0dd7.txt'), 'utf8');
const ORIGINAL = 'looked at how providers across Darlington';
const EDITED = 'looked at how the providers across Darlington';

/** Applies LSP edits to a text whose lines end at LF. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => starts[p.line] + p.character;
  let result = text;
  for (const edit of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  }
  return result;
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

describe('lsp: the article text and its fingerprint', function () {
  this.timeout(60_000);
  let dir: TempDir;
  let client: LspClient;
  let version = 1;
  const articleUri = () => uriOf(path.join(dir.path, 'articles', 'darlington.txt'));

  before(async () => {
    dir = new TempDir('findings-lsp-fingerprint-');
    dir.write('articles/darlington.txt', SEED);
    client = await LspClient.start({ folders: [dir.path], pull: true, settings: { validate: { debounceMs: 0 } } });
  });
  after(async () => {
    await client?.stop();
    dir.remove();
  });

  /** Opens a report (written to disk first, as a report in the folder is) and returns its URI. */
  async function openReport(name: string, text: string): Promise<string> {
    const uri = uriOf(dir.write(name, text));
    await client.open(uri, text, version++);
    return uri;
  }

  async function fingerprintDiagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    return (report as FullDocumentDiagnosticReport).items.filter((d) => d.code === 'text-fingerprint');
  }

  const quickFixes = (uri: string, diagnostic: Diagnostic) => client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });

  it('puts a mismatch on the line that changed, and offers "Accept the edited text" and "Show the difference"', async () => {
    const text = SAMPLE.replace('  publisher: The Northern Echo\n', '  publisher: The Northern Echo\n  file: ../articles/darlington.txt\n').replace(ORIGINAL, EDITED);
    const uri = await openReport('reports/darlington.report.md', text);
    const [diagnostic, ...others] = await fingerprintDiagnostics(uri);
    assert.deepEqual(others, []);
    assert.equal(diagnostic.severity, 1, 'an error');
    assert.equal(diagnostic.range.start.line, lineOf(text, EDITED));
    assert.equal(diagnostic.range.start.character, 0);
    assert.equal(diagnostic.message, `The article text no longer matches its fingerprint (\`text_sha256\`): this line differs from line ${lineOf(SEED, ORIGINAL) + 1} of the source (../articles/darlington.txt).`);

    const actions = await quickFixes(uri, diagnostic);
    assert.deepEqual(actions.map((action) => action.title), ['Accept the edited text', 'Show the difference']);
    const [accept, difference] = actions;
    assert.equal(accept.isPreferred, false);
    assert.equal(difference.edit, undefined);
    assert.deepEqual(difference.command, { title: 'Show the difference', command: Commands.showTextDifference, arguments: [articleUri(), uri] });

    // The accepted edit changes only the recorded value.
    const edits = (accept.edit!.documentChanges as TextDocumentEdit[])[0].edits as TextEdit[];
    assert.equal(edits.length, 1);
    assert.equal(edits[0].range.start.line, lineOf(text, 'text_sha256:'));
    const accepted = applyEdits(text, edits);
    assert.deepEqual(accepted.split('\n').filter((line, i) => line !== text.split('\n')[i]).map((line) => line.replace(/[0-9a-f]{64}/, 'HASH')), ['text_sha256: "HASH"']);
    await client.change(uri, version++, [{ text: accepted }]);
    assert.deepEqual(await fingerprintDiagnostics(uri), []);
  });

  it('keeps a mismatch on the recorded value without a readable source, with only "Accept the edited text"', async () => {
    for (const [name, source] of [['no-source.report.md', ''], ['missing-source.report.md', '  file: nowhere.txt\n']] as const) {
      const text = SAMPLE.replace('  publisher: The Northern Echo\n', `  publisher: The Northern Echo\n${source}`).replace(ORIGINAL, EDITED);
      const uri = await openReport(name, text);
      const [diagnostic] = await fingerprintDiagnostics(uri);
      assert.equal(diagnostic.range.start.line, lineOf(text, 'text_sha256:'), name);
      assert.match(diagnostic.message as string, /it was changed after the fingerprint was recorded/);
      assert.deepEqual((await quickFixes(uri, diagnostic)).map((action) => action.title), ['Accept the edited text'], name);
    }
  });

  it('answers findings/cleanText with the clean text as parsed, following edits; null for a file that is not a report', async () => {
    const uri = await openReport('clean.report.md', SAMPLE);
    assert.deepEqual(await client.request(CleanTextRequest, { uri }), { text: SEED });
    await client.change(uri, version++, [{ text: SAMPLE.replace(ORIGINAL, EDITED) }]);
    assert.deepEqual(await client.request(CleanTextRequest, { uri }), { text: SEED.replace(ORIGINAL, EDITED) });
    assert.equal(await client.request(CleanTextRequest, { uri: articleUri() }), null);
  });

  it('completes `---` above a pasted article with its fingerprint, the article left as pasted', async () => {
    const uri = await openReport('pasted.report.md', `---\n${SEED}`);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.deepEqual(list.items.map((item) => item.label), ['---']);
    const edit = list.items[0].textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, 'one line: the one typed');
    const hash = /text_sha256: "([0-9a-f]{64})"/.exec(edit.newText)?.[1];
    const sample = /text_sha256: "([0-9a-f]{64})"/.exec(SAMPLE)?.[1];
    assert.equal(hash, sample, 'the same fingerprint as the annotated sample of this article');
    assert.ok(edit.newText.endsWith('\n---'), 'the typed line\'s own line break ends the closing `---`');
  });
});
