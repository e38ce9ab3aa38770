// The disagreement list: one row per disputed passage, by kind, with who
// coded what; and its JSONL and CSV.
import { strict as assert } from 'node:assert';
import { defaultCodebook } from '../../../core';
import { annotationOf } from '../../../core/agreement/annotations';
import { groupByArticle } from '../../../core/agreement/articleGroups';
import { disagreementCsv, disagreementFormatOf, disagreementJsonl } from '../../../core/agreement/disagreementFormats';
import { disagreementsOf } from '../../../core/agreement/disagreements';
import { parseReport } from '../../../core/document/parseReport';
import { buildReport } from '../../helpers/report';

const codebook = defaultCodebook();
const copy = (annotator: string, body: string) => annotationOf(`${annotator}.report.md`, parseReport(buildReport(body, { fields: { annotator } })), codebook);

describe('core/agreement: disagreements', () => {
  const article = 'Leaders were weak. Parents praised staff. The plan is late. Health is good. 🙂 Transport works.';
  // Each annotator's copy: the same article with other markup.
  const a = copy('a', '[Leaders were weak.]{.weakness theme=leadership} [Parents praised staff.]{.strength theme=workforce} [The plan is late.]{.weakness theme=ehc-plans} [Health is good.]{.strength theme=health} 🙂 [Transport works.]{.quote speaker=x}');
  const b = copy('b', '[Leaders were weak.]{.weakness theme=leadership} Parents [praised staff.]{.strength theme=workforce} [The plan is late.]{.weakness theme=ehc-plans} [Health is good.]{.strength theme=outcomes} 🙂 [Transport works.]{.quote speaker=y}');
  const c = copy('c', '[Leaders were weak.]{.weakness theme=leadership} [Parents praised staff.]{.strength theme=workforce} [The plan is late.]{.improvement theme=ehc-plans} Health is good. 🙂 [Transport works.]{.quote speaker=x}');
  const groups = groupByArticle([a, b, c]);
  const rows = disagreementsOf(groups, ['strength', 'weakness', 'improvement', 'quote']);

  it('reads one article from the three copies', () => {
    assert.equal(groups.length, 1);
    assert.equal(groups[0].text, article);
  });

  it('lists each disputed passage once, by kind, in order; agreed passages not at all', () => {
    assert.deepEqual(rows.map((row) => [row.kind, row.codes, row.text]), [
      ['boundary', ['strength'], 'Parents praised staff.'],
      ['code', ['weakness', 'improvement'], 'The plan is late.'],
      ['missing', ['strength'], 'Health is good.'],
      ['attribute', ['quote'], 'Transport works.'],
    ]);
  });

  it('gives offsets in code points and who coded what', () => {
    const quote = rows[3];
    const at = [...article].indexOf('T', [...article].indexOf('🙂'));
    assert.deepEqual([quote.start, quote.end], [at, at + 'Transport works.'.length]);
    assert.deepEqual(quote.coded.map((entry) => [entry.annotator, entry.spans.map((span) => span.attributes.speaker)]), [['a', ['x']], ['b', ['y']], ['c', ['x']]]);
    const missing = rows[2];
    assert.deepEqual(missing.coded.map((entry) => [entry.annotator, entry.spans.map((span) => span.themes)]), [['a', [['health']]], ['b', [['outcomes']]], ['c', []]]);
  });

  it('tells a theme difference where bounds and codes agree', () => {
    const two = groupByArticle([copy('a', '[Health is good.]{.strength theme=health}'), copy('b', '[Health is good.]{.strength theme=outcomes}')]);
    assert.deepEqual(disagreementsOf(two).map((row) => row.kind), ['theme']);
  });

  it('writes JSONL and CSV, one passage a record, the CSV with a column per annotator', () => {
    const jsonl = disagreementJsonl(rows).trimEnd().split('\n').map((line) => JSON.parse(line) as { kind: string; start: number; coded: unknown[] });
    assert.deepEqual(jsonl.map((row) => row.kind), ['boundary', 'code', 'missing', 'attribute']);
    const csv = disagreementCsv(rows, ['a', 'b', 'c', 'd']).split('\r\n');
    assert.equal(csv[0], 'text_sha256,article,start,end,kind,codes,text,a,b,c,d');
    assert.equal(csv.length, 1 + rows.length + 1);
    assert.match(csv[3], /,60,75,missing,strength,Health is good\.,"strength \[60,75\) themes=health","strength \[60,75\) themes=outcomes",,\(no copy\)$/);
  });

  it('chooses the format by extension', () => {
    assert.deepEqual(['x.jsonl', 'x.CSV', 'x.json', 'x'].map(disagreementFormatOf), ['jsonl', 'csv', undefined, undefined]);
  });
});
