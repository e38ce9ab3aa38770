// The comparison of an article's copies: each annotator's passages marked
// agreed, boundary difference, code difference or one-sided (the worst over
// the other annotators), and the article's figures by code.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { defaultCodebook } from '../../core';
import { annotationOf, type AnnotatedSpan, type Annotation } from '../../core/agreement/annotations';
import { groupByArticle } from '../../core/agreement/articleGroups';
import { compareArticle, type ArticleComparison } from '../../core/agreement/comparison';
import { computeAgreement } from '../../core/agreement/computeAgreement';
import { worseStatus, PASSAGE_STATUSES } from '../../core/agreement/passageStatus';
import { UNIT } from '../../core/agreement/statements';
import { parseReport } from '../../core/document/parseReport';
import { assertLinearGrowth } from '../helpers/growth';
import { buildReport } from '../helpers/report';
import { repoPath } from '../helpers/repo';

const codebook = defaultCodebook();
const codeOrder = [...codebook.codes.keys()];
const copy = (annotator: string, body: string) => annotationOf(`${annotator}.report.md`, parseReport(buildReport(body, { fields: { annotator } })), codebook);

function compare(...copies: Annotation[]): ArticleComparison {
  const groups = groupByArticle(copies);
  assert.equal(groups.length, 1, 'the copies are of one article');
  const comparison = compareArticle(groups[0], codeOrder);
  assert.ok(comparison);
  return comparison;
}

/** Each copy's passages as `status codes "text"`. */
function statuses(comparison: ArticleComparison, copies: readonly Annotation[]): Record<string, string[]> {
  const byPath = new Map(copies.map((c) => [c.path, c]));
  const result: Record<string, string[]> = {};
  for (const compared of comparison.copies) {
    const annotation = byPath.get(compared.path)!;
    result[compared.annotator] = compared.passages.map((passage) => {
      const span = annotation.spans.find((s) => s.index === passage.index)!;
      return `${passage.status} ${span.codes.join('+')} "${annotation.text.slice(span.startUtf16, span.endUtf16)}"`;
    });
  }
  return result;
}

describe('core/agreement: comparing the copies of an article', () => {
  it('marks each passage agreed, boundary, code or one-sided against the other copy', () => {
    const a = copy('a', '[Leaders were weak.]{.weakness theme=leadership} [Parents praised staff.]{.strength theme=workforce} [The plan is late.]{.weakness} [Health is good.]{.strength theme=health} [Transport works.]{.quote speaker=x} 🙂 [Fine.]{.strength}');
    const b = copy('b', '[Leaders were weak.]{.weakness theme=leadership} Parents [praised staff.]{.strength theme=workforce} [The plan is late.]{.improvement} [Health is good.]{.strength theme=outcomes} [Transport works.]{.quote speaker=y} 🙂 Fine.');
    const comparison = compare(a, b);
    assert.deepEqual(statuses(comparison, [a, b]), {
      a: [
        'agreed weakness "Leaders were weak."',
        'boundary strength "Parents praised staff."',
        'code weakness "The plan is late."',
        // The same bounds and code, another theme or attribute: coded otherwise.
        'code strength "Health is good."',
        'code quote "Transport works."',
        'one-sided strength "Fine."',
      ],
      b: [
        'agreed weakness "Leaders were weak."',
        'boundary strength "praised staff."',
        'code improvement "The plan is late."',
        'code strength "Health is good."',
        'code quote "Transport works."',
      ],
    });
    assert.deepEqual(comparison.copies[0].counts, { agreed: 1, boundary: 1, code: 3, 'one-sided': 1 });
    assert.deepEqual(comparison.copies[0].passages[1].versus, [{ annotator: 'b', status: 'boundary' }]);
  });

  it('takes the worst status over the other annotators: a passage one of three left out is one-sided', () => {
    const a = copy('a', '[Leaders were weak.]{.weakness} [Parents praised staff.]{.strength} The plan is late.');
    const b = copy('b', '[Leaders were weak.]{.weakness} [Parents praised]{.strength} staff. The plan is late.');
    const c = copy('c', '[Leaders were weak.]{.weakness} Parents praised staff. [The plan is late.]{.weakness}');
    const comparison = compare(a, b, c);
    assert.deepEqual(statuses(comparison, [a, b, c]), {
      a: ['agreed weakness "Leaders were weak."', 'one-sided strength "Parents praised staff."'],
      b: ['agreed weakness "Leaders were weak."', 'one-sided strength "Parents praised"'],
      c: ['agreed weakness "Leaders were weak."', 'one-sided weakness "The plan is late."'],
    });
    assert.deepEqual(comparison.copies[0].passages[1].versus, [{ annotator: 'b', status: 'boundary' }, { annotator: 'c', status: 'one-sided' }]);
    for (const x of PASSAGE_STATUSES) for (const y of PASSAGE_STATUSES) {
      assert.equal(worseStatus(x, y), PASSAGE_STATUSES[Math.max(PASSAGE_STATUSES.indexOf(x), PASSAGE_STATUSES.indexOf(y))]);
    }
  });

  it('matches nested and multi-code spans by their codes as sets; a span that only touches another overlaps nothing; an empty span agrees only exactly', () => {
    const a = copy('a', '[[Leaders]{.quote} were weak.]{.weakness .quote} []{.strength}Parents [praised]{.strength} staff.');
    const b = copy('b', '[[Leaders]{.quote} were weak.]{.quote .weakness} []{.strength}Parents praised[ staff.]{.strength}');
    assert.deepEqual(statuses(compare(a, b), [a, b]), {
      a: ['agreed weakness+quote "Leaders were weak."', 'agreed quote "Leaders"', 'agreed strength ""', 'one-sided strength "praised"'],
      b: ['agreed quote+weakness "Leaders were weak."', 'agreed quote "Leaders"', 'agreed strength ""', 'one-sided strength " staff."'],
    });
  });

  it('leaves out the reference report and compares nothing for an article with one copy', () => {
    const body = '[Leaders were weak.]{.weakness}';
    const reference = annotationOf('ref.report.md', parseReport(buildReport(body, { fields: { annotator: 'adjudicated' } })), codebook);
    const [group] = groupByArticle([copy('a', body), reference]);
    assert.equal(compareArticle(group, codeOrder), null);
    const comparison = compare(copy('a', body), copy('b', body), reference);
    assert.deepEqual(comparison.copies.map((c) => c.annotator), ['a', 'b']);
  });

  describe('on the samples (samples/agreement)', () => {
    const folder = repoPath('samples', 'agreement');
    const annotations = fs.readdirSync(folder).filter((name) => name.endsWith('.report.md')).sort()
      .map((name) => annotationOf(`samples/agreement/${name}`, parseReport(fs.readFileSync(`${folder}/${name}`, 'utf8')), codebook));
    const groups = groupByArticle(annotations);
    const byName = (name: string) => groups.find((group) => group.copies[0].annotation.path.includes(name))!;

    it('marks the differences the folder\'s README lists', () => {
      const hartlepool = compareArticle(byName('hartlepool'), codeOrder)!;
      assert.deepEqual(hartlepool.copies.map((c) => [c.annotator, c.counts]), [
        ['jd', { agreed: 14, boundary: 2, code: 4, 'one-sided': 1 }],
        ['mk', { agreed: 14, boundary: 2, code: 4, 'one-sided': 0 }],
        ['rs', { agreed: 14, boundary: 2, code: 3, 'one-sided': 1 }],
      ]);
      const jd = statuses(hartlepool, annotations).jd.filter((line) => !line.startsWith('agreed'));
      // mk leaves out the safeguarding weakness; rs codes the children's centres as an improvement and leaves out "deep commitment".
      assert.ok(jd.some((line) => line.startsWith('one-sided weakness "The effectiveness of safeguarding arrangements')), jd.join('\n'));
      assert.ok(jd.includes('code strength "Children’s centres also provide access to a range of services"'), jd.join('\n'));
      assert.ok(jd.includes('code quote "“deep commitment”"'), jd.join('\n'));
      const middlesbrough = compareArticle(byName('middlesbrough'), codeOrder)!;
      assert.deepEqual(middlesbrough.copies.map((c) => [c.annotator, c.counts]), [
        ['jd', { agreed: 14, boundary: 2, code: 2, 'one-sided': 2 }],
        ['mk', { agreed: 14, boundary: 2, code: 2, 'one-sided': 1 }],
        ['rs', { agreed: 14, boundary: 2, code: 2, 'one-sided': 1 }],
      ]);
      const rs = statuses(middlesbrough, annotations).rs;
      // rs tags the parent's quotation without its quotation marks: the others' bounds differ.
      assert.ok(rs.some((line) => line.startsWith('boundary quote "All I want is for people')), rs.join('\n'));
      assert.ok(rs.some((line) => line.startsWith('code recommendation "Her Majesty’s Inspectors')), rs.join('\n'));
    });

    it('gives the article\'s figures by code as `findings agree` on its copies alone, stating the unit', () => {
      const group = byName('hartlepool');
      const comparison = compareArticle(group, codeOrder)!;
      assert.equal(comparison.figures.unit, UNIT);
      assert.equal(comparison.length, 2682);
      assert.deepEqual(comparison.figures.labels, ['strength', 'weakness', 'wsoa', 'improvement', 'quote', 'response']);
      assert.deepEqual(comparison.figures.article, computeAgreement([group], { by: 'code', order: codeOrder }).articles[0]);
      // A code's own row does not depend on the other articles: the README's figures for this article.
      const corpus = computeAgreement(groups, { by: 'code', order: codeOrder }).articles.find((article) => article.fingerprint === group.fingerprint)!;
      for (const row of comparison.figures.article.figures.labels.filter((r) => r.label !== null)) {
        assert.deepEqual(row, corpus.figures.labels.find((r) => r.label === row.label), String(row.label));
      }
      const fleiss = Object.fromEntries(comparison.figures.article.figures.labels.map((row) => [row.label ?? '(all)', row.fleissKappa === null ? 'n/a' : row.fleissKappa.toFixed(4)]));
      assert.equal(fleiss.strength, '0.9516');
      assert.equal(fleiss.weakness, '0.9447');
      assert.equal(fleiss.improvement, '-0.0076');
    });
  });

  it('stays near-linear: 8 times the spans of 3 copies (piled up and side by side) take about 8 times as long, far from 64', function () {
    this.timeout(60_000);
    const group = (n: number) => {
      const length = 20 * n;
      const text = 'x'.repeat(length);
      const spans = (shift: number, code: string): AnnotatedSpan[] => Array.from({ length: n }, (_, i) => {
        // Half the spans pile up over the first half of the text; the rest sit side by side.
        const [start, end] = i % 2 === 0 ? [i + shift, length / 2 - i] : [length / 2 + i * 9 + shift, length / 2 + i * 9 + 8];
        return { index: i, start, end, startUtf16: start, endUtf16: end, codes: [code], themes: [], attributes: {} };
      });
      const annotation = (name: string, shift: number, code: string): Annotation => ({ path: `${name}.report.md`, annotator: name, fingerprint: 'f', text, length, source: {}, spans: spans(shift, code) });
      return groupByArticle([annotation('a', 0, 'weakness'), annotation('b', 1, 'weakness'), annotation('c', 0, 'strength')])[0];
    };
    assertLinearGrowth({
      small: 2000,
      factor: 8,
      unit: 'spans a copy',
      runs: 3,
      setUp: (n) => {
        const article = group(n);
        return () => assert.equal(compareArticle(article, codeOrder)!.copies[0].passages.length, n);
      },
    });
  });
});
