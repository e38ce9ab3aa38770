// What a front end keeps per report version beside the index must not keep
// the report's text alive: the index lets the text of a report nobody keeps
// go (it holds it as UTF-8) and its parse too, and a few short strings cut
// from the text (V8 keeps a cut of 13 characters or more as a view into the
// whole) would bring every text back. Measured on the heap after collecting.
import { strict as assert } from 'node:assert';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { defaultCodebook, ReportIndex } from '../../core';
import { reportSymbols } from '../../core/language/workspaceSymbols';
import { buildReport } from '../helpers/report';

v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

function heapMb(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed / 1e6;
}

const REPORTS = 300;
/** About 96 KB of article each: 300 of them are 29 MB of text. */
const ARTICLE = 'Plain article text that nobody tagged, sentence after sentence. '.repeat(1500);

/** An index of reports each holding one span with a long code name and a long id, every parse read once (the last 64 stay). */
function corpus(): ReportIndex {
  const index = new ReportIndex(defaultCodebook());
  for (let i = 0; i < REPORTS; i++) index.update(`r${i}.report.md`, buildReport(`Report ${i}: [the passage]{.recommendation #a-long-identifier} ${ARTICLE}${i}\n`));
  for (const report of index.all()) void report.document;
  return index;
}

describe('core: what is kept per report holds no view of its text', function () {
  this.timeout(20_000);

  it('a report\'s workspace symbols, kept per version, keep neither its text nor its parse', () => {
    const index = corpus();
    // The recent parses the index keeps make their clean text when first asked (symbols ask): asked before measuring, so that only what the symbols keep counts.
    for (const report of index.all()) void report.document.cleanText;
    const before = heapMb();
    const kept = new Map<object, unknown>();
    for (const report of index.all()) kept.set(report, reportSymbols({ path: report.path, document: report.document }));
    const grown = heapMb() - before;
    assert.equal(kept.size, REPORTS);
    // Two symbols a report: a few hundred bytes each, not the 96 KB of its text.
    assert.ok(grown < 5, `the symbols of ${REPORTS} reports take ${grown.toFixed(1)} MB`);
  });
});
