import { strict as assert } from 'node:assert';
import { buildCodebook } from '../../core/codebook/loadCodebook';
import { BUILTIN_CODEBOOK } from '../../core/codebook/builtinCodebook';
import { defaultCodebook } from '../../core/codebook/defaultCodebook';
import { parseReport } from '../../core/document/parseReport';
import type { ReportDocument } from '../../core/document/types';
import { documentRecord } from '../../core/export/findingRecords';
import { codebookSummary } from '../../core/language/codebookSummary';
import { documentSymbols } from '../../core/language/documentSymbols';
import { fixAllEdits } from '../../core/language/fixAll';
import { foldingRegions } from '../../core/language/folding';
import { frontMatterPosition } from '../../core/language/frontMatterContext';
import { innermostSpanAt, symbolAtOffset } from '../../core/language/symbolAtOffset';
import type { Diagnostic } from '../../core/validate/diagnostic';
import { validateReport } from '../../core/validate/validateReport';
import { buildReport } from '../helpers/report';

// Documents that once crashed the tools or took seconds to minutes, at sizes
// where the old code took many seconds: each must give a result (often a
// diagnostic) and return promptly. The suite's timeout is the bound on time;
// the assertions check that the work done is the work expected.

const FRONT = buildReport('');
const SPAN = '{.strength theme=health}';

/** Every path a report takes in the tools; throws if any does. */
function everything(text: string): { document: ReportDocument; diagnostics: Diagnostic[] } {
  const codebook = defaultCodebook();
  const document = parseReport(text);
  const diagnostics = validateReport(document, codebook);
  fixAllEdits(diagnostics);
  const record = documentRecord('x.report.md', document, codebook);
  assert.equal(record.findings.length, document.spans.length);
  JSON.stringify(record);
  documentSymbols(document);
  foldingRegions(document);
  for (const offset of [0, text.length >> 1, text.length]) {
    innermostSpanAt(document, offset);
    symbolAtOffset(document, codebook, offset);
  }
  return { document, diagnostics };
}

function rules(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
  return counts;
}

/** Applies non-overlapping edits sorted by position. */
function apply(text: string, edits: ReturnType<typeof fixAllEdits>): string {
  let result = '';
  let at = 0;
  for (const edit of edits) {
    result += text.slice(at, edit.range.start) + edit.newText;
    at = edit.range.end;
  }
  return result + text.slice(at);
}

describe('pathological documents', () => {
  it('spans nested 10,000 deep (once quadratic: minutes)', () => {
    const depth = 10_000;
    const text = FRONT + '['.repeat(depth) + 'x' + `]${SPAN}`.repeat(depth) + '\n';
    const { document, diagnostics } = everything(text);
    assert.equal(document.spans.length, depth);
    assert.deepEqual(diagnostics, []);
    assert.equal(innermostSpanAt(document, text.indexOf('x'))!.depth, depth - 1);
    const record = documentRecord('x', document, defaultCodebook());
    assert.equal(record.findings[depth - 1].parent, depth - 2);
    assert.ok(record.findings.every((finding) => finding.exact === 'x'));
  });

  it('spans nested deep around blank text are each empty', () => {
    const depth = 5_000;
    const text = FRONT + '['.repeat(depth) + ' ' + `]${SPAN}`.repeat(depth) + '\n';
    const { diagnostics } = everything(text);
    assert.equal(rules(diagnostics).get('span-empty'), depth);
  });

  it('20,000 spans on one line, exported with exact columns (once quadratic: a minute)', () => {
    const count = 20_000;
    const words = Array.from({ length: count }, (_, i) => `[s\u{1F600}${i}]${SPAN}`);
    const text = FRONT + words.join(' ') + '\n';
    const { document } = everything(text);
    const record = documentRecord('x', document, defaultCodebook());
    const line = FRONT.split('\n').length;
    const last = record.findings[count - 1];
    // Columns in code points: each earlier span is its markup, its text (one emoji) and a space.
    const before = words.slice(0, -1).reduce((sum, word) => sum + Array.from(word).length + 1, 0);
    assert.deepEqual(last.source_start, { line, column: before + 2 });
    assert.equal(last.exact, `s\u{1F600}${count - 1}`);
    assert.equal(last.suffix, '\n');
    const cleanBefore = Array.from(words.slice(0, -1).map((word) => word.slice(1, word.indexOf(']'))).join(' ') + ' ');
    assert.equal(last.prefix, cleanBefore.slice(-32).join(''));
  });

  it('20,000 unknown front-matter fields (once quadratic: 12 s)', () => {
    const count = 20_000;
    const text = '---\n' + Array.from({ length: count }, (_, i) => `k${i}: v\n`).join('') + '---\nBody.\n';
    const { diagnostics } = everything(text);
    assert.equal(rules(diagnostics).get('field-unknown'), count);
  });

  it('a front matter of 6,000 repeated keys, read by the YAML parser (once quadratic)', () => {
    const text = '---\n' + 'key: value value value\n'.repeat(6_000) + '---\nBody.\n';
    const { diagnostics } = everything(text);
    assert.equal(rules(diagnostics).get('yaml-syntax'), 5_999);
  });

  it('a 1 MB front matter without its closing line (once minutes)', () => {
    const text = '---\n' + 'key: value value value\n'.repeat(45_000);
    const { diagnostics } = everything(text);
    const found = rules(diagnostics);
    assert.equal(found.get('frontmatter-unclosed'), 1);
    assert.equal(found.get('frontmatter-too-complex'), 1);
  });

  it('front matter indented one more space on each line (once a crash)', () => {
    const lines = ['---', 'area:'];
    for (let i = 1; i < 2_000; i++) lines.push(`${' '.repeat(i)}-`);
    const text = lines.join('\n') + '\n---\nBody.\n';
    const { diagnostics } = everything(text);
    assert.equal(rules(diagnostics).get('frontmatter-too-complex'), 1);
    // One character typed in the middle, and a cursor there.
    const middle = text.indexOf('\n', text.length >> 1);
    const typed = `${text.slice(0, middle)}x${text.slice(middle)}`;
    assert.equal(rules(everything(typed).diagnostics).get('frontmatter-too-complex'), 1);
    frontMatterPosition(typed, middle + 1, 4);
    const plain = ['---', 'area:', ...Array.from({ length: 600 }, (_, i) => `${' '.repeat(i + 1)}- x`), '---', ''].join('\n');
    assert.ok(everything(plain).diagnostics.length > 0);
  });

  it('flow collections nested 50,000 deep in the front matter', () => {
    const text = buildReport('Body.\n', { extraYaml: `partners: ${'['.repeat(50_000)}${']'.repeat(50_000)}` });
    assert.equal(rules(everything(text).diagnostics).get('frontmatter-too-complex'), 1);
  });

  it('YAML alias bombs', () => {
    // Nine anchors, each a list of nine aliases of the one before: 9^9 values once expanded.
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    const bomb = buildReport('Body.\n', { extraYaml: levels.join('\n') });
    assert.ok(rules(everything(bomb).diagnostics).get('frontmatter-too-complex')! >= 1);
    const many = buildReport('Body.\n', { extraYaml: `anchor: &a x\n${Array.from({ length: 500 }, (_, i) => `k${i}: *a`).join('\n')}` });
    assert.equal(rules(everything(many).diagnostics).get('frontmatter-too-complex'), 1);
  });

  it('fix all on 100,000 repeated classes (once seconds)', () => {
    const count = 100_000;
    const text = FRONT + `[text]{${'.strength '.repeat(count)}theme=health}\n`;
    const { diagnostics } = everything(text);
    assert.equal(rules(diagnostics).get('code-duplicate'), count - 1);
    const edits = fixAllEdits(diagnostics);
    assert.equal(edits.length, count - 1);
    assert.equal(apply(text, edits), FRONT + '[text]{.strength theme=health}\n');
  });

  it('fix all on 50,000 repeated ids (once no answer)', () => {
    const count = 50_000;
    const text = FRONT + Array.from({ length: count }, () => '[text]{.strength #same theme=health}').join('\n') + '\n';
    const { diagnostics } = everything(text);
    const duplicates = diagnostics.filter((d) => d.rule === 'id-duplicate');
    assert.equal(duplicates.length, count - 1);
    assert.match(duplicates[0].message, new RegExp(`line ${FRONT.split('\n').length}\\.$`));
    const fixed = apply(text, fixAllEdits(diagnostics));
    assert.equal(fixed.split('#same').length, 2);
  });

  it('a 1 MB attribute block of many attributes, codes, stray words and empty tokens', () => {
    const count = 40_000;
    const attributes = Array.from({ length: count }, (_, i) => `k${i}=v`).join(' ');
    const codes = Array.from({ length: count }, (_, i) => `.c${i}`).join(' ');
    for (const block of [attributes, codes, 'word '.repeat(200_000), '. '.repeat(300_000), `.strength theme=health ${attributes}`]) {
      const text = `${FRONT}[text]{${block}}\n`;
      const { document, diagnostics } = everything(text);
      assert.equal(document.spans.length, 1);
      assert.ok(diagnostics.length > 0);
    }
  });

  it('a 5 MB single line, NUL, lone surrogates and binary garbage', () => {
    let seed = 9;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const garbage = Array.from({ length: 200_000 }, () => String.fromCharCode(Math.floor(random() * 0x10000))).join('');
    const bytes = Array.from({ length: 200_000 }, () => String.fromCharCode(Math.floor(random() * 256))).join('');
    const inputs = [
      FRONT + 'word '.repeat(1_000_000),
      FRONT + `[a\0b]${SPAN} \0\0 [\uD800 lone]${SPAN} [\uDC00]${SPAN}\n`,
      garbage,
      FRONT + garbage,
      bytes,
      FRONT + '['.repeat(100_000),
      FRONT + `]${SPAN}`.repeat(50_000),
      '---\n' + garbage,
      '',
      '\uFEFF',
      '---',
    ];
    for (const text of inputs) everything(text);
    const { document } = everything(FRONT + `[\uD800 lone]${SPAN}\n`);
    assert.equal(documentRecord('x', document, defaultCodebook()).findings[0].exact, '\uD800 lone');
  });

  it('a large codebook: the summary stays proportional to it (once codes × themes)', () => {
    const count = 1_000;
    const lines = ['extends: none', 'codes:'];
    for (let i = 0; i < count; i++) lines.push(`  code-${i}:`, `    label: Code ${i}`, `    description: Code number ${i}.`, '    color: "#00796b"', '    attributes:', '      theme: { required: true, values: themes, multiple: true }');
    lines.push('themes:');
    for (let i = 0; i < count; i++) lines.push(`  theme-${i}:`, `    label: Theme ${i}`, `    definition: Theme number ${i}.`);
    const text = lines.join('\n') + '\n';
    const { codebook, diagnostics } = buildCodebook(BUILTIN_CODEBOOK, { kind: 'workspace', path: 'codebook.yaml', text });
    assert.deepEqual(diagnostics, []);
    assert.equal(codebook.codes.size, count);
    const summary = codebookSummary(codebook);
    assert.equal(summary.codes[0].attributes[0].values, null);
    assert.equal(summary.codes[0].attributes[0].holdsThemes, true);
    assert.ok(JSON.stringify(summary).length < 2 * text.length);
    // Repeated keys are reported, each at its key.
    const repeated = buildCodebook(BUILTIN_CODEBOOK, { kind: 'workspace', path: 'codebook.yaml', text: text + lines.slice(-3).join('\n') + '\n' });
    assert.equal(repeated.diagnostics.filter((d) => /unique/.test(d.message)).length, 1);
  });

  it('a codebook nested too deep is reported, not a crash', () => {
    const text = `codes: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    const { diagnostics } = buildCodebook(BUILTIN_CODEBOOK, { kind: 'workspace', path: 'codebook.yaml', text });
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /too complex/);
  });
});

describe('pathological markup', () => {
  it('thousands of unclosed attribute blocks on one line (once quadratic)', () => {
    for (const unit of [']{', '[x]{.a ', '[x]{a="']) {
      const count = 20_000;
      const { diagnostics } = everything(`${FRONT}${unit.repeat(count)}\n`);
      assert.equal(rules(diagnostics).get('span-unclosed'), count);
    }
  });
});
