// Which reports are copies of one article (the fingerprint of the clean
// text), under which annotator, with offsets in code points; and reports
// that name one source but whose texts differ.
import { strict as assert } from 'node:assert';
import { defaultCodebook } from '../../../core';
import { annotationOf } from '../../../core/agreement/annotations';
import { groupByArticle } from '../../../core/agreement/articleGroups';
import { sourceMismatches } from '../../../core/agreement/sourceMismatches';
import { parseReport } from '../../../core/document/parseReport';
import { textFingerprint } from '../../../core/text/fingerprint';
import { buildReport } from '../../helpers/report';

const codebook = defaultCodebook();
const copy = (path: string, body: string, fields: Record<string, string | undefined> = {}, extraYaml?: string) =>
  annotationOf(path, parseReport(buildReport(body, { fields, extraYaml })), codebook);

describe('core/agreement: articles and their copies', () => {
  it('reads spans in code points, with codes, themes and the other attributes apart (a memo is no coding decision: left out)', () => {
    const annotation = copy('a.report.md', '😀 [Parents said]{.quote speaker=parents role=parent theme=co-production memo="ask about the forum"} it.', { annotator: 'jd' });
    assert.equal(annotation.annotator, 'jd');
    assert.equal(annotation.length, [...'😀 Parents said it.'].length);
    assert.equal(annotation.fingerprint, textFingerprint('😀 Parents said it.'));
    const [span] = annotation.spans;
    assert.deepEqual([span.start, span.end, span.startUtf16, span.endUtf16], [2, 14, 3, 15]);
    assert.deepEqual(span.codes, ['quote']);
    assert.deepEqual(span.themes, ['co-production']);
    assert.deepEqual(span.attributes, { role: 'parent', speaker: 'parents' });
  });

  it('groups copies by fingerprint whatever their names, sorted by annotator; tells one annotator\'s two copies apart', () => {
    const body = (code: string) => `The [area]{.${code} theme=leadership} was inspected.`;
    const groups = groupByArticle([
      copy('z/one.report.md', body('weakness'), { annotator: 'mk' }),
      copy('a/two.report.md', body('strength'), { annotator: 'jd' }),
      copy('b/three.report.md', 'Another article.', { annotator: 'jd' }),
      copy('c/four.report.md', body('weakness'), { annotator: 'mk' }),
    ]);
    assert.deepEqual(groups.map((group) => group.copies.map((c) => [c.annotator, c.annotation.path])), [
      [['jd', 'a/two.report.md'], ['mk (c/four.report.md)', 'c/four.report.md'], ['mk (z/one.report.md)', 'z/one.report.md']],
      [['jd', 'b/three.report.md']],
    ]);
  });

  it('names a copy without an annotator by its path', () => {
    const [group] = groupByArticle([copy('x.report.md', 'Text.', { annotator: undefined }), copy('y.report.md', 'Text.', { annotator: 'jd' })]);
    assert.deepEqual(group.copies.map((c) => c.annotator), ['jd', 'x.report.md']);
  });
});

describe('core/agreement: copies of one source whose texts differ', () => {
  const sourceYaml = (url: string) => `source:\n  publisher: The Echo\n  url: ${url}`;

  it('finds them by source.url and names the other file and the first differing code point', () => {
    const mismatches = sourceMismatches([
      copy('a.report.md', '😀 The area was inspected.', {}, sourceYaml('https://example.org/a')),
      copy('b.report.md', '😀 The area is inspected.', {}, sourceYaml('https://example.org/a')),
      copy('c.report.md', 'Something else.', {}, sourceYaml('https://example.org/c')),
    ]);
    assert.deepEqual(mismatches.map((m) => [m.path, m.otherPath, m.sameSource, m.position, m.positionUtf16]), [
      ['a.report.md', 'b.report.md', 'source.url', 11, 12],
      ['b.report.md', 'a.report.md', 'source.url', 11, 12],
    ]);
    assert.match(mismatches[0].message, /^b\.report\.md names the same source\.url but its article text differs from this one from code point 11 on/);
  });

  it('finds them by area and publication date, but not across publishers or URLs', () => {
    const dated = (publisher: string, url?: string) => `source:\n  publisher: ${publisher}${url ? `\n  url: ${url}` : ''}`;
    const mismatches = sourceMismatches([
      copy('a.report.md', 'One text.', { published: '2017-01-19' }, dated('The Echo')),
      copy('b.report.md', 'One text, edited.', { published: '2017-01-19' }, dated('The Echo')),
      copy('c.report.md', 'Another paper.', { published: '2017-01-19' }, dated('The Mail')),
      copy('d.report.md', 'Other again.', { published: '2017-01-19' }, dated('The Echo', 'https://example.org/d')),
      copy('e.report.md', 'Other still.', { published: '2017-01-19' }, dated('The Echo', 'https://example.org/e')),
    ]);
    assert.deepEqual(mismatches.map((m) => [m.path, m.otherPath, m.sameSource]), [
      ['a.report.md', 'b.report.md', 'area and published'],
      ['b.report.md', 'a.report.md', 'area and published'],
      ['d.report.md', 'a.report.md', 'area and published'],
      ['e.report.md', 'a.report.md', 'area and published'],
    ]);
  });

  it('says nothing of copies with the same text, or of reports naming no source', () => {
    assert.deepEqual(sourceMismatches([
      copy('a.report.md', 'Same [text]{.wsoa}.', { published: '2017-01-19' }),
      copy('b.report.md', 'Same text.', { published: '2017-01-19' }),
      copy('c.report.md', 'Different.', { published: undefined }),
    ]), []);
  });

  it('takes an area and day with more than 16 different texts and no URL or publisher for many articles, not one source', () => {
    const day = (count: number) => Array.from({ length: count }, (_, i) => copy(`d${String(i).padStart(2, '0')}.report.md`, `Article number ${i}.`, { published: '2017-01-19' }));
    assert.equal(sourceMismatches(day(16)).length, 16);
    assert.deepEqual(sourceMismatches(day(17)), []);
  });

  it('stays linear with thousands of copies of one source', () => {
    const one = copy('r.report.md', 'One text.', {}, sourceYaml('https://example.org/a'));
    const many = Array.from({ length: 3000 }, (_, i) => ({ ...one, path: `r${String(i).padStart(4, '0')}.report.md` }));
    const started = Date.now();
    assert.deepEqual(sourceMismatches(many), []);
    assert.ok(Date.now() - started < 1000);
  });
});
