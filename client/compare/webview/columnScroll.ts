// Scrolling the copies together. The copies have one text, so their
// paragraph blocks are the same: scrolling one column brings the others to
// the same block, at the same fraction of it (their lines wrap differently,
// the status icons take room). Scrolls done here are not followed back.
import type { ArticleView } from '../../reader/webview/articleView';

export interface ScrolledColumn {
  readonly scroller: HTMLElement;
  readonly view: ArticleView;
}

interface CaretDocument {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
}

/** Where a column is: a block and how far into it its top is (0 to 1); `end` at the bottom. */
interface Anchor {
  readonly block: number;
  readonly fraction: number;
  readonly end: boolean;
}

export class ColumnScroll {
  private columns: readonly ScrolledColumn[] = [];
  /** The scroll position a scroll done here ended at, by column: the scroll event it fires is not the user's. */
  private readonly quietAt = new Map<HTMLElement, number>();
  private frame = 0;
  private readonly listeners = new Map<HTMLElement, () => void>();

  /** The columns shown, in order: they now scroll together. */
  set(columns: readonly ScrolledColumn[]): void {
    for (const [scroller, listener] of this.listeners) scroller.removeEventListener('scroll', listener);
    this.listeners.clear();
    this.quietAt.clear();
    this.columns = columns;
    for (const column of columns) {
      const listener = () => this.onScroll(column);
      column.scroller.addEventListener('scroll', listener, { passive: true });
      this.listeners.set(column.scroller, listener);
      // The user's own scrolling ends a quiet period at once.
      for (const type of ['wheel', 'keydown', 'pointerdown', 'touchstart']) column.scroller.addEventListener(type, () => this.quietAt.delete(column.scroller), { passive: true });
    }
  }

  /** Brings every other column to where `leader` is. */
  follow(leader: ScrolledColumn): void {
    const anchor = anchorOf(leader);
    for (const column of this.columns) if (column !== leader) this.scrollTo(column, anchor);
  }

  /** The clean offset (UTF-16) of the first line visible in a column. */
  topOffset(column: ScrolledColumn): number {
    const blocks = column.view.blockViews;
    if (blocks.length === 0 || column.scroller.scrollTop <= 0) return 0;
    const y = column.scroller.getBoundingClientRect().top + 2;
    const block = blocks[column.view.blockIndexAtY(y)];
    const rect = block.text.getBoundingClientRect();
    if (rect.top >= y) return block.start;
    const point = caretAt(rect.left + 1, y + 1);
    const offset = point ? column.view.offsetOf(point.node, point.offset) : null;
    return offset !== null && offset >= block.start && offset <= block.start + block.length ? offset : block.start;
  }

  /** Scrolls a column so that the line holding a clean offset is at its top (a user's scroll: the others follow). */
  scrollToOffset(column: ScrolledColumn, offset: number): void {
    const point = column.view.pointAt(offset);
    let top: number | null = null;
    if (point) {
      const range = document.createRange();
      range.setStart(point.node, point.offset);
      range.setEnd(point.node, Math.min(point.node.length, point.offset + 1));
      top = range.getClientRects()[0]?.top ?? null;
    }
    top ??= column.view.blockViews[column.view.blockIndexAt(offset)]?.element.getBoundingClientRect().top ?? null;
    if (top === null) return;
    column.scroller.scrollTop += top - column.scroller.getBoundingClientRect().top;
  }

  private onScroll(column: ScrolledColumn): void {
    const quiet = this.quietAt.get(column.scroller);
    this.quietAt.delete(column.scroller);
    if (quiet !== undefined && Math.abs(column.scroller.scrollTop - quiet) < 2) return;
    // One follow per frame, for the column scrolled last.
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.follow(column));
  }

  private scrollTo(column: ScrolledColumn, anchor: Anchor): void {
    const { scroller, view } = column;
    let target: number;
    if (anchor.end) target = scroller.scrollHeight - scroller.clientHeight;
    else {
      const block = view.blockViews[Math.min(anchor.block, view.blockViews.length - 1)];
      if (!block) return;
      const rect = block.element.getBoundingClientRect();
      target = scroller.scrollTop + rect.top - scroller.getBoundingClientRect().top + anchor.fraction * rect.height;
    }
    const before = scroller.scrollTop;
    scroller.scrollTop = Math.max(0, target);
    if (Math.abs(scroller.scrollTop - before) >= 1) this.quietAt.set(scroller, scroller.scrollTop);
  }
}

function anchorOf({ scroller, view }: ScrolledColumn): Anchor {
  const blocks = view.blockViews;
  if (scroller.scrollTop <= 0 || blocks.length === 0) return { block: 0, fraction: 0, end: false };
  if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) return { block: blocks.length - 1, fraction: 1, end: true };
  const top = scroller.getBoundingClientRect().top;
  const block = view.blockIndexAtY(top + 1);
  const rect = blocks[block].element.getBoundingClientRect();
  return { block, fraction: rect.height > 0 ? Math.max(0, Math.min(1, (top - rect.top) / rect.height)) : 0, end: false };
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as unknown as CaretDocument;
  if (doc.caretPositionFromPoint) {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y) ?? null;
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
