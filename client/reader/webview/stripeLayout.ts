// Places the coding stripes of one paragraph block in its gutter, beside the
// lines of their passages: one batch of reads (the line boxes of each
// passage's first and last highlight), then one batch of writes. Lanes are
// given by the stripes' vertical extents (core/reader/stripeLanes.ts), so
// two passages on one line never share a lane; the passages' tags go beside
// the lanes at the top of their stripes, one under the other where they
// would meet. Used by the reader and by the saved HTML's layout script.
import { stripeLanes } from '../../../core/reader/stripeLanes';

export interface StripeTarget {
  readonly stripe: HTMLElement;
  /** The passage's first and last highlight elements in this block. */
  readonly first: Element;
  readonly last: Element;
  /** The highlight's bottom padding (room for underlines), left out of the stripe. */
  readonly pad: number;
  /** The passage's tag, on the first stripe of a passage that opens in the block. */
  readonly tag: HTMLElement | null;
}

/** The height of a tag's line, in CSS pixels (the stylesheets give tags this line height). */
export const TAG_LINE = 16;

export interface BlockStripes {
  readonly gutter: HTMLElement;
  readonly targets: readonly StripeTarget[];
}

export interface MeasuredBlock {
  readonly block: BlockStripes;
  readonly extents: ReadonlyArray<{ readonly top: number; readonly bottom: number }>;
}

/** Reads only: where each stripe's passage starts and ends, relative to its gutter (null when the block is not laid out). */
export function measureBlock(block: BlockStripes): MeasuredBlock | null {
  const origin = block.gutter.getBoundingClientRect();
  if (origin.width === 0 && origin.height === 0) return null;
  const extents = block.targets.map((target) => {
    const firstRects = target.first.getClientRects();
    const lastRects = target.first === target.last ? firstRects : target.last.getClientRects();
    const top = (firstRects.length > 0 ? firstRects[0] : target.first.getBoundingClientRect()).top - origin.top;
    const lastRect = lastRects.length > 0 ? lastRects[lastRects.length - 1] : target.last.getBoundingClientRect();
    const bottom = Math.max(top + 4, lastRect.bottom - target.pad - origin.top);
    return { top, bottom };
  });
  return { block, extents };
}

/**
 * Writes only: lanes, geometry and tag positions, through the CSSOM (allowed
 * by the strict CSP). Plain properties, not custom ones: a custom property is
 * inherited, so setting one would restyle everything inside the element too
 * (a tag's lines, a gutter's stripes). Returns the lanes used.
 */
export function placeBlock(measured: MeasuredBlock): number {
  const { targets, gutter } = measured.block;
  const { extents } = measured;
  const { lanes, count } = stripeLanes(extents.map((extent) => ({ start: extent.top, end: extent.bottom })));
  targets.forEach((target, i) => {
    const { top, bottom } = extents[i];
    target.stripe.style.top = `${top.toFixed(1)}px`;
    target.stripe.style.height = `${(bottom - top).toFixed(1)}px`;
    target.stripe.style.left = `calc(${lanes[i]} * var(--lane-width))`;
  });
  // Tags in the order of their tops, each below the one before; the gutter grows to hold the last.
  const tagged = targets.map((_, i) => i).filter((i) => targets[i].tag !== null).sort((a, b) => extents[a].top - extents[b].top || a - b);
  let floor = 0;
  for (const i of tagged) {
    const top = Math.max(extents[i].top, floor);
    const tag = targets[i].tag as HTMLElement;
    tag.style.top = `${top.toFixed(1)}px`;
    // A line per code (counting children reads no layout).
    floor = top + TAG_LINE * Math.max(1, tag.childElementCount);
  }
  gutter.style.minHeight = `${floor.toFixed(1)}px`;
  return count;
}

/** Measures every block, then places every block: one forced layout for the batch. Returns the most lanes any block needs. */
export function layoutBlocks(blocks: readonly BlockStripes[]): number {
  const measured: MeasuredBlock[] = [];
  for (const block of blocks) {
    if (block.targets.length === 0) continue;
    const result = measureBlock(block);
    if (result) measured.push(result);
  }
  let lanes = 0;
  for (const result of measured) lanes = Math.max(lanes, placeBlock(result));
  return lanes;
}
