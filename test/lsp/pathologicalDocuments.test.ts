// Documents no one should write but someone will: deep nesting, huge front
// matter, an indentation staircase, binary garbage, lone surrogates, NUL,
// one enormous line, an enormous attribute block, YAML bombs. Each is opened
// in a server of its own, typed into once, and asked for the usual things:
// the server must publish its diagnostics in time, survive, and answer.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, Position } from 'vscode-languageserver-protocol';
import { TempDir } from '../helpers/tempDir';
import { rangesIn } from './answerRanges';
import { LspClient, uriOf } from './lspClient';
import { applyChange, LspText } from './lspTextModel';
import { SeededRandom } from './seededRandom';

/** From the open (or the edit) to the diagnostics published for it. */
const DIAGNOSTICS_BUDGET_MS = 2000;
/** Each request after it. */
const REQUEST_BUDGET_MS = 2000;

const FRONT_MATTER = '---\narea: Darlington\nframework: "2016"\ninspection_type: full\noutcome: no_wsoa\nannotator: t\nstatus: draft\n---\n';

interface Case {
  readonly name: string;
  readonly text: () => string;
  /** Where to type one character; the middle of the text by default. */
  readonly typeAt?: (text: LspText) => Position;
  /** Also ask for "fix all" (the cases with many fixable problems). */
  readonly fixAll?: boolean;
}

function garbage(length: number, seed: number): string {
  const random = new SeededRandom(seed);
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(random.int(256));
  return text;
}

/** Billion laughs: each level a list of nine aliases of the level before. */
function aliasBomb(levels: number): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < levels; level++) lines.push(`a${level}: &a${level} [${Array.from({ length: 9 }, () => `*a${level - 1}`).join(',')}]`);
  return `---\n${lines.join('\n')}\narea: Darlington\n---\nBody.\n`;
}

const CASES: readonly Case[] = [
  { name: 'spans nested 4,000 deep', text: () => `${FRONT_MATTER}${'['.repeat(4000)}text${']{.weakness theme=health}'.repeat(4000)}\n` },
  {
    name: '20,000 front-matter fields',
    text: () => `${FRONT_MATTER.slice(0, -4)}${Array.from({ length: 20_000 }, (_, i) => `field${i}: value ${i}`).join('\n')}\n---\nBody [x]{.weakness theme=health}.\n`,
  },
  {
    // A front matter of 2,000 lines, each indented one space more, then one character typed at the end of the middle one
    // (this once killed the server: out of memory in a regular expression, when completing there).
    name: 'an indentation staircase, typed into',
    text: () => `---\narea:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}-`).join('\n')}\n---\nBody.\n`,
    typeAt: (text) => ({ line: 1001, character: text.lineLength(1001) }),
  },
  { name: 'an indentation staircase of list items', text: () => `---\narea:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}- x`).join('\n')}\n---\nBody.\n` },
  { name: 'binary garbage (200 KB)', text: () => garbage(200_000, 0xbad) },
  { name: 'binary garbage after a front matter', text: () => `${FRONT_MATTER}${garbage(100_000, 0xbad2)}` },
  { name: 'lone surrogates everywhere', text: () => `---\narea: Darl\uD800ington\n\uDC00: x\n---\n${'\uD800 [\uDC00]{.weakness theme=health\uD83D #i\uDFFF} \uDFFF\uD83D'.repeat(5000)}` },
  { name: 'NUL characters everywhere', text: () => `---\narea: Darl\0ington\nstatus: \0\n---\n${'\0[x\0]{.weakness\0 theme=health\0}\0\n'.repeat(10_000)}` },
  { name: 'a 5 MB single line', text: () => `${FRONT_MATTER}${'word [tagged]{.weakness theme=health} '.repeat(50)}${'word '.repeat(1_000_000)}` },
  { name: '20,000 spans on one line', text: () => `${FRONT_MATTER}${'[a]{.weakness theme=health} '.repeat(20_000)}\n` },
  { name: 'a 1 MB attribute block', text: () => `${FRONT_MATTER}[x]{.weakness theme=health ${'k=v '.repeat(250_000)}}\n` },
  { name: '100,000 duplicate classes, fixed all at once', text: () => `${FRONT_MATTER}[a]{${'.weakness '.repeat(100_000)}theme=health}\n`, fixAll: true },
  { name: '20,000 duplicate ids, fixed all at once', text: () => `${FRONT_MATTER}${'[a]{.weakness #same theme=health}\n'.repeat(20_000)}`, fixAll: true },
  { name: 'a YAML alias bomb', text: () => aliasBomb(10) },
  { name: 'YAML nested 10,000 deep', text: () => `---\narea: ${'['.repeat(10_000)}${']'.repeat(10_000)}\nother: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n---\nBody.\n` },
  { name: 'a 1 MB unterminated front matter', text: () => `---\n${'key: value\n'.repeat(90_000)}` },
  {
    name: 'near-miss markup on every line, fixed all at once',
    text: () => `${FRONT_MATTER}${'Leaders said [x] {.weakness theme=health}, [y}{.strength theme=health} and {.weakness theme=health} (z]{.weakness theme=health}.\n'.repeat(5000)}`,
    fixAll: true,
  },
  { name: 'brackets and braces that almost make markup (1 MB)', text: () => `${FRONT_MATTER}[${'(x]{ {.weakness ] (.strength ｛ x}{.quote '.repeat(25_000)}\n` },
  { name: '50,000 empty lines of every kind', text: () => `${FRONT_MATTER}${'\r\n\n\r'.repeat(50_000)}[x]{.weakness theme=health}` },
];

/** Waits for the diagnostics of a version; how long they took. */
async function published(client: LspClient, uri: string, version: number, since: number): Promise<{ diagnostics: Diagnostic[]; ms: number }> {
  const diagnostics = await client.until(() => client.published.get(uri)?.find((p) => p.version === version)?.diagnostics, `diagnostics of version ${version}`, DIAGNOSTICS_BUDGET_MS * 4);
  return { diagnostics, ms: Date.now() - since };
}

async function timed<T>(what: string, request: Promise<T>): Promise<T> {
  const started = Date.now();
  const answer = await request;
  const ms = Date.now() - started;
  assert.ok(ms < REQUEST_BUDGET_MS, `${what} took ${ms} ms`);
  return answer;
}

describe('lsp: pathological documents', function () {
  this.timeout(30_000);
  let dir: TempDir;

  before(() => {
    dir = new TempDir('findings-pathological-');
  });
  after(() => dir.remove());

  for (const test of CASES) {
    it(`${test.name}: diagnostics in time, and the server answers after an edit`, async () => {
      const client = await LspClient.start({ folders: [dir.path], settings: { validate: { run: 'onType', debounceMs: 0 } } });
      const uri = uriOf(path.join(dir.path, 'pathological.report.md'));
      try {
        let text = test.text();
        const openedAt = Date.now();
        await client.open(uri, text, 1);
        const first = await published(client, uri, 1, openedAt);
        assert.ok(first.ms < DIAGNOSTICS_BUDGET_MS, `first diagnostics took ${first.ms} ms`);

        let model = new LspText(text);
        const position = test.typeAt?.(model) ?? model.position(Math.floor(text.length / 2));
        const change = { range: { start: position, end: position }, text: 'z' };
        text = applyChange(text, change);
        model = new LspText(text);
        const editedAt = Date.now();
        await client.change(uri, 2, [change]);
        const second = await published(client, uri, 2, editedAt);
        assert.ok(second.ms < DIAGNOSTICS_BUDGET_MS, `diagnostics after the edit took ${second.ms} ms`);
        for (const diagnostic of second.diagnostics) assert.equal(model.rangeProblem(diagnostic.range), undefined, `a diagnostic's range: ${JSON.stringify(diagnostic.range)}`);

        // The requests an editor sends after a keystroke, at the cursor (after the character typed).
        const at = { textDocument: { uri }, position: { line: position.line, character: position.character + 1 } };
        const answers = [
          await timed('hover', client.request('textDocument/hover', at)),
          await timed('completion', client.request('textDocument/completion', at)),
          await timed('documentSymbol', client.request('textDocument/documentSymbol', { textDocument: { uri } })),
          await timed('foldingRange', client.request('textDocument/foldingRange', { textDocument: { uri } })),
          await timed('documentHighlight', client.request('textDocument/documentHighlight', at)),
          await timed('documentCounts', client.request('findings/documentCounts', { uri })),
        ];
        for (const answer of answers) for (const found of rangesIn(answer, uri)) assert.equal(model.rangeProblem(found.range), undefined, `${found.path}: ${JSON.stringify(found.range)}`);
        if (test.fixAll) {
          const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
          const actions = await timed('fix all', client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll.findings'] } }));
          assert.equal(actions.length, 1, 'a fix-all action');
        }
        assert.ok(client.alive, 'the server is alive');
      } finally {
        await client.stop();
      }
    });
  }
});
