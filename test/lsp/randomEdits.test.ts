// A campaign of random incremental edits over LSP, as a careless and very fast
// typist would make them: markup characters, line breaks of every kind, text
// and unicode (surrogate pairs, and halves of them), interleaved with every
// request the server answers, at random positions including impossible ones.
// Every answer must come in time, without an internal error, with ranges that
// exist in the text the client holds; at the end the server's diagnostics
// must be those of `findings check` on the final text. Seeds are fixed: a
// failure replays.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ResponseError } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, Position, Range, TextDocumentContentChangeEvent, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { MAX_PAGE_FINDINGS, type FindingsPageResult } from '../../protocol';
import { TempDir } from '../helpers/tempDir';
import { rangesIn } from './answerRanges';
import { asCli, cliDiagnostics } from './cliCheck';
import { LspClient, repoPath, uriOf } from './lspClient';
import { applyChange, LspText } from './lspTextModel';
import { SeededRandom } from './seededRandom';

/** The longest any one answer may take (a 2-core machine shared with other work). */
const ANSWER_BUDGET_MS = 2000;
const BUILTIN_CODEBOOK_URI = 'findings-codebook:/send.codebook.yaml';

const TOKENS = [
  '[', ']', '{', '}', '.', '#', '=', '"', "'", '\n', '\r', '\r\n', ' ', '\t', '-', ':', 'a', 'x', 'é', '—',
  '\u{1F600}', '\uD83D', '\uDE00', 'weakness', '.strength', ' theme=health', 'theme=', '#id-1', ']{.weakness theme=leadership}', '---\n', 'area: ',
];
const CODES = ['weakness', 'strength', 'quote', 'wsoa', 'recommendation'];
const THEMES = ['health', 'leadership', 'identification', 'outcomes'];
const NEW_NAMES = ['health', 'new-name', 'x y', '', 'weakness', 'leadership2'];
const QUERIES = ['', 'w', 'weakness', 'health', '#', 'zz', '"'];
const TRIGGERS = ['.', '#', '=', ' ', '"', ':', '{'];

interface CampaignDocument {
  readonly name: string;
  readonly seed: number;
  readonly edits: number;
  readonly text: string;
}

const sample = (name: string) => fs.readFileSync(repoPath('samples', name), 'utf8');

const DOCUMENTS: readonly CampaignDocument[] = [
  { name: 'a sample report (LF)', seed: 0x5eed01, edits: 3000, text: sample('darlington.report.md') },
  { name: 'a broken report (CRLF)', seed: 0x5eed02, edits: 3000, text: sample('broken/spans.report.md').replace(/\n/g, '\r\n') },
  {
    name: 'a report with lone CRs',
    seed: 0x5eed03,
    edits: 3000,
    text: '---\narea: Darlington\nframework: "2016"\ninspection_type: full\noutcome: no_wsoa\nannotator: t\nstatus: draft\n---\nOne\rtwo [tagged]{.weakness theme=health}\rthree [x]{.strenght}\r\n[nested [inner]{.quote speaker=a} text]{.strength theme=leadership #s1}\r',
  },
];

/** Lone surrogates made U+FFFD, as writing the text to a UTF-8 file does. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

interface Totals {
  edits: number;
  requests: number;
  /** Ranges in answers checked against the client's text. */
  ranges: number;
  /** Edits from answers (quick fixes, fix-all, tagging) applied as the next edit. */
  applied: number;
  errors: Map<string, number>;
  failures: string[];
  slowestMs: number;
  slowest: string;
}

/** One document's campaign: the client's text and version, and what the server answered. */
class Campaign {
  private text: string;
  private model: LspText;
  private version = 1;
  /** Diagnostics pulled for the current version, for code actions. */
  private diagnostics: Diagnostic[] = [];
  private diagnosticsVersion = 0;
  /** An edit from an answer, applied as the next edit. */
  private pendingEdit: TextEdit[] | undefined;

  constructor(
    private readonly client: LspClient,
    private readonly random: SeededRandom,
    private readonly uri: string,
    text: string,
    private readonly others: ReadonlyMap<string, string>,
    private readonly totals: Totals,
    private readonly exportTarget: string,
  ) {
    this.text = text;
    this.model = new LspText(text);
  }

  get currentText(): string {
    return this.text;
  }

  async open(): Promise<void> {
    await this.client.open(this.uri, this.text, this.version);
  }

  // ------------------------------------------------------------ edits

  async edit(): Promise<void> {
    // Now and then the document is saved, or closed and opened again (with its text: it is on no disk).
    if (this.random.chance(0.01)) await this.client.save(this.uri);
    if (this.random.chance(0.002)) {
      await this.client.close(this.uri);
      await this.client.open(this.uri, this.text, ++this.version);
    }
    const changes: TextDocumentContentChangeEvent[] = [];
    if (this.pendingEdit) {
      // Edits of one answer are relative to the same text: applied from the last.
      const sorted = [...this.pendingEdit].sort((a, b) => this.model.offset(b.range.start) - this.model.offset(a.range.start));
      changes.push(...sorted.map((edit) => ({ range: edit.range, text: edit.newText })));
      this.pendingEdit = undefined;
      this.totals.applied++;
    } else {
      const count = this.random.chance(0.05) ? 2 + this.random.int(3) : 1;
      let text = this.text;
      for (let i = 0; i < count; i++) {
        const change = this.randomChange(new LspText(text));
        changes.push(change);
        text = applyChange(text, change);
      }
    }
    for (const change of changes) this.text = applyChange(this.text, change);
    this.model = new LspText(this.text);
    this.version++;
    this.totals.edits++;
    await this.client.change(this.uri, this.version, changes);
  }

  private randomChange(model: LspText): TextDocumentContentChangeEvent {
    const roll = this.random.next();
    if (roll < 0.003) return { text: this.random.chance(0.5) ? '' : DOCUMENTS[this.random.int(DOCUMENTS.length)].text };
    const start = this.random.int(model.text.length + 1);
    let end = start;
    let insert = '';
    if (roll < 0.7) insert = this.random.pick(TOKENS);
    else if (roll < 0.92) end = Math.min(model.text.length, start + 1 + this.random.int(8));
    else {
      end = Math.min(model.text.length, start + this.random.int(4));
      insert = this.random.pick(TOKENS);
    }
    const range = { start: model.position(start), end: model.position(end) };
    // Now and then a position past the end of its line (the protocol says: its end) or past the last line.
    if (start === end && this.random.chance(0.03)) {
      const line = this.random.chance(0.5) ? range.start.line : model.lineCount + this.random.int(3);
      const past = { line, character: (line < model.lineCount ? model.lineLength(line) : 0) + 1 + this.random.int(5) };
      return { range: { start: past, end: past }, text: insert };
    }
    return { range, text: insert };
  }

  // ------------------------------------------------------------ requests

  /** A position in the text, or (one time in five) one outside it. */
  private position(): Position {
    if (this.random.chance(0.8)) return this.model.position(this.random.int(this.text.length + 1));
    const line = this.random.int(this.model.lineCount + 3);
    const length = line < this.model.lineCount ? this.model.lineLength(line) : 0;
    return { line, character: this.random.chance(0.5) ? length + 1 + this.random.int(50) : this.random.int(length + 1) };
  }

  private range(): Range {
    const a = this.position();
    const b = this.random.chance(0.3) ? a : this.position();
    return this.model.offset(a) <= this.model.offset(b) ? { start: a, end: b } : { start: b, end: a };
  }

  /** Every request kind, with its parameters for the current text. */
  private readonly kinds: ReadonlyArray<{ method: string; params: () => unknown; allowed?: readonly number[]; after?: (answer: unknown) => void }> = [
    { method: 'textDocument/completion', params: () => ({ ...this.at(), context: this.random.pick([undefined, { triggerKind: 1 }, { triggerKind: 2, triggerCharacter: this.random.pick(TRIGGERS) }]) }) },
    { method: 'textDocument/hover', params: () => this.at() },
    { method: 'textDocument/definition', params: () => this.at() },
    { method: 'textDocument/references', params: () => ({ ...this.at(), context: { includeDeclaration: this.random.chance(0.5) } }) },
    { method: 'textDocument/documentHighlight', params: () => this.at() },
    { method: 'textDocument/prepareRename', params: () => this.at(), allowed: [-32600] },
    { method: 'textDocument/rename', params: () => ({ ...this.at(), newName: this.random.pick(NEW_NAMES) }), allowed: [-32600] },
    {
      method: 'textDocument/codeAction',
      params: () => ({
        textDocument: { uri: this.uri },
        range: this.range(),
        context: { diagnostics: this.diagnosticsVersion === this.version ? this.diagnostics.filter(() => this.random.chance(0.5)) : [], only: this.random.pick([undefined, ['quickfix'], ['source.fixAll.findings'], ['refactor']]) },
      }),
      after: (answer) => this.maybeApply(answer as CodeAction[] | null),
    },
    { method: 'textDocument/documentSymbol', params: () => ({ textDocument: { uri: this.uri } }) },
    { method: 'textDocument/foldingRange', params: () => ({ textDocument: { uri: this.uri } }), after: (answer) => this.checkFolding(answer as Array<{ startLine: number; endLine: number }>) },
    { method: 'workspace/symbol', params: () => ({ query: this.random.pick(QUERIES) }) },
    {
      method: 'textDocument/diagnostic',
      params: () => ({ textDocument: { uri: this.uri } }),
      after: (answer) => {
        const report = answer as DocumentDiagnosticReport;
        if (report.kind === 'full') {
          this.diagnostics = report.items;
          this.diagnosticsVersion = this.version;
        }
      },
    },
    { method: 'workspace/diagnostic', params: () => ({ previousResultIds: [] }) },
    { method: 'findings/documentCounts', params: () => ({ uri: this.uri }) },
    { method: 'findings/summary', params: () => ({ scope: this.random.pick([{ kind: 'document', uri: this.uri }, { kind: 'workspace' }]) }) },
    {
      method: 'findings/findingsPage',
      params: () => ({
        scope: this.random.pick([{ kind: 'document', uri: this.uri }, { kind: 'workspace' }]),
        filters: { code: this.random.chance(0.5) ? '' : this.random.pick(CODES), theme: this.random.chance(0.7) ? '' : this.random.pick(THEMES), area: this.random.chance(0.8) ? '' : this.random.pick(['Darlington', '(none)']), text: this.random.chance(0.6) ? '' : this.random.pick(TOKENS) },
        sort: this.random.pick(['report', 'code', 'area']),
        offset: this.random.int(40),
        limit: this.random.int(MAX_PAGE_FINDINGS + 1),
      }),
      after: (answer) => this.checkPage(answer as FindingsPageResult),
    },
    { method: 'findings/exportCheck', params: () => ({ scope: { kind: 'document', uri: this.uri } }) },
    { method: 'findings/codebook', params: () => ({ uri: this.uri }) },
    { method: 'findings/codebookText', params: () => ({ path: 'builtin:send.codebook.yaml' }) },
    {
      method: 'findings/tag',
      params: () => ({ textDocument: { uri: this.uri, version: this.version }, selections: [this.range()], code: this.random.pick(CODES), themes: [this.random.pick(THEMES)] }),
      after: (answer) => {
        if (this.random.chance(0.3)) this.pendingEdit = (answer as { edits: TextEdit[] }).edits;
      },
    },
  ];

  private at(): { textDocument: { uri: string }; position: Position } {
    return { textDocument: { uri: this.uri }, position: this.position() };
  }

  async request(): Promise<void> {
    // Now and then a burst: several requests in flight at once, all about the current text.
    const burst = this.random.chance(0.1) ? 2 + this.random.int(4) : 1;
    const picked = Array.from({ length: burst }, () => this.random.pick(this.kinds));
    const low = this.random.chance(0.01) ? [{ method: 'findings/export', params: () => ({ scope: { kind: 'document', uri: this.uri }, format: 'jsonl', target: uriOf(this.exportTarget) }) }] : [];
    await Promise.all([...picked, ...low].map((kind) => this.ask(kind)));
  }

  private async ask(kind: { method: string; params: () => unknown; allowed?: readonly number[]; after?: (answer: unknown) => void }): Promise<void> {
    const params = kind.params();
    const version = this.version;
    const started = Date.now();
    this.totals.requests++;
    let answer: unknown;
    try {
      answer = await this.client.request(kind.method, params);
    } catch (error) {
      const code = error instanceof ResponseError ? error.code : undefined;
      const key = `${kind.method} ${code}`;
      this.totals.errors.set(key, (this.totals.errors.get(key) ?? 0) + 1);
      if (code === undefined || !(kind.allowed ?? []).includes(code)) this.fail(`${kind.method} failed (${code}): ${(error as Error).message}`, params);
      return;
    } finally {
      const took = Date.now() - started;
      if (took > this.totals.slowestMs) {
        this.totals.slowestMs = took;
        this.totals.slowest = kind.method;
      }
      if (took > ANSWER_BUDGET_MS) this.fail(`${kind.method} took ${took} ms`, params);
    }
    assert.equal(this.version, version, 'no edit while a request is out');
    for (const found of rangesIn(answer, this.uri)) {
      this.totals.ranges++;
      const text = found.uri === this.uri ? this.text : this.others.get(found.uri);
      if (text === undefined) {
        this.fail(`${kind.method}: a range in an unknown document ${found.uri} at ${found.path}`, params);
        continue;
      }
      const problem = (found.uri === this.uri ? this.model : new LspText(text)).rangeProblem(found.range);
      if (problem) this.fail(`${kind.method}: ${problem} at ${found.path} (${found.uri})`, params);
    }
    kind.after?.(answer);
  }

  private maybeApply(actions: CodeAction[] | null): void {
    if (!actions || !this.random.chance(0.3)) return;
    const edit: WorkspaceEdit | undefined = actions.find((action) => action.edit)?.edit;
    const mine = edit?.documentChanges?.find((change) => 'textDocument' in change && change.textDocument.uri === this.uri);
    if (mine && 'edits' in mine) {
      if (mine.textDocument.version !== this.version) this.fail(`a code action for version ${mine.textDocument.version}, not ${this.version}`, actions);
      this.pendingEdit = mine.edits as TextEdit[];
    }
  }

  private checkFolding(ranges: Array<{ startLine: number; endLine: number }> | null): void {
    for (const range of ranges ?? []) {
      if (!(range.startLine >= 0 && range.startLine < range.endLine && range.endLine < this.model.lineCount)) this.fail(`a folding range outside the text: ${JSON.stringify(range)}`, null);
    }
  }

  /** A page holds what its counts say, within its bounds. */
  private checkPage(page: FindingsPageResult): void {
    const expected = Math.max(0, Math.min(MAX_PAGE_FINDINGS, page.matching - page.offset));
    if (page.findings.length > expected || page.matching > page.total) this.fail(`a page of ${page.findings.length} findings from ${page.offset}, ${page.matching} of ${page.total} matching`, null);
    const byArea = page.facets.area.reduce((sum, facet) => sum + facet.count, 0);
    if (byArea < page.matching) this.fail(`the areas count ${byArea} findings, ${page.matching} match`, null);
  }

  private fail(message: string, params: unknown): void {
    if (this.totals.failures.length < 20) this.totals.failures.push(`${message} (version ${this.version}, params ${JSON.stringify(params)?.slice(0, 300)})`);
  }

  /** Makes the text well formed (as a file holds it) and returns the server's diagnostics for it. */
  async finish(): Promise<Diagnostic[]> {
    const final = wellFormed(this.text);
    if (final !== this.text) {
      this.text = final;
      this.model = new LspText(final);
      await this.client.change(this.uri, ++this.version, [{ text: final }]);
    }
    const report = await this.client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: this.uri } });
    assert.equal(report.kind, 'full');
    return report.kind === 'full' ? report.items : [];
  }
}

describe('lsp: a random-edit campaign', function () {
  this.timeout(40_000);
  let dir: TempDir;
  let others: Map<string, string>;
  const grand: Totals = { edits: 0, requests: 0, ranges: 0, applied: 0, errors: new Map(), failures: [], slowestMs: 0, slowest: '' };

  before(() => {
    dir = new TempDir('findings-campaign-');
    // Two reports on disk, so that references, rename and workspace symbols cross files.
    others = new Map([[BUILTIN_CODEBOOK_URI, fs.readFileSync(repoPath('core', 'codebook', 'send.codebook.yaml'), 'utf8')]]);
    for (const name of ['middlesbrough.report.md', 'stoke-on-trent.report.md']) {
      const file = dir.write(name, sample(name));
      others.set(uriOf(file), sample(name));
    }
  });
  after(() => {
    dir.remove();
    if (process.env.FINDINGS_CAMPAIGN_TOTALS) {
      console.log(`campaign: ${DOCUMENTS.length} documents, ${grand.edits} edits, ${grand.requests} requests, ${grand.ranges} ranges checked, ${grand.applied} answers applied, slowest ${grand.slowest} ${grand.slowestMs} ms, errors ${JSON.stringify([...grand.errors])}, failures ${grand.failures.length}`);
    }
  });

  for (const document of DOCUMENTS) {
    it(`${document.name}: ${document.edits} edits with requests between them`, async () => {
      const client = await LspClient.start({ folders: [dir.path], pull: true, settings: { validate: { run: 'onType', debounceMs: 0 } } });
      const totals: Totals = { edits: 0, requests: 0, ranges: 0, applied: 0, errors: new Map(), failures: [], slowestMs: 0, slowest: '' };
      const file = path.join(dir.path, `campaign-${document.seed.toString(16)}.report.md`);
      try {
        const campaign = new Campaign(client, new SeededRandom(document.seed), uriOf(file), document.text, others, totals, path.join(dir.path, `export-${document.seed.toString(16)}.jsonl`));
        await campaign.open();
        for (let i = 0; i < document.edits; i++) {
          await campaign.edit();
          await campaign.request();
        }
        const diagnostics = await campaign.finish();
        assert.ok(client.alive, 'the server is alive');
        assert.deepEqual(totals.failures, [], `failures after ${totals.edits} edits and ${totals.requests} requests`);
        fs.writeFileSync(file, campaign.currentText);
        others.set(uriOf(file), campaign.currentText); // on disk now, for the next documents' cross-file answers
        assert.deepEqual(asCli(diagnostics), cliDiagnostics([file], dir.path).get(file), 'the final diagnostics are those of `findings check`');
      } finally {
        await client.stop();
        grand.edits += totals.edits;
        grand.requests += totals.requests;
        grand.ranges += totals.ranges;
        grand.applied += totals.applied;
        grand.failures.push(...totals.failures);
        for (const [key, count] of totals.errors) grand.errors.set(key, (grand.errors.get(key) ?? 0) + count);
        if (totals.slowestMs > grand.slowestMs) Object.assign(grand, { slowestMs: totals.slowestMs, slowest: totals.slowest });
      }
    });
  }
});
