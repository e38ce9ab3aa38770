/**
 * The reader widens its margin before the first layout to the lanes its
 * stripes will about need: passages on one wrapped line get lanes of their
 * own (as the measured layout gives them), passages lines apart share one.
 */
import { strict as assert } from 'node:assert';
import { defaultCodebook, LineIndex } from '../../core';
import { parseReport } from '../../core/document/parseReport';
import { readerModel } from '../../core/reader/readerModel';
import { planArticle } from '../../client/reader/webview/articlePlan';
import { estimatedLanes } from '../../client/reader/webview/estimatedLanes';

const codebook = defaultCodebook();

/** The lanes each paragraph block of a report's body is guessed to need. */
function lanesOf(body: string): number[] {
  const text = `---\narea: Testshire\n---\n${body}`;
  const model = readerModel('x.report.md', parseReport(text), codebook, new LineIndex(text));
  return planArticle(model, null).blocks.map(estimatedLanes);
}

const filler = (words: number) => Array.from({ length: words }, (_, i) => `word${i}`).join(' ');

describe('the lanes the reader guesses before layout', () => {
  it('gives passages that share a line lanes of their own, though their text does not overlap', () => {
    assert.deepEqual(lanesOf('[Leaders]{.strength theme=leadership} were praised and [waits]{.weakness theme=outcomes} were long.\n'), [2]);
  });

  it('lets passages lines apart share a lane', () => {
    assert.deepEqual(lanesOf(`[Leaders]{.strength theme=leadership} ${filler(60)} [waits]{.weakness theme=outcomes} were long.\n`), [1]);
  });

  it('counts the lines a hard line break starts', () => {
    // Short lines: each passage on a line of its own.
    assert.deepEqual(lanesOf('[Leaders]{.strength theme=leadership} were praised.\n[Waits]{.weakness theme=outcomes} were long.\n'), [1]);
  });

  it('gives a passage with two codes two lanes, and a nested passage one more', () => {
    assert.deepEqual(lanesOf('[Plans were [late]{.weakness theme=outcomes}]{.strength .quote theme=leadership speaker=a} today.\n'), [3]);
  });

  it('gives a block without passages no lanes, and one passage one lane', () => {
    assert.deepEqual(lanesOf('Plain text.\n\n[Leaders]{.strength theme=leadership} were praised.\n'), [0, 1]);
  });
});
