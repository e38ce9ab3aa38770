// Where the rows of the virtual findings list go. The list's scrolled
// content stands for every matching finding at a fixed row height; only the
// rows in view (and a few around them) exist. Browsers cap an element's
// height (Chromium near 16.7 million pixels), so past MAX_SCROLL_HEIGHT the
// content is that high and a scroll position maps proportionally onto the
// whole list. Pure arithmetic: no DOM.

/** The tallest scrolled content the list makes; a longer list scales the scroll position. */
export const MAX_SCROLL_HEIGHT = 10_000_000;

export interface ListGeometry {
  /** Rows in the list (the matching findings). */
  readonly count: number;
  /** Whole pixels. */
  readonly rowHeight: number;
  /** The height of the scrolling box. */
  readonly viewportHeight: number;
}

/** The rows drawn: `first` to `end` (exclusive), the first at `top` pixels in the scrolled content. */
export interface RowWindow {
  readonly first: number;
  readonly end: number;
  readonly top: number;
}

/** The height of the whole list at its row height. */
export function fullHeight(g: ListGeometry): number {
  return g.count * g.rowHeight;
}

/** The height of the scrolled content. */
export function scrollHeight(g: ListGeometry): number {
  return Math.min(fullHeight(g), MAX_SCROLL_HEIGHT);
}

/** How far the scroll position and the list's own offset can go. */
function ranges(g: ListGeometry): { scroll: number; full: number } {
  return { scroll: Math.max(0, scrollHeight(g) - g.viewportHeight), full: Math.max(0, fullHeight(g) - g.viewportHeight) };
}

/** The offset into the whole list (pixels at the row height) shown at the top for a scroll position. */
export function listOffset(g: ListGeometry, scrollTop: number): number {
  const { scroll, full } = ranges(g);
  const top = Math.min(Math.max(0, scrollTop), scroll);
  return scroll === full || scroll === 0 ? top : (top * full) / scroll;
}

/** The scroll position that shows `offset` (pixels into the whole list) at the top. */
export function scrollTopFor(g: ListGeometry, offset: number): number {
  const { scroll, full } = ranges(g);
  const clamped = Math.min(Math.max(0, offset), full);
  return scroll === full || full === 0 ? clamped : (clamped * scroll) / full;
}

/** The rows to draw at a list offset: those in view, `overscan` more on each side, at most `maxRows`. */
export function rowWindow(g: ListGeometry, scrollTop: number, offset: number, overscan: number, maxRows: number): RowWindow {
  if (g.count === 0 || g.rowHeight <= 0) return { first: 0, end: 0, top: 0 };
  const inView = Math.ceil(g.viewportHeight / g.rowHeight) + 1;
  const atTop = Math.min(g.count - 1, Math.floor(offset / g.rowHeight));
  const first = Math.max(0, atTop - overscan);
  const end = Math.min(g.count, atTop + inView + overscan, first + maxRows);
  // The row at the top sits where the scroll position is, less the part of it scrolled past.
  return { first, end, top: scrollTop - (offset - first * g.rowHeight) };
}

/** The list offset that brings row `index` wholly into view, moving as little as it can from `offset`. */
export function offsetShowing(g: ListGeometry, offset: number, index: number): number {
  const top = index * g.rowHeight;
  if (top < offset) return top;
  const bottom = top + g.rowHeight;
  return bottom > offset + g.viewportHeight ? Math.max(0, bottom - g.viewportHeight) : offset;
}

/** How many whole rows fit in view (a page for PageUp and PageDown). */
export function rowsInView(g: ListGeometry): number {
  return g.rowHeight <= 0 ? 1 : Math.max(1, Math.floor(g.viewportHeight / g.rowHeight));
}
