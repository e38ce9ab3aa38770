import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  DocumentHighlight,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  MarkupContent,
  Position,
  SymbolInformation,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { LspClient, repoPath, uriOf } from './lspClient';
import { concernCodebook } from './concernCodebook';

/** The LSP position of the `n`-th occurrence of `needle` in `text`, plus `delta` characters. */
function positionOf(text: string, needle: string, delta = 0, n = 0): Position {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`${needle} not found`);
  }
  const offset = at + delta;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return { line: text.slice(0, lineStart).split('\n').length - 1, character: offset - lineStart };
}

/** Applies LSP edits to a text (edits do not overlap). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const offsetAt = (p: Position) => {
    const lines = text.split('\n');
    let offset = 0;
    for (let i = 0; i < p.line; i++) offset += lines[i].length + 1;
    return offset + p.character;
  };
  const sorted = [...edits].map((e) => ({ start: offsetAt(e.range.start), end: offsetAt(e.range.end), text: e.newText })).sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

function editsByUri(edit: WorkspaceEdit): Map<string, TextEdit[]> {
  const map = new Map<string, TextEdit[]>();
  for (const change of (edit.documentChanges ?? []) as TextDocumentEdit[]) map.set(change.textDocument.uri, [...(map.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) map.set(uri, [...(map.get(uri) ?? []), ...edits]);
  return map;
}

const labels = (list: CompletionList | CompletionItem[] | null) => (Array.isArray(list) ? list : (list?.items ?? [])).map((item) => item.label);
const items = (list: CompletionList | CompletionItem[] | null) => (Array.isArray(list) ? list : (list?.items ?? []));

describe('lsp: language features', function () {
  this.timeout(60_000);
  let dir: string;
  let client: LspClient;
  const names = ['darlington.report.md', 'hartlepool-2017.report.md', 'middlesbrough.report.md', 'north-somerset-2018.report.md', 'stoke-on-trent.report.md'];
  const file = (name: string) => path.join(dir, name);
  const text = (name: string) => fs.readFileSync(file(name), 'utf8');

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'findings-lsp-features-'));
    for (const name of names) fs.copyFileSync(repoPath('samples', name), file(name));
    client = await LspClient.start({ folders: [dir], pull: true, settings: { validate: { debounceMs: 0 } } });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function openScratch(name: string, content: string): Promise<string> {
    const uri = uriOf(file(name));
    await client.open(uri, content);
    return uri;
  }

  const complete = (uri: string, position: Position) => client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });

  describe('completion', () => {
    it('offers the whole front matter in an empty file', async () => {
      const uri = await openScratch('empty.report.md', '');
      const list = items(await complete(uri, { line: 0, character: 0 }));
      assert.equal(list.length, 1);
      assert.equal(list[0].insertTextFormat, 2, 'a snippet');
      const snippet = (list[0].textEdit as TextEdit).newText;
      assert.match(snippet, /^---\narea: \$1\nframework: \$\{2\|"2016","2023"\|\}\n/);
      assert.match(snippet, /\nstatus: \$\{\d+\|draft,reviewed\|\}\n---\n\$0$/);
    });

    it('offers the front matter on a `---` first line', async () => {
      const uri = await openScratch('dashes.report.md', '---');
      assert.deepEqual(labels(await complete(uri, { line: 0, character: 3 })), ['---']);
    });

    it('offers missing front-matter keys first, with the codebook description', async () => {
      const content = '---\narea: Darlington\nframework: "2023"\n\n---\nBody.\n';
      const uri = await openScratch('keys.report.md', content);
      const list = items(await complete(uri, { line: 3, character: 0 }));
      const sorted = [...list].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
      assert.deepEqual(sorted.slice(0, 4).map((i) => i.label), ['inspection_type', 'outcome', 'annotator', 'status'], 'required fields that are missing come first');
      assert.ok(!list.some((i) => i.label === 'area' || i.label === 'framework'), 'fields already set are not offered');
      const outcome = list.find((i) => i.label === 'outcome')!;
      assert.equal((outcome.documentation as MarkupContent).kind, 'markdown');
      assert.match((outcome.documentation as MarkupContent).value, /allowed values depend on the framework/);
      assert.equal((outcome.textEdit as TextEdit).newText, 'outcome: ');
      assert.equal(outcome.command?.command, 'editor.action.triggerSuggest', 'the value is suggested next');
    });

    it('offers outcome values that fit the framework and inspection type', async () => {
      const content = '---\narea: Darlington\nframework: "2023"\ninspection_type: full\noutcome: \n---\nBody.\n';
      const uri = await openScratch('outcome.report.md', content);
      assert.deepEqual(labels(await complete(uri, { line: 4, character: 9 })), ['positive', 'inconsistent', 'significant_concerns']);
      const framework = items(await complete(uri, { line: 2, character: 11 }));
      assert.deepEqual(framework.map((i) => (i.textEdit as TextEdit).newText), ['"2016"', '"2023"'], 'numbers-like values are quoted');
    });

    it('offers areas, with a near miss suggested first', async () => {
      const content = '---\narea: Hartlepol\n---\nBody.\n';
      const uri = await openScratch('area.report.md', content);
      const list = items(await complete(uri, { line: 1, character: 15 }));
      assert.ok(list.length > 153, 'every area and its aliases');
      const hartlepool = list.find((i) => i.label === 'Hartlepool')!;
      assert.equal(hartlepool.preselect, true);
      assert.match(hartlepool.filterText!, /Hartlepol/);
      assert.deepEqual((hartlepool.textEdit as TextEdit).range, { start: { line: 1, character: 6 }, end: { line: 1, character: 15 } });
      const stoke = list.find((i) => i.label === 'Stoke')!;
      assert.equal((stoke.textEdit as TextEdit).newText, 'Stoke-on-Trent', 'an alias inserts the canonical name');
    });

    it("offers today's date for a date field", async () => {
      const uri = await openScratch('date.report.md', '---\npublished: \n---\n');
      const list = items(await complete(uri, { line: 1, character: 11 }));
      assert.equal(list.length, 1);
      assert.match(list[0].label, /^\d{4}-\d{2}-\d{2}$/);
      const now = new Date();
      assert.equal(list[0].label, `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`);
    });

    it('offers codes after `{.` and ` .`, attribute names, themes, values and ids in an attribute block', async () => {
      const head = '---\narea: Darlington\n---\n';
      const uri = await openScratch('spans.report.md', `${head}[Leaders were slow]{.\n`);
      const codes = items(await complete(uri, { line: 3, character: 21 }));
      assert.ok(codes.some((i) => i.label === 'weakness' && /shortcoming/.test((i.documentation as MarkupContent).value)));
      assert.equal(codes.length, 8);

      await client.change(uri, 2, [{ range: { start: { line: 3, character: 21 }, end: { line: 3, character: 21 } }, text: 'weakness .' }]);
      const second = labels(await complete(uri, { line: 3, character: 31 }));
      assert.ok(second.includes('quote') && !second.includes('weakness'), 'a code already on the span is not offered again');

      await client.change(uri, 3, [{ range: { start: { line: 3, character: 30 }, end: { line: 3, character: 31 } }, text: '' }]);
      const attributes = items(await complete(uri, { line: 3, character: 30 }));
      assert.deepEqual(attributes.filter((i) => i.kind === 5).map((i) => i.label), ['theme', 'severity', 'memo'], 'the attributes of `.weakness`, and the memo every code takes');
      assert.equal((attributes.find((i) => i.label === 'theme')!.textEdit as TextEdit).newText, 'theme=');

      await client.change(uri, 4, [{ range: { start: { line: 3, character: 30 }, end: { line: 3, character: 30 } }, text: 'theme=' }]);
      const themes = items(await complete(uri, { line: 3, character: 36 }));
      assert.equal(themes.length, 16);
      const leadership = themes.find((i) => i.label === 'leadership')!;
      assert.equal(leadership.detail, 'Leadership and governance');
      assert.match((leadership.documentation as MarkupContent).value, /Strategic leadership/);

      await client.change(uri, 5, [{ range: { start: { line: 3, character: 36 }, end: { line: 3, character: 36 } }, text: 'leadership severity=' }]);
      assert.deepEqual(labels(await complete(uri, { line: 3, character: 56 })), ['significant', 'moderate']);

      await client.change(uri, 6, [{ range: { start: { line: 3, character: 56 }, end: { line: 3, character: 56 } }, text: 'moderate #}' }]);
      const ids = labels(await complete(uri, { line: 3, character: 66 }));
      assert.deepEqual(ids, ['leaders-were-slow', 'darlington-weakness-1']);
    });

    it('offers nothing in plain body text', async () => {
      const uri = uriOf(file('darlington.report.md'));
      await client.open(uri, text('darlington.report.md'));
      assert.deepEqual(labels(await complete(uri, positionOf(text('darlington.report.md'), 'The joint inspection', 4))), []);
    });

    it('answers a space typed in prose at once, and a space in an attribute block with attributes', async () => {
      const uri = await openScratch('space.report.md', '---\narea: Darlington\n---\nSome text [leaders]{.quote }\n');
      const typed = (character: number) => client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character }, context: { triggerKind: 2, triggerCharacter: ' ' } });
      assert.deepEqual(labels(await typed(5)), []);
      assert.ok(labels(await typed(27)).includes('speaker'));
    });
  });

  describe('hover', () => {
    const name = 'darlington.report.md';
    const hover = async (needle: string, delta: number): Promise<string | undefined> => {
      const uri = uriOf(file(name));
      await client.open(uri, text(name));
      const result = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text(name), needle, delta) });
      return result ? (result.contents as MarkupContent).value : undefined;
    };

    it('describes a code with its attributes', async () => {
      const value = await hover('{.weakness', 4);
      assert.match(value!, /\*\*Weakness\*\*/);
      assert.match(value!, /shortcoming or area of concern/);
      assert.match(value!, /`severity` \(`significant`, `moderate`\)/);
    });
    it('describes a theme', async () => assert.match((await hover('theme=outcomes', 8))!, /\*\*Experiences and outcomes\*\* · theme `outcomes`/));
    it('describes a field and its values', async () => assert.match((await hover('framework:', 2))!, /\*\*framework\*\*[\s\S]*`2016` — 2016 framework/));
    it('describes an enum value', async () => assert.match((await hover('wsoa_required', 3))!, /\*\*Written Statement of Action required\*\*[\s\S]*Only with framework `2016`/));
    it('describes an area', async () => assert.match((await hover('area: Darlington', 8))!, /\*\*Darlington\*\* · Unitary authority, North East/));
    it('gives nothing in plain text', async () => assert.equal(await hover('The joint inspection', 4), undefined));
  });

  it('outlines the front matter and each code with its spans', async () => {
    const name = 'darlington.report.md';
    const uri = uriOf(file(name));
    await client.open(uri, text(name));
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols[0].name, 'Front matter');
    assert.deepEqual(symbols[0].children!.map((s) => s.name), ['area', 'framework', 'inspection_type', 'outcome', 'inspectorates', 'partners', 'source', 'annotator', 'status', 'text_sha256']);
    assert.deepEqual(symbols[0].children![6].children!.map((s) => s.name), ['publisher']);
    const weakness = symbols.find((s) => s.name.startsWith('weakness'))!;
    assert.match(weakness.name, /^weakness \(\d+\)$/);
    assert.equal(weakness.children!.length, Number(/\((\d+)\)/.exec(weakness.name)![1]));
    assert.equal(weakness.children![0].name, 'watchdogs raised "significant concerns"');
    for (const symbol of symbols.slice(1)) for (const child of symbol.children!) assert.ok(child.name.length <= 61, child.name);
  });

  it('folds the front matter and runs of tagged paragraphs', async () => {
    const name = 'darlington.report.md';
    const uri = uriOf(file(name));
    await client.open(uri, text(name));
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(ranges[0], { startLine: 0, endLine: 15, kind: 'region' });
    assert.ok(ranges.length > 1);
  });

  it('highlights the same code within the document', async () => {
    const name = 'darlington.report.md';
    const uri = uriOf(file(name));
    await client.open(uri, text(name));
    const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri }, position: positionOf(text(name), '.weakness', 3) });
    assert.equal(highlights.length, (text(name).match(/\.weakness\b/g) ?? []).length);
  });

  it('goes to the built-in codebook from a code, a theme and a field', async () => {
    const name = 'darlington.report.md';
    const uri = uriOf(file(name));
    await client.open(uri, text(name));
    const builtin = fs.readFileSync(repoPath('core', 'codebook', 'send.codebook.yaml'), 'utf8').split('\n');
    for (const [needle, delta, line] of [['.weakness', 3, '  weakness:'], ['theme=outcomes', 8, '  outcomes:'], ['framework:', 2, '  framework:']] as const) {
      const location = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: positionOf(text(name), needle, delta) });
      assert.equal(location.uri, 'findings-codebook:/send.codebook.yaml');
      assert.equal(builtin[location.range.start.line], line, needle);
    }
  });

  it('finds the references of a code across the corpus, open or not', async () => {
    const name = 'darlington.report.md';
    const uri = uriOf(file(name));
    await client.open(uri, text(name));
    const expected = names.reduce((sum, n) => sum + (text(n).match(/\.weakness\b/g) ?? []).length, 0);
    const position = positionOf(text(name), '.weakness', 3);
    const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: false } });
    assert.equal(references.length, expected);
    assert.equal(new Set(references.map((r) => r.uri)).size, 5, 'in all five reports');
    const withDeclaration = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
    assert.equal(withDeclaration.length, expected + 1);
    assert.equal(withDeclaration[0].uri, 'findings-codebook:/send.codebook.yaml');
  });

  it('finds spans and ids across the corpus as workspace symbols', async () => {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'darlington-wsoa' });
    assert.ok(symbols.some((s) => s.name === '#darlington-wsoa' && s.location.uri === uriOf(file('darlington.report.md'))));
    const all = await client.request<SymbolInformation[]>('workspace/symbol', { query: '' });
    assert.ok(all.length > 50);
  });

  it('refuses to rename a built-in code without a workspace codebook', async () => {
    const name = 'darlington.report.md';
    const uri = uriOf(file(name));
    await client.open(uri, text(name));
    await assert.rejects(
      client.request('textDocument/prepareRename', { textDocument: { uri }, position: positionOf(text(name), '.weakness', 3) }),
      (error: Error) => /built-in codebook, which cannot be edited\. Add a codebook\.yaml/.test(error.message),
    );
    assert.equal(await client.request('textDocument/prepareRename', { textDocument: { uri }, position: positionOf(text(name), 'The joint', 2) }), null);
  });

  describe('code actions', () => {
    const spans = repoPath('samples', 'broken', 'spans.report.md');
    const spansText = fs.readFileSync(spans, 'utf8');
    it('offers each core fix as a quick fix, and fix-all', async () => {
      const uri = uriOf(file('broken-spans.report.md'));
      await client.open(uri, spansText);
      const report = await client.request<{ items: import('vscode-languageserver-protocol').Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      const unknown = report.items.find((d) => d.code === 'code-unknown')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: unknown.range, context: { diagnostics: [unknown], only: ['quickfix'] } });
      assert.equal(actions.length, 1);
      assert.equal(actions[0].title, 'Change to `weakness`');
      assert.equal(actions[0].isPreferred, true);
      assert.equal(actions[0].kind, 'quickfix');
      const fixed = applyEdits(spansText, editsByUri(actions[0].edit!).get(uri)!);
      assert.ok(fixed.includes('{.weakness theme=ehc-plans}'));

      const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
      assert.equal(fixAll.length, 1);
      assert.equal(fixAll[0].kind, 'source.fixAll.findings');
      const all = applyEdits(spansText, editsByUri(fixAll[0].edit!).get(uri)!);
      assert.ok(all.includes('{.weakness theme=ehc-plans}') && all.includes('{.weakness theme=monitoring}') && all.includes('theme=joint-commissioning}'));
      await client.close(uri);
    });

    it('tags a selection in the body with a code', async () => {
      const name = 'darlington.report.md';
      const docUri = uriOf(file(name));
      await client.open(docUri, text(name));
      const start = positionOf(text(name), 'The joint inspection');
      const end = { line: start.line, character: start.character + 'The joint inspection'.length };
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: docUri }, range: { start, end }, context: { diagnostics: [] } });
      const tag = actions.filter((a) => a.kind === 'refactor.rewrite.findings.tag');
      assert.equal(tag.length, 8);
      assert.equal(tag[1].title, 'Tag selection as weakness');
      const tagged = applyEdits(text(name), editsByUri(tag[1].edit!).get(docUri)!);
      assert.ok(tagged.includes('[The joint inspection]{.weakness theme=}, carried out'));
      const none = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: docUri }, range: { start, end: start }, context: { diagnostics: [] } });
      assert.equal(none.filter((a) => a.kind === 'refactor.rewrite.findings.tag').length, 0, 'nothing for an empty selection');
    });
  });

  it('answers the custom requests', async () => {
    const summary = await client.request<{ name: string; codes: Array<{ name: string; attributes: Array<{ name: string; values: string[] | null }> }>; themes: unknown[] }>('findings/codebook', {});
    assert.equal(summary.name, 'send');
    assert.equal(summary.codes.length, 8);
    assert.equal(summary.themes.length, 16);
    assert.equal(summary.codes[0].attributes[0].values, null, '`values: themes` sends no copy of the themes');
    const builtin = await client.request<{ text: string }>('findings/codebookText', { path: 'builtin:send.codebook.yaml' });
    assert.equal(builtin.text, fs.readFileSync(repoPath('core', 'codebook', 'send.codebook.yaml'), 'utf8'));
    await assert.rejects(client.request('findings/codebookText', { path: '/etc/passwd' }), /not a codebook in use/);
    const uri = uriOf(file('darlington.report.md'));
    const counts = await client.request<{ spans: number; byCode: Record<string, number>; errors: number; warnings: number }>('findings/documentCounts', { uri });
    assert.ok(counts.spans > 5);
    assert.equal(counts.errors, 0);
    assert.equal(typeof counts.byCode.weakness, 'number');
  });
});

describe('lsp: a workspace codebook', function () {
  this.timeout(60_000);
  let dir: string;
  let client: LspClient;
  const codebook = concernCodebook('fields:', '  outcome:', '    type: enum', '    required: true', '    values:', "      worrying: { expects_codes: [concern] }");
  const report = (n: number) => `---\narea: Darlington\nframework: "2016"\ninspection_type: full\noutcome: worrying\nannotator: t\nstatus: draft\n---\nParents raised [worries about buses]{.concern theme="transport health"} and [slow plans]{.weakness theme=ehc-plans} (${n}).\n`;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'findings-lsp-codebook-'));
    fs.writeFileSync(path.join(dir, 'codebook.yaml'), codebook);
    for (const n of [1, 2, 3]) fs.writeFileSync(path.join(dir, `r${n}.report.md`), report(n));
    client = await LspClient.start({ folders: [dir], pull: true, documentChanges: false });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const uri = () => uriOf(path.join(dir, 'r1.report.md'));
  const codebookUri = () => uriOf(path.join(dir, 'codebook.yaml'));

  it('goes to the workspace codebook file', async () => {
    await client.open(uri(), report(1));
    const location = await client.request<Location>('textDocument/definition', { textDocument: { uri: uri() }, position: positionOf(report(1), '.concern', 3) });
    assert.equal(location.uri, codebookUri());
    assert.deepEqual(location.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 9 } });
    const text = await client.request<{ text: string }>('findings/codebookText', { path: path.join(dir, 'codebook.yaml') });
    assert.equal(text.text, codebook);
  });

  it('renames a workspace code in every report and in the codebook (its key and expects_codes)', async () => {
    await client.open(uri(), report(1));
    const position = positionOf(report(1), '.concern', 3);
    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: uri() }, position });
    assert.equal(prepared.placeholder, 'concern');
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: uri() }, position, newName: 'Bad Name' }), /not a valid code name/);
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: uri() }, position, newName: 'weakness' }), /already defines a code `weakness`/);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uri() }, position, newName: 'worry' });
    const edits = editsByUri(edit);
    assert.equal(edits.size, 4, 'three reports and the codebook');
    for (const n of [1, 2, 3]) assert.equal(applyEdits(report(n), edits.get(uriOf(path.join(dir, `r${n}.report.md`)))!), report(n).replace('.concern', '.worry'));
    const renamed = applyEdits(codebook, edits.get(codebookUri())!);
    assert.ok(renamed.includes('\n  worry:\n') && renamed.includes('expects_codes: [worry]') && !renamed.includes('concern'));
  });

  it('renames a theme inside a quoted, several-theme value', async () => {
    await client.open(uri(), report(1));
    const position = positionOf(report(1), 'transport', 2);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uri() }, position, newName: 'travel' });
    const edits = editsByUri(edit);
    assert.equal(applyEdits(report(2), edits.get(uriOf(path.join(dir, 'r2.report.md')))!), report(2).replace('"transport health"', '"travel health"'));
    assert.ok(applyEdits(codebook, edits.get(codebookUri())!).includes('\n  travel:\n    label: Home to school transport'));
  });

  it('renames a built-in code by copying its entry into the workspace codebook', async () => {
    await client.open(uri(), report(1));
    const position = positionOf(report(1), '.weakness', 3);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uri() }, position, newName: 'shortcoming' });
    const edits = editsByUri(edit);
    const renamed = applyEdits(codebook, edits.get(codebookUri())!);
    assert.match(renamed, /codes:\n {2}shortcoming:\n {4}label: Weakness\n {4}description: A passage stating a weakness[^\n]*\n {4}color: "#c62828"\n {4}attributes:\n {6}theme: \{ required: true[^\n]*\n {6}severity:\n {8}description:[^\n]*\n {8}values: \[significant, moderate\]\n {2}concern:/);
    assert.equal(applyEdits(report(3), edits.get(uriOf(path.join(dir, 'r3.report.md')))!), report(3).replace('.weakness', '.shortcoming'));
  });
});
