// Plans only the stretch of the article a delta touched: the old plans before
// the change stay as they are, the old plans after it are moved by the edit,
// and the blocks between are found and planned afresh. The stretch starts at
// an old block start before the change (what precedes it is the same text,
// so it still starts a block) and ends at the first block start past the
// change where an old block started (the text after it is the same, so the
// blocks that follow are the old ones). Gives the plan a whole planning
// gives (a property test compares them), in time that grows with the
// stretch and the number of blocks, not with the text.
import { blocksOf, scanBlockStarts } from '../../../core/reader/articleBlocks';
import { passageRuns, type PassageRun } from '../../../core/reader/passageRuns';
import type { ArticleChange } from './articleChanges';
import type { BlockPlan, BlockPlanner } from './articlePlan';
import type { ShownModel } from './shownModel';

/** The new plan's blocks, or null when the old plan cannot be taken over around the change (plan it whole). */
export function planWindow(old: readonly BlockPlan[], model: ShownModel, change: ArticleChange, planBlock: BlockPlanner): BlockPlan[] | null {
  const { cleanText, passages } = model;
  const blocks: BlockPlan[] = [];
  let first = 0;
  for (; first < old.length && old[first].end < change.start; first++) {
    const plan = moved(old[first], 0, change);
    if (!plan) return null;
    blocks.push(plan);
  }
  // Nothing changed: every old block stays.
  if (change.start > change.end) return first === old.length && change.lengthDelta === 0 ? blocks : null;
  if (first === old.length) return null;
  const from = old[first].start;

  let resume = old.length;
  let to = cleanText.length;
  const starts = [from];
  scanBlockStarts(cleanText, from, (start) => {
    if (start > change.end) {
      const at = oldBlockAt(old, first, start - change.lengthDelta);
      if (at >= 0 && moved(old[at], change.lengthDelta, change)) {
        resume = at;
        to = start;
        return false;
      }
    }
    starts.push(start);
    return true;
  });

  // The passages in the stretch: those of its old blocks (and their neighbours) that stayed, and those that changed.
  const candidates = new Set<number>();
  for (let b = Math.max(0, first - 1); b < Math.min(old.length, resume + 1); b++) {
    for (const global of old[b].globals) {
      const now = change.newPassage(global);
      if (now !== null) candidates.add(now);
    }
  }
  for (let p = change.passagesFrom; p < change.passagesTo; p++) candidates.add(p);
  const atTextEnd = to === cleanText.length;
  const inside = [...candidates].filter((p) => {
    const { start, end } = passages[p];
    return start === end ? start >= from && (start < to || atTextEnd) : start < to && end > from;
  }).sort((a, b) => a - b);
  const runs: PassageRun[] = passageRuns(to, inside.map((p) => passages[p])).map((run) => ({ start: run.start, end: run.end, passages: run.passages.map((k) => inside[k]) }));
  for (const block of blocksOf(starts, to, atTextEnd, runs)) blocks.push(planBlock(block));

  for (let b = resume; b < old.length; b++) {
    const plan = moved(old[b], change.lengthDelta, change);
    if (!plan) return null;
    blocks.push(plan);
  }
  return blocks;
}

/** An old plan moved by `by`, its passages renumbered; null when one of them changed. */
function moved(plan: BlockPlan, by: number, change: ArticleChange): BlockPlan | null {
  let globals: number[] | null = null;
  for (let k = 0; k < plan.globals.length; k++) {
    const now = change.newPassage(plan.globals[k]);
    if (now === null) return null;
    if (now !== plan.globals[k]) (globals ??= plan.globals.slice())[k] = now;
  }
  if (by === 0 && globals === null) return plan;
  return { ...plan, start: plan.start + by, end: plan.end + by, globals: globals ?? plan.globals };
}

/** The old block starting at `start` (searched from `from` on), or -1. */
function oldBlockAt(old: readonly BlockPlan[], from: number, start: number): number {
  let low = from;
  let high = old.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (old[mid].start === start) return mid;
    if (old[mid].start < start) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
