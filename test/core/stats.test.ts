import { strict as assert } from 'node:assert';
import { countCorpus, countDocument, defaultCodebook } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { buildReport } from '../helpers/report';

const FIRST = buildReport([
  '[a]{.weakness theme="health education"}',
  '[b]{.weakness .quote theme=health speaker=x}',
  '[c [d]{.strength theme=workforce} e]{.improvement theme="health, health"}',
  '[f]{.wsoa}',
  '[g]{.quote .quote speaker=y theme=health theme=outcomes}',
].join('\n'));

const SECOND = buildReport('[h]{.weakness theme=outcomes} [i]{.strength theme=health}');

describe('core/stats counts', () => {
  const first = countDocument('one.report.md', parseReport(FIRST), defaultCodebook());
  const second = countDocument('two.report.md', parseReport(SECOND), defaultCodebook());

  it('counts spans per code, a span with two codes once for each, a repeated code once', () => {
    assert.equal(first.path, 'one.report.md');
    assert.equal(first.spans, 6);
    assert.deepEqual(first.byCode, { improvement: 1, quote: 2, strength: 1, weakness: 2, wsoa: 1 });
  });

  it('counts spans per theme, a repeated theme once, only the first theme attribute', () => {
    assert.deepEqual(first.byTheme, { education: 1, health: 4, workforce: 1 });
  });

  it('counts code × theme pairs', () => {
    assert.deepEqual(first.byCodeAndTheme, {
      improvement: { health: 1 },
      quote: { health: 2 },
      strength: { workforce: 1 },
      weakness: { education: 1, health: 2 },
      wsoa: {},
    });
  });

  it('sorts keys so output is deterministic', () => {
    assert.deepEqual(Object.keys(first.byCode), ['improvement', 'quote', 'strength', 'weakness', 'wsoa']);
    assert.deepEqual(Object.keys(first.byCodeAndTheme.weakness), ['education', 'health']);
  });

  it('sums documents into corpus counts, keeping the per-document counts', () => {
    const corpus = countCorpus([first, second]);
    assert.equal(corpus.documents, 2);
    assert.equal(corpus.spans, 8);
    assert.deepEqual(corpus.perDocument, [first, second]);
    assert.deepEqual(corpus.byCode, { improvement: 1, quote: 2, strength: 2, weakness: 3, wsoa: 1 });
    assert.deepEqual(corpus.byTheme, { education: 1, health: 5, outcomes: 1, workforce: 1 });
    assert.deepEqual(corpus.byCodeAndTheme, {
      improvement: { health: 1 },
      quote: { health: 2 },
      strength: { health: 1, workforce: 1 },
      weakness: { education: 1, health: 2, outcomes: 1 },
      wsoa: {},
    });
    assert.deepEqual(Object.keys(corpus.byTheme), ['education', 'health', 'outcomes', 'workforce']);
  });

  it('counts an empty corpus and a report without spans as zero', () => {
    assert.deepEqual(countCorpus([]), { documents: 0, perDocument: [], spans: 0, byCode: {}, byTheme: {}, byCodeAndTheme: {} });
    assert.deepEqual(countDocument('x', parseReport(buildReport('No spans [sic].')), defaultCodebook()), { path: 'x', spans: 0, byCode: {}, byTheme: {}, byCodeAndTheme: {} });
  });

  it('counts spans of broken reports as parsed', () => {
    const counts = countDocument('x', parseReport('no front matter [a]{.unknown-code theme=nothing} [b]{#only-id}'), defaultCodebook());
    assert.equal(counts.spans, 2);
    assert.deepEqual(counts.byCode, { 'unknown-code': 1 });
    assert.deepEqual(counts.byTheme, { nothing: 1 });
  });
});
