import { strict as assert } from 'node:assert';
import { BUILTIN_CODEBOOK, defaultCodebook, type CodebookSource } from '../../../core';
import { buildCodebook } from '../../../core/codebook/loadCodebook';
import { MEMO_DESCRIPTION } from '../../../core/codebook/memoAttribute';
import { parseReport } from '../../../core/document/parseReport';
import { completionsAt } from '../../../core/language/completions';
import { definitionAt } from '../../../core/language/definition';
import { hoverAt } from '../../../core/language/hover';
import { buildReport, diagnose, rangeText } from '../../helpers/report';

const workspace = (text: string): CodebookSource => ({ kind: 'workspace', path: 'codebook.yaml', text });

describe('core/codebook the memo attribute', () => {
  it('is taken by every built-in code: free text, optional, one value', () => {
    for (const code of defaultCodebook().codes.values()) {
      const memo = code.attributes.get('memo');
      assert.ok(memo, code.name);
      assert.deepEqual([memo.required, memo.values, memo.multiple, memo.description], [false, undefined, false, MEMO_DESCRIPTION]);
    }
  });

  it('is added to the codes of a workspace codebook, also one that replaces the built-in one', () => {
    const { codebook, diagnostics } = buildCodebook(BUILTIN_CODEBOOK, workspace('extends: none\ncodes:\n  barrier: { description: A barrier. }\n'));
    assert.deepEqual(diagnostics, []);
    assert.ok(codebook.codes.get('barrier')!.attributes.has('memo'));
  });

  it('is known to validation, completion, hover and go to definition without the codebook listing it', () => {
    const text = buildReport('[Waits]{.weakness theme=health memo="Ask the SENCO"} and [b]{.wsoa }.\n');
    assert.deepEqual(diagnose(text).diagnostics, []);
    const document = parseReport(text);
    const blank = text.indexOf('.wsoa ') + 6;
    const offered = completionsAt(document, defaultCodebook(), blank, { today: '2024-01-01' });
    assert.ok(offered.some((p) => p.kind === 'attribute' && p.label === 'memo'), offered.map((p) => p.label).join(', '));
    const hover = hoverAt(document, defaultCodebook(), text.indexOf('memo='))!;
    assert.match(hover.contents, /\*\*memo\*\* · attribute of `\.weakness`/);
    const target = definitionAt(document, defaultCodebook(), text.indexOf('memo='));
    assert.ok(target && target.kind === 'codebook');
    assert.equal(rangeText(target.location.source.text, target.location.range), 'weakness', 'the code that takes it');
  });

  it('keeps a code’s own memo definition when it is free text (to describe or require it)', () => {
    const text = 'codes:\n  barrier:\n    description: A barrier.\n    attributes:\n      memo: { required: true, description: Say why. }\n';
    const { codebook, diagnostics } = buildCodebook(BUILTIN_CODEBOOK, workspace(text));
    assert.deepEqual(diagnostics, []);
    const memo = codebook.codes.get('barrier')!.attributes.get('memo')!;
    assert.deepEqual([memo.required, memo.description], [true, 'Say why.']);
    const report = diagnose(buildReport('[Waits]{.barrier} here.\n'), codebook);
    assert.deepEqual(report.diagnostics.map((d) => d.rule), ['attribute-missing']);
  });

  for (const [what, attribute, range] of [
    ['a list of values', 'memo: { values: [yes, no] }', 'values'],
    ['themes', 'memo: { values: themes }', 'values'],
    ['several values', 'memo: { multiple: true }', 'true'],
  ] as const) {
    it(`refuses a memo restricted to ${what}: a memo is free text (codebook-schema)`, () => {
      const text = `codes:\n  barrier:\n    description: A barrier.\n    attributes:\n      ${attribute}\n`;
      const { codebook, diagnostics } = buildCodebook(BUILTIN_CODEBOOK, workspace(text));
      assert.deepEqual(diagnostics.map((d) => [d.rule, rangeText(text, d.range)]), [['codebook-schema', range]]);
      assert.match(diagnostics[0].message, /`codes\.barrier\.attributes\.memo.*a memo is free text/);
      assert.ok(!codebook.codes.has('barrier'), 'the invalid codebook is not used');
    });
  }
});
