import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TempDir } from '../helpers/tempDir';
import { buildReport } from '../helpers/report';
import { LspClient, uriOf } from './lspClient';
import { LspText } from './lspTextModel';

// Every near-miss of span markup, over the real language server: a
// diagnostic with its rule and range, a quick fix that makes the span meant
// (and, for markup read as article text, one that keeps it as text), each
// applied as the editor applies it and checked clean by the server.

interface Case {
  readonly rule: string;
  readonly body: string;
  /** The text the diagnostic covers. */
  readonly covers: string;
  readonly fix: RegExp;
  readonly fixed: string;
  /** Whether a "Keep as article text" fix is offered. */
  readonly keep: boolean;
}

const CASES: readonly Case[] = [
  { rule: 'markup-space-before-block', body: 'Leaders said [x] {.weakness theme=leadership} today.\n', covers: '] {.weakness theme=leadership}', fix: /Remove the space/, fixed: 'Leaders said [x]{.weakness theme=leadership} today.\n', keep: true },
  { rule: 'markup-block-brackets', body: 'Leaders said [x](.weakness theme=leadership) today.\n', covers: '](.weakness theme=leadership)', fix: /in `\{…\}`/, fixed: 'Leaders said [x]{.weakness theme=leadership} today.\n', keep: true },
  { rule: 'markup-block-brackets', body: 'Leaders said [x]｛.weakness theme=leadership｝ today.\n', covers: ']｛.weakness theme=leadership｝', fix: /in `\{…\}`/, fixed: 'Leaders said [x]{.weakness theme=leadership} today.\n', keep: true },
  { rule: 'markup-block-brackets', body: 'Leaders said [x].weakness theme=leadership} today.\n', covers: '].weakness theme=leadership}', fix: /in `\{…\}`/, fixed: 'Leaders said [x]{.weakness theme=leadership} today.\n', keep: true },
  { rule: 'markup-second-block', body: '[x]{.weakness theme=leadership}{.strength theme=health} today.\n', covers: '{.strength theme=health}', fix: /Merge/, fixed: '[x]{.weakness theme="leadership health" .strength} today.\n', keep: true },
  { rule: 'markup-stray-block', body: 'The report said {.strength theme=health} today.\n', covers: '{.strength theme=health}', fix: /Tag “The report said”/, fixed: '[The report said]{.strength theme=health} today.\n', keep: true },
  { rule: 'markup-stray-bracket', body: 'Leaders said [x]{.weakness theme=health}] today.\n', covers: ']', fix: /Remove the stray `\]`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', keep: true },
  { rule: 'markup-stray-bracket', body: 'Leaders said [[x]{.weakness theme=health} today.\n', covers: '[', fix: /Remove the extra `\[`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', keep: true },
  { rule: 'markup-stray-bracket', body: '[x]{.wsoa #hart}lepool-wsoa} today.\n', covers: '}lepool-wsoa}', fix: /ends the block early/, fixed: '[x]{.wsoa #hartlepool-wsoa} today.\n', keep: true },
  { rule: 'markup-bracket-slip', body: 'Leaders said [x}{.weakness theme=health} today.\n', covers: '}{.weakness theme=health}', fix: /Write `\]` for `\}`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', keep: true },
  { rule: 'markup-bracket-slip', body: 'Leaders said (x){.weakness theme=health} today.\n', covers: '){.weakness theme=health}', fix: /Write `\[` and `\]`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', keep: true },
  { rule: 'markup-typographic-quotes', body: '[x]{.quote speaker=“one parent” role=parent}\n', covers: '“one parent”', fix: /straight quotes/, fixed: '[x]{.quote speaker="one parent" role=parent}\n', keep: false },
  { rule: 'markup-trailing-punctuation', body: '[x]{.weakness theme=outcomes,}\n', covers: ',', fix: /Remove the `,`/, fixed: '[x]{.weakness theme=outcomes}\n', keep: false },
  { rule: 'markup-joined-tokens', body: '[x]{.response speaker=council organisation=Council,stance=welcomes}\n', covers: 'Council,stance=welcomes', fix: /blank for `,`/, fixed: '[x]{.response speaker=council organisation=Council stance=welcomes}\n', keep: false },
  { rule: 'span-syntax', body: '[x]{weakness theme=health}\n', covers: 'weakness', fix: /Write `\.weakness`/, fixed: '[x]{.weakness theme=health}\n', keep: false },
  { rule: 'span-stray-close', body: 'Leaders said (x]{.weakness theme=health} today.\n', covers: ']{.weakness theme=health}', fix: /Write `\[` for `\(`/, fixed: 'Leaders said [x]{.weakness theme=health} today.\n', keep: false },
  { rule: 'span-unclosed', body: '[x]{.weakness theme=leadership, the report said.\n', covers: '[x]{.weakness theme=leadership, the report said.', fix: /after `theme=leadership`/, fixed: '[x]{.weakness theme=leadership}, the report said.\n', keep: false },
];

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
