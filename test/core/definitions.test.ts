import { strict as assert } from 'node:assert';
import { completionsAt, defaultCodebook, RULE_IDS, RULES } from '../../core';
import { failedConditions } from '../../core/codebook/valueConditions';
import { fieldValueText, scalarFieldText } from '../../core/document/fieldValueText';
import { parseReport } from '../../core/document/parseReport';
import { lineEndingOf } from '../../core/text/lineEnding';
import { validateReport } from '../../core/validate/validateReport';
import { buildReport } from '../helpers/report';

describe('core: one definition of each idea', () => {
  describe('a front-matter value as text', () => {
    it('reads scalars as YAML wrote them, and nothing else as a scalar', () => {
      assert.equal(scalarFieldText('Hartlepool'), 'Hartlepool');
      assert.equal(scalarFieldText(2023), '2023');
      assert.equal(scalarFieldText(true), 'true');
      for (const value of [null, undefined, ['a'], { a: 1 }]) assert.equal(scalarFieldText(value), undefined);
    });

    it('writes any value on one line: lists joined, mappings as JSON, no value as undefined', () => {
      assert.equal(fieldValueText(['Ofsted', 'CQC'], '; '), 'Ofsted; CQC');
      assert.equal(fieldValueText([1, null, [true, 'x']], ', '), '1, , true, x');
      assert.equal(fieldValueText({ publisher: 'BBC' }, ', '), '{"publisher":"BBC"}');
      assert.equal(fieldValueText(null, ', '), undefined);
      assert.equal(fieldValueText('', ', '), '');
    });
  });

  describe('line endings', () => {
    it('writes CRLF into a text that has one, else LF', () => {
      assert.equal(lineEndingOf('a\r\nb\n'), '\r\n');
      assert.equal(lineEndingOf('a\nb'), '\n');
      assert.equal(lineEndingOf('a\rb'), '\n');
      assert.equal(lineEndingOf(''), '\n');
    });
  });

  describe('`when` conditions', () => {
    const outcome = defaultCodebook().fields.get('outcome')!.values!.get('inconsistent')!;
    const fields = (values: Record<string, string>) => (key: string) => values[key];

    it('fail only on a field that holds another value, unless an unset field fails too', () => {
      assert.ok(outcome.when.size > 0, 'the built-in `inconsistent` outcome has conditions');
      assert.deepEqual(failedConditions(outcome, fields({ framework: '2023', inspection_type: 'full' })), []);
      assert.deepEqual(failedConditions(outcome, fields({ framework: '2016' })).map((c) => [c.field, c.actual]), [['framework', '2016']]);
      assert.deepEqual(failedConditions(outcome, fields({})), []);
      assert.deepEqual(failedConditions(outcome, fields({}), true).map((c) => c.actual), [...outcome.when.keys()].map(() => undefined));
    });

    it('are what validation checks and completion offers by', () => {
      const text = buildReport('A [finding]{.weakness theme=health}.\n', { fields: { outcome: 'inconsistent' } });
      assert.deepEqual(validateReport(parseReport(text), defaultCodebook()).map((d) => d.rule), ['outcome-mismatch']);
      const at = text.indexOf('inconsistent');
      const offered = completionsAt(parseReport(text), defaultCodebook(), at, { today: '2024-01-01' }).map((p) => p.label);
      assert.ok(offered.includes('no_wsoa') && !offered.includes('inconsistent'), offered.join(', '));
    });
  });

  describe('rules', () => {
    it('list every rule once, in the order of docs/format.md, the codebook rules last', () => {
      assert.equal(RULE_IDS[0], 'frontmatter-missing');
      assert.deepEqual(RULE_IDS.slice(-3), ['codebook-yaml', 'codebook-schema', 'codebook-reference']);
      assert.equal(RULE_IDS.indexOf('span-empty') + 1, RULE_IDS.indexOf('span-unclosed'));
      assert.equal(RULE_IDS.indexOf('span-syntax') + 1, RULE_IDS.indexOf('id-duplicate'));
    });

    it('make an empty span an error: exported, it would be a finding without text', () => {
      assert.equal(RULES['span-empty'].severity, 'error');
      const diagnostics = validateReport(parseReport(buildReport('A []{.weakness theme=health} B.\n')), defaultCodebook());
      assert.deepEqual(diagnostics.map((d) => [d.rule, d.severity]), [['span-empty', 'error']]);
    });
  });
});
