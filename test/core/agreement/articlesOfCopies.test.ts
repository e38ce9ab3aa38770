// What an index can tell of agreement without parsing (articlesOfCopies)
// agrees with the grouping agreement makes of parsed copies.
import { strict as assert } from 'node:assert';
import { articlesOfCopies, groupByArticle, type Annotation } from '../../../core/agreement';
import { ADJUDICATED_ANNOTATOR } from '../../../core/agreement/adjudication/referenceReports';

function copy(path: string, fingerprint: string, annotator: string | undefined): Annotation {
  return { path, annotator, fingerprint, text: fingerprint, length: fingerprint.length, source: {}, spans: [] };
}

describe('core/agreement articlesOfCopies', () => {
  it('counts the articles and those coded twice as groupByArticle groups them, for random corpora', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const copies: Annotation[] = [];
      const count = random(30);
      for (let i = 0; i < count; i++) {
        const annotator = [undefined, 'jd', 'mk', 'rs', ADJUDICATED_ANNOTATOR][random(5)];
        copies.push(copy(`r${i}.report.md`, `article-${random(8)}`, annotator));
      }
      const groups = groupByArticle(copies);
      const { articles, codedTwice } = articlesOfCopies(copies);
      assert.equal(articles, groups.length);
      assert.deepEqual([...codedTwice].sort(), groups.filter((group) => group.copies.length >= 2).map((group) => group.fingerprint).sort());
    }
  });
});
