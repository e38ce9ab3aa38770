// Scrolling the copies together. The copies have one text, so a clean-text
// offset names the same place in each: scrolling one column brings the line
// at its top to the top of the others (their lines wrap differently, the
// status icons take room, so pixels would not do). Blocks a column has not
// drawn yet are drawn by the reader's view when an offset in them is asked
// for. Scrolls done here are not followed back.
import type { ArticleView } from '../../reader/webview/articleView';

export interface ScrolledColumn {
  readonly scroller: HTMLElement;
  readonly view: ArticleView;
}

interface CaretDocument {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
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
    }
  }

  /** Brings every other column to where `leader` is: the same offset at the top, or the end at the end. */
  follow(leader: ScrolledColumn): void {
    const { scroller } = leader;
    const atEnd = scroller.scrollTop > 0 && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
    const offset = this.topOffset(leader);
    for (const column of this.columns) {
      if (column === leader) continue;
      const before = column.scroller.scrollTop;
      if (atEnd) column.scroller.scrollTop = column.scroller.scrollHeight - column.scroller.clientHeight;
      else this.scrollToOffset(column, offset);
      if (Math.abs(column.scroller.scrollTop - before) >= 1) this.quietAt.set(column.scroller, column.scroller.scrollTop);
    }
  }

  /** The clean offset (UTF-16) of the first line visible in a column. */
  topOffset(column: ScrolledColumn): number {
    const { view, scroller } = column;
    const blocks = view.blockViews;
    if (blocks.length === 0 || scroller.scrollTop <= 0) return 0;
    const y = scroller.getBoundingClientRect().top + 2;
    const block = blocks[view.blockIndexAtY(y)];
    // Drawn: it is in view (pointAt draws a block that is not yet).
    const first = view.pointAt(block.start);
    const text = first?.node.parentElement?.closest('.text') ?? block.element;
    const rect = text.getBoundingClientRect();
    if (rect.top >= y) return block.start;
    const point = caretAt(rect.left + 1, y + 1);
    const offset = point ? view.offsetOf(point.node, point.offset) : null;
    return offset !== null && offset >= block.start && offset <= block.start + block.length ? offset : block.start;
  }

  /** Scrolls a column so that the line holding a clean offset is at its top. */
  scrollToOffset(column: ScrolledColumn, offset: number): void {
    const { view, scroller } = column;
    if (offset <= 0) {
      scroller.scrollTop = 0;
      return;
    }
    const point = view.pointAt(offset);
    let top: number | null = null;
    if (point) {
      const range = document.createRange();
      range.setStart(point.node, point.offset);
      range.setEnd(point.node, Math.min(point.node.length, point.offset + 1));
      top = range.getClientRects()[0]?.top ?? null;
    }
    top ??= view.blockViews[view.blockIndexAt(offset)]?.element.getBoundingClientRect().top ?? null;
    if (top === null) return;
    scroller.scrollTop += top - scroller.getBoundingClientRect().top;
  }

  private onScroll(column: ScrolledColumn): void {
    const quiet = this.quietAt.get(column.scroller);
    this.quietAt.delete(column.scroller);
    if (quiet !== undefined && Math.abs(column.scroller.scrollTop - quiet) < 2) return;
    // One follow per frame, for the column scrolled last.
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.follow(column));
  }
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
