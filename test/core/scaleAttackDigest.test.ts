// A report's digest shares the lists of codes and themes of its findings with
// every finding that has the same list: attacked with names that hold the
// characters a shared key might be joined with, in one report and across
// reports. Every finding's codes and themes stay its own, as the export and
// the counts give them.
import { strict as assert } from 'node:assert';
import { analyzeReport, defaultCodebook } from '../../core';
import { digestReport } from '../../core/summary/reportDigest';
import { spanCodeNames } from '../../core/spans/spanCodeNames';
import { spanThemeNames } from '../../core/spans/spanThemes';
import { buildReport } from '../helpers/report';

const codebook = defaultCodebook();

/** Each finding's codes and themes in the digest, and as the spans give them. */
function listsOf(body: string): { digest: string[][][]; spans: string[][][] } {
  const { document, diagnostics } = analyzeReport(buildReport(body), codebook);
  const digest = digestReport(document, diagnostics, codebook);
  return {
    digest: digest.findings.map((finding) => [[...finding.codes], [...finding.themes]]),
    spans: document.spans.map((span) => [spanCodeNames(span), spanThemeNames(span, codebook)]),
  };
}

describe('core/summary digest: shared lists of codes and themes', () => {
  it('gives each finding its own codes and themes, whatever characters the names hold', () => {
    const bodies = [
      'A [one]{.weakness theme="health\u0000leadership"} and [two]{.weakness theme="health leadership"}.\n',
      'A [one]{.weakness theme="health leadership"} and [two]{.weakness theme="health\u0000leadership"}.\n',
      'A [one]{.weak\u0000ness} and [two]{.weak .ness}.\n',
      'A [one]{.weak .ness} and [two]{.weak\u0000ness} and [three]{.weak\u0001ness}.\n',
      'A [one]{.weakness theme="a,b"} and [two]{.weakness theme="a\u0000b"} and [three]{.weakness theme=a\u0000b}.\n',
    ];
    for (const body of bodies) {
      const { digest, spans } = listsOf(body);
      assert.deepEqual(digest, spans, JSON.stringify(body));
    }
  });

  it('across reports too: a list met in one report is not another report\'s', () => {
    const first = listsOf('Only [one]{.strength theme="outcomes\u0000health"}.\n');
    const second = listsOf('Only [one]{.strength theme="outcomes health"}.\n');
    assert.deepEqual(first.digest, first.spans);
    assert.deepEqual(second.digest, second.spans);
    assert.deepEqual(second.digest[0][1], ['outcomes', 'health']);
  });
});
