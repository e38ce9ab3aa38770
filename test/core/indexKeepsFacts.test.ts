// The index keeps every report's facts and only a few parses: a parse let go
// is made again from the text, equal to the first, and the facts the corpus
// features read are those of the core's own functions.
import { strict as assert } from 'node:assert';
import { copyFactsOf, defaultCodebook, ReportIndex, sourcedTextOf } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { validateReport } from '../../core/validate/validateReport';
import { digestReport } from '../../core/summary/reportDigest';
import { buildReport } from '../helpers/report';

const reportNumbered = (i: number): string => buildReport(`Copy ${i}: [waits]{.weakness theme=health} and [a plan]{.strength #p${i} memo="seen ${i}"}.\n`, { fields: { annotator: `a${i % 3}` } });

/** A parse as plain data: its spans, clean text and front matter (functions aside). */
function plain(document: ReturnType<typeof parseReport>): unknown {
  return JSON.parse(JSON.stringify({ spans: document.spans, cleanText: document.cleanText, frontMatter: document.frontMatter, problems: document.problems, bodyStart: document.bodyStart }));
}

describe('core/workspace ReportIndex: facts kept, parses let go', () => {
  it('holds at most a bounded number of parses, whatever the number of reports', () => {
    const index = new ReportIndex(defaultCodebook());
    for (let i = 0; i < 500; i++) index.update(`r${i}.report.md`, reportNumbered(i));
    assert.equal(index.size, 500);
    assert.ok(index.parsedCount <= 64, `${index.parsedCount} parses kept`);
  });

  it('parses a report again when asked, equal to its first parse, and the facts stay', () => {
    const index = new ReportIndex(defaultCodebook());
    const first = index.update('r0.report.md', reportNumbered(0));
    const facts = first.facts;
    for (let i = 1; i < 200; i++) index.update(`r${i}.report.md`, reportNumbered(i));
    const report = index.get('r0.report.md')!;
    assert.equal(report, first, 'the same indexed report: caches keyed on it stay valid');
    assert.equal(report.facts, facts);
    assert.deepEqual(plain(report.document), plain(parseReport(reportNumbered(0))));
    assert.equal(report.document.cleanToSource(3), parseReport(reportNumbered(0)).cleanToSource(3));
  });

  it('keeps the parses of the reports it is told to keep (open documents)', () => {
    const index = new ReportIndex(defaultCodebook());
    index.keepParsed('open.report.md', true);
    const open = index.update('open.report.md', reportNumbered(1));
    const document = open.document;
    for (let i = 0; i < 200; i++) index.update(`r${i}.report.md`, reportNumbered(i));
    assert.equal(index.get('open.report.md')!.document, document, 'the very same parse');
    index.keepParsed('open.report.md', false);
    // Now one of the recently used: others used after it push it out.
    for (let i = 0; i < 100; i++) assert.ok(index.get(`r${i}.report.md`)!.document);
    assert.notEqual(index.get('open.report.md')!.document, document, 'let go once no longer kept');
  });

  it('computes the facts with the core functions the features used on the parse', () => {
    const index = new ReportIndex(defaultCodebook());
    const text = reportNumbered(7);
    const report = index.update('dir/r7.report.md', text);
    const document = parseReport(text);
    const diagnostics = validateReport(document, defaultCodebook());
    assert.deepEqual(report.facts.copy, copyFactsOf('', document));
    assert.deepEqual(report.facts.sourced, sourcedTextOf('', document));
    assert.equal(report.facts.fingerprint, copyFactsOf('', document).fingerprint);
    assert.deepEqual(report.facts.digest, digestReport(document, diagnostics, defaultCodebook()));
    assert.deepEqual(report.facts.frontMatter?.fields, document.frontMatter?.fields.map(({ key, value }) => ({ key, value })));
    assert.equal(report.facts.digest.findings.length, 2);
    assert.equal(report.facts.digest.findings[1].memo, 'seen 7');
    assert.equal(report.facts.hasMemos, true);
    assert.equal(index.update('plain.report.md', buildReport('[waits]{.weakness theme=health}\n')).facts.hasMemos, false);
    assert.equal(index.update('own.report.md', buildReport('[waits]{.weakness theme=health}\n', { extraYaml: 'memo: |\n  Read twice.' })).facts.hasMemos, true);
  });

  it('a new codebook gives every report new facts', () => {
    const index = new ReportIndex(defaultCodebook());
    const before = index.update('r.report.md', reportNumbered(1));
    index.setCodebook({ ...defaultCodebook() });
    const after = index.get('r.report.md')!;
    assert.notEqual(after, before);
    assert.notEqual(after.facts, before.facts);
    assert.deepEqual(after.facts.digest.counts, before.facts.digest.counts);
  });
});
