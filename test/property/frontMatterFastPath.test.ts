import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { readYamlFields } from '../../core/document/frontMatter';
import { readSimpleFrontMatter } from '../../core/document/simpleFrontMatter';
import type { ParseProblem } from '../../core/document/types';
import { repoRoot } from '../helpers/repo';

/** Both readers on the same text; the fast one may decline, but must never disagree. */
function compare(yamlText: string): boolean {
  const fast = readSimpleFrontMatter(yamlText, 0, yamlText.length);
  if (!fast) return false;
  const problems: ParseProblem[] = [];
  const full = readYamlFields(yamlText, 0, yamlText.length, problems);
  assert.deepEqual(problems, [], `the fast reader accepted YAML with errors: ${JSON.stringify(yamlText)}`);
  assert.ok(full.isMapping);
  assert.deepEqual(JSON.parse(JSON.stringify(fast)), JSON.parse(JSON.stringify(full.fields)), `readers disagree on ${JSON.stringify(yamlText)}`);
  return true;
}

const FRAGMENTS = [
  'Hartlepool', 'Stoke-on-Trent', '"2016"', "'2023'", '2016', 'a b  ', 'x # note', '"a\\"b"', "'it''s'", 'é ü — “q”', 'x:y', 'a#b',
  '[a, b]', '[ a , "b c" ]', '[]', '[a,]', '[a, [b]]', '{a: 1}', 'null', '~', 'true', 'yes', 'no', '2017-01-19', '1.5', '.inf', '0x1F', '+1', '12:30',
  'a: b', '-x', '- x', '&anchor x', '*alias', '!tag x', '|', '>', 'x\ty', '',
];

describe('front matter: the fast reader agrees with the yaml package', () => {
  it('reads every sample front matter, identically', () => {
    const samples = fs.readdirSync(path.join(repoRoot(), 'samples')).filter((name) => name.endsWith('.report.md'));
    assert.ok(samples.length >= 5);
    for (const name of samples) {
      const text = fs.readFileSync(path.join(repoRoot(), 'samples', name), 'utf8');
      const yamlText = text.slice(4, text.indexOf('\n---', 4) + 1);
      assert.ok(compare(yamlText), `${name}: the fast reader declined a plain front matter`);
    }
  });

  it('never disagrees on generated front matter (and accepts a good share of it)', () => {
    const value = fc.constantFrom(...FRAGMENTS);
    const key = fc.constantFrom('area', 'framework', 'source', 'k', 'partners', 'area');
    const indent = fc.constantFrom('  ', '    ', ' ');
    const eol = fc.constantFrom('\n', '\r\n');
    const line = fc.oneof(
      fc.tuple(key, value, eol).map(([k, v, e]) => `${k}: ${v}${e}`),
      fc.tuple(key, indent, key, value, key, value, eol).map(([k, i, a, v, b, w, e]) => `${k}:${e}${i}${a}: ${v}${e}${i}${b}: ${w}${e}`),
      fc.tuple(key, fc.constantFrom('', '  '), value, value, eol).map(([k, i, v, w, e]) => `${k}:${e}${i}- ${v}${e}${i}- ${w}${e}`),
      fc.constantFrom('# comment\n', '\n', '   \n'),
    );
    let accepted = 0;
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
      if (compare(lines.join(''))) accepted++;
    }), { numRuns: Number(process.env.FINDINGS_FC_RUNS ?? 2000) });
    assert.ok(accepted > 50, `only ${accepted} generated front matters took the fast path`);
  });
});
