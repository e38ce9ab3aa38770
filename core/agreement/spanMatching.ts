/** One annotator's passage with one label (a code, or a theme): a span with two codes is two of these. */
export interface LabelledRange {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

/** Indexes into the two annotators' lists. */
export type MatchedPair = readonly [first: number, second: number];

export interface SpanMatching {
  /** Same start, end and label. */
  readonly exact: readonly MatchedPair[];
  /** Same label, intersecting but different ranges: a boundary difference. */
  readonly boundary: readonly MatchedPair[];
  /** Left over on both sides, intersecting, with different labels: a code (or theme) difference. */
  readonly label: readonly MatchedPair[];
  /** What only one side has. */
  readonly onlyFirst: readonly number[];
  readonly onlySecond: readonly number[];
}

/**
 * How matches are chosen, one to one and deterministically: first every
 * exact match (same start, end and label; among equal ranges, in the order
 * of the lists); then, among the passages left, pairs with the same label
 * whose ranges intersect (at least one code point in common), taken
 * greedily by the largest overlap, then the earliest start of the first
 * annotator's passage, then of the second's, then the shorter ranges;
 * then, among those still left, pairs with different labels that
 * intersect, by the same order (code differences). Whatever matches
 * neither way is on one side only.
 */
export const MATCHING_RULE = 'one-to-one: exact matches (same start, end and label) first; then pairs with the same label whose ranges intersect, greedily by largest overlap, then earliest start; then intersecting pairs with different labels (label differences), in the same order';

/**
 * Ranges of one label that pile up on each other (nested spans of one code,
 * many deep) could intersect pairwise without bound: past this many
 * candidate pairs per passage, pairs are taken in order of start instead.
 */
const CANDIDATES_PER_PASSAGE = 16;

export function matchSpans(first: readonly LabelledRange[], second: readonly LabelledRange[]): SpanMatching {
  const firstFree = new Uint8Array(first.length).fill(1);
  const secondFree = new Uint8Array(second.length).fill(1);
  const exact = exactMatches(first, second, firstFree, secondFree);
  const boundary = greedyMatches(first, second, firstFree, secondFree, true);
  const label = greedyMatches(first, second, firstFree, secondFree, false);
  const onlyFirst: number[] = [];
  const onlySecond: number[] = [];
  firstFree.forEach((free, i) => free && onlyFirst.push(i));
  secondFree.forEach((free, j) => free && onlySecond.push(j));
  return { exact, boundary, label, onlyFirst, onlySecond };
}

function exactMatches(first: readonly LabelledRange[], second: readonly LabelledRange[], firstFree: Uint8Array, secondFree: Uint8Array): MatchedPair[] {
  const waiting = new Map<string, number[]>();
  second.forEach((range, j) => {
    const key = keyOf(range);
    const list = waiting.get(key);
    if (list) list.push(j);
    else waiting.set(key, [j]);
  });
  const matched: MatchedPair[] = [];
  const taken = new Map<string, number>();
  first.forEach((range, i) => {
    const key = keyOf(range);
    const list = waiting.get(key);
    const next = taken.get(key) ?? 0;
    if (!list || next >= list.length) return;
    taken.set(key, next + 1);
    firstFree[i] = 0;
    secondFree[list[next]] = 0;
    matched.push([i, list[next]]);
  });
  return matched;
}

interface Candidate {
  readonly i: number;
  readonly j: number;
  readonly overlap: number;
}

/**
 * Greedy one-to-one matching of the free passages whose ranges intersect,
 * with the same label (sameLabel) or different ones.
 */
function greedyMatches(first: readonly LabelledRange[], second: readonly LabelledRange[], firstFree: Uint8Array, secondFree: Uint8Array, sameLabel: boolean): MatchedPair[] {
  const a = freeIndexes(first, firstFree);
  const b = freeIndexes(second, secondFree);
  if (a.length === 0 || b.length === 0) return [];
  if (!sameLabel) return greedyWithin(first, a, second, b, firstFree, secondFree, false);
  // One label at a time: the sweep then meets only passages it can pair.
  const byLabel = new Map<string, [number[], number[]]>();
  for (const i of a) {
    const lists = byLabel.get(first[i].label) ?? [[], []];
    byLabel.set(first[i].label, lists);
    lists[0].push(i);
  }
  for (const j of b) byLabel.get(second[j].label)?.[1].push(j);
  const matched: MatchedPair[] = [];
  for (const [left, right] of byLabel.values()) {
    if (right.length > 0) matched.push(...greedyWithin(first, left, second, right, firstFree, secondFree, true));
  }
  return matched.sort((x, y) => x[0] - y[0]);
}

function greedyWithin(first: readonly LabelledRange[], a: readonly number[], second: readonly LabelledRange[], b: readonly number[], firstFree: Uint8Array, secondFree: Uint8Array, sameLabel: boolean): MatchedPair[] {
  const budget = CANDIDATES_PER_PASSAGE * (a.length + b.length);
  const candidates = intersectingPairs(first, a, second, b, sameLabel, budget);
  if (candidates === undefined) return inStartOrder(first, a, second, b, firstFree, secondFree, sameLabel);
  candidates.sort((x, y) => y.overlap - x.overlap
    || first[x.i].start - first[y.i].start || second[x.j].start - second[y.j].start
    || first[x.i].end - first[y.i].end || second[x.j].end - second[y.j].end
    || x.i - y.i || x.j - y.j);
  const matched: MatchedPair[] = [];
  for (const { i, j } of candidates) {
    if (!firstFree[i] || !secondFree[j]) continue;
    firstFree[i] = 0;
    secondFree[j] = 0;
    matched.push([i, j]);
  }
  return matched;
}

/**
 * Every intersecting pair (one passage from each side), found by a sweep in
 * order of start that keeps each side's passages still open; undefined past
 * the budget.
 */
function intersectingPairs(first: readonly LabelledRange[], a: readonly number[], second: readonly LabelledRange[], b: readonly number[], sameLabel: boolean, budget: number): Candidate[] | undefined {
  const events = [...a.map((i) => ({ side: 0, index: i, start: first[i].start })), ...b.map((j) => ({ side: 1, index: j, start: second[j].start }))]
    .sort((x, y) => x.start - y.start || x.side - y.side || x.index - y.index);
  const open: [number[], number[]] = [[], []];
  const lists = [first, second] as const;
  const candidates: Candidate[] = [];
  for (const event of events) {
    const range = lists[event.side][event.index];
    const other = event.side === 0 ? 1 : 0;
    // Drop the other side's passages that ended before this one starts, and pair with the rest.
    const still: number[] = [];
    for (const index of open[other]) {
      const candidate = lists[other][index];
      if (candidate.end <= range.start) continue;
      still.push(index);
      if ((candidate.label === range.label) !== sameLabel) continue;
      const overlap = Math.min(candidate.end, range.end) - range.start;
      const [i, j] = event.side === 0 ? [event.index, index] : [index, event.index];
      candidates.push({ i, j, overlap });
      if (candidates.length > budget) return undefined;
    }
    open[other] = still;
    open[event.side].push(event.index);
  }
  return candidates;
}

/** The fallback for piled-up ranges: each passage, in order of start, with the first free intersecting one of the other side. */
function inStartOrder(first: readonly LabelledRange[], a: readonly number[], second: readonly LabelledRange[], b: readonly number[], firstFree: Uint8Array, secondFree: Uint8Array, sameLabel: boolean): MatchedPair[] {
  const byStart = (list: readonly LabelledRange[]) => (x: number, y: number) => list[x].start - list[y].start || list[x].end - list[y].end || x - y;
  const left = [...a].sort(byStart(first));
  const right = [...b].sort(byStart(second));
  const matched: MatchedPair[] = [];
  let j = 0;
  for (const i of left) {
    while (j < right.length && second[right[j]].end <= first[i].start) j++;
    if (j >= right.length) break;
    const candidate = second[right[j]];
    if (candidate.start < first[i].end && (candidate.label === first[i].label) === sameLabel) {
      firstFree[i] = 0;
      secondFree[right[j]] = 0;
      matched.push([i, right[j]]);
      j++;
    }
  }
  return matched;
}

function freeIndexes(list: readonly LabelledRange[], free: Uint8Array): number[] {
  const indexes: number[] = [];
  for (let i = 0; i < list.length; i++) if (free[i]) indexes.push(i);
  return indexes;
}

function keyOf(range: LabelledRange): string {
  return `${range.start}:${range.end}:${range.label}`;
}
