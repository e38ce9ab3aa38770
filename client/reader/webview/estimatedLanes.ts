// The lanes a block's stripes will need, guessed from its text before it is
// laid out. Stripes are given lanes by their heights on the page: passages
// that only share a wrapped line need lanes of their own too. Each passage is
// taken to cover the lines it would cover if every line held LINE_CHARACTERS
// characters (more than a line of the reader's 70ch column holds, so
// passages seem nearer than they are: the guess errs towards a lane too
// many). Widening the margin before the first layout costs nothing; widening
// it once measured restyles and lays out every block again.
import { stripeLanes, type LaneInterval } from '../../../core/reader/stripeLanes';
import { lastAtOrBefore } from '../../../core/text/lastAtOrBefore';
import type { BlockPlan } from './articlePlan';

const LINE_CHARACTERS = 100;

export function estimatedLanes(plan: BlockPlan): number {
  const stripes = plan.locals.reduce((sum, local) => sum + local.stripes.length, 0);
  if (stripes <= 1) return stripes;
  const lineOf = wrappedLines(plan.text);
  const extent = plan.locals.map(() => ({ start: Infinity, end: -Infinity }));
  for (const run of plan.runs) {
    for (const local of run.passages) {
      extent[local].start = Math.min(extent[local].start, run.start);
      extent[local].end = Math.max(extent[local].end, run.end);
    }
  }
  const intervals: LaneInterval[] = [];
  plan.locals.forEach((local, i) => {
    if (local.stripes.length === 0 || extent[i].start > extent[i].end) return;
    // From the line of its first character to the end of the line of its last.
    const lines = { start: lineOf(extent[i].start), end: lineOf(Math.max(extent[i].start, extent[i].end - 1)) + 1 };
    for (let k = 0; k < local.stripes.length; k++) intervals.push(lines);
  });
  return stripeLanes(intervals).count;
}

/** The line an offset of `text` falls on, with its line breaks kept and each line wrapped every LINE_CHARACTERS characters. */
function wrappedLines(text: string): (offset: number) => number {
  // Each hard line's start and the wrapped lines before it: one pass over the text.
  const starts: number[] = [0];
  const before: number[] = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    const length = at - starts[starts.length - 1];
    before.push(before[before.length - 1] + Math.max(1, Math.ceil(length / LINE_CHARACTERS)));
    starts.push(at + 1);
  }
  return (offset) => {
    const line = lastAtOrBefore(starts.length, (i) => starts[i], offset);
    return before[line] + Math.floor((offset - starts[line]) / LINE_CHARACTERS);
  };
}
