// A workspace codebook of thousands of codes and themes, every code with
// attributes that hold themes: the handshake does not wait for it, and what
// the server sends stays proportional to the codebook, never codes × themes.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { CompletionList } from 'vscode-languageserver-protocol';
import { FindingsPageRequest, MAX_PAGE_FINDINGS, type CodebookSummary, type SummaryResult } from '../../protocol';
import { TempDir } from '../helpers/tempDir';
import { LspClient, uriOf } from './lspClient';

const CODES = 2000;
const THEMES = 4000;

function codebookText(): string {
  const lines = ['extends: send', 'name: large', 'version: "1"', 'codes:'];
  for (let i = 0; i < CODES; i++) {
    lines.push(`  code-${i}:`, `    label: Code ${i}`, `    description: A generated code, number ${i}.`, '    color: "#00796b"', '    attributes:');
    lines.push('      theme: { required: true, values: themes, multiple: true }', '      topic: { values: themes }', '      level: { values: [low, medium, high] }');
  }
  lines.push('themes:');
  for (let i = 0; i < THEMES; i++) lines.push(`  theme-${i}:`, `    label: Theme ${i}`, `    definition: A generated theme, number ${i}.`);
  return `${lines.join('\n')}\n`;
}

const REPORT = '---\narea: Darlington\nframework: "2016"\ninspection_type: full\noutcome: no_wsoa\nannotator: t\nstatus: draft\n---\nText [tagged]{.code-5 theme=theme-7 topic=}.\n';

describe('lsp: a large workspace codebook', function () {
  this.timeout(60_000);
  let dir: TempDir;
  let text: string;

  before(() => {
    dir = new TempDir('findings-large-codebook-');
    text = codebookText();
    dir.write('codebook.yaml', text);
    dir.write('a.report.md', REPORT);
  });
  after(() => dir.remove());

  it('answers initialize at once, and replies proportional to the codebook', async () => {
    const started = Date.now();
    const client = await LspClient.start({ folders: [dir.path] });
    const initialize = Date.now() - started;
    try {
      assert.ok(initialize < 3000, `initialize and initialized took ${initialize} ms`);
      const uri = uriOf(path.join(dir.path, 'a.report.md'));
      const summary = await client.request<CodebookSummary>('findings/codebook', { uri });
      assert.equal(summary.name, 'large');
      assert.ok(summary.codes.length >= CODES && summary.themes.length >= THEMES);
      const theme = summary.codes.find((code) => code.name === 'code-5')!.attributes.find((attribute) => attribute.name === 'topic')!;
      assert.deepEqual([theme.values, theme.holdsThemes], [null, true], 'themes are listed once, not in every attribute');
      const size = JSON.stringify(summary).length;
      assert.ok(size < 2 * text.length, `the codebook reply (${size} characters) is within twice the codebook's text (${text.length})`);

      const panel = await client.request<SummaryResult>('findings/summary', { scope: { kind: 'workspace' } });
      assert.ok(JSON.stringify(panel).length < 2 * text.length + 10_000, 'the summary likewise');
      // A page's filters offer the values of the findings, not every code and theme of the codebook.
      const page = await client.request(FindingsPageRequest, { scope: { kind: 'workspace' }, filters: { code: '', theme: '', area: '', text: '' }, offset: 0, limit: MAX_PAGE_FINDINGS });
      assert.deepEqual([page.facets.code.map((facet) => facet.value), page.facets.theme.map((facet) => facet.value)], [['code-5'], ['theme-7']]);
      assert.ok(JSON.stringify(page).length < 2_000, `a page of one finding (${JSON.stringify(page).length} characters)`);

      await client.open(uri, REPORT);
      const position = { line: 8, character: REPORT.split('\n')[8].indexOf('topic=') + 'topic='.length };
      const completion = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
      assert.ok(completion.items.length >= THEMES && completion.items.length < THEMES + 100, `one item per theme (${completion.items.length})`);
    } finally {
      await client.stop();
    }
  });
});
