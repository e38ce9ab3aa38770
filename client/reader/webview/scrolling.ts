// The reader's position as a clean-text offset: which offset is at the top
// of the view (below the sticky toolbar), and scrolling so that an offset is
// there. Scrolling the reader is told to the host (throttled); scrolling
// done on the host's behalf (a `reveal`, the anchor kept across a redraw) is
// not echoed back.
import type { ArticleView } from './articleView';

const THROTTLE_MS = 50;
/** How many times a scroll to an offset is checked again, a frame or two apart. */
const SETTLE_FRAMES = 3;

interface CaretDocument {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
}

export class ScrollPosition {
  /** The scroll position a programmatic scroll ended at: the scroll event it fires is not the user's. */
  private quietAt: number | null = null;
  /** Bumped by every scroll to an offset and by the user's scrolling: a check of an older scroll stops. */
  private settling = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly view: ArticleView, private readonly topInset: () => number, private readonly onUserScroll: (offset: number) => void) {
    window.addEventListener('scroll', () => this.onScroll(), { passive: true });
    // A user's own scrolling ends any quiet period at once.
    for (const type of ['wheel', 'keydown', 'pointerdown', 'touchstart']) {
      window.addEventListener(type, () => {
        this.quietAt = null;
        this.settling++;
      }, { passive: true, capture: true });
    }
  }

  /** The clean offset of the first line visible below the toolbar. */
  topOffset(): number {
    const blocks = this.view.blockViews;
    if (blocks.length === 0 || window.scrollY <= 0) return 0;
    const y = this.topInset() + 2;
    const block = blocks[this.view.blockIndexAtY(y)];
    // A block not drawn yet is read as its start.
    if (!block.content) return block.start;
    const rect = block.content.text.getBoundingClientRect();
    if (rect.top >= y) return block.start;
    const point = caretAt(rect.left + 1, y + 1);
    const offset = point ? this.view.offsetOf(point.node, point.offset) : null;
    return offset !== null && offset >= block.start && offset <= block.start + block.length ? offset : block.start;
  }

  /**
   * Brings a clean offset to the top; `quiet`: the host asked for it (a
   * reveal, a redraw), so no `scrolled` follows. Blocks drawn on the way in
   * (they replace estimated heights) may move the text: the next frames put
   * it back, unless the user scrolls first.
   */
  scrollToOffset(offset: number, quiet: boolean): void {
    const settling = ++this.settling;
    const place = (framesLeft: number) => {
      if (settling !== this.settling) return;
      let target = 0;
      if (offset > 0) {
        const top = this.topOf(offset);
        if (top === null) return;
        target = Math.max(0, window.scrollY + top - this.topInset());
      }
      if (Math.abs(target - window.scrollY) >= 1) {
        window.scrollTo({ top: target, behavior: 'instant' });
        if (quiet) this.quietAt = window.scrollY;
      }
      if (framesLeft > 0) requestAnimationFrame(() => requestAnimationFrame(() => place(framesLeft - 1)));
    };
    place(SETTLE_FRAMES);
  }

  /** The viewport top of the line holding the offset. */
  private topOf(offset: number): number | null {
    const point = this.view.pointAt(offset);
    if (point) {
      const range = document.createRange();
      range.setStart(point.node, point.offset);
      range.setEnd(point.node, Math.min(point.node.length, point.offset + 1));
      const rects = range.getClientRects();
      if (rects.length > 0) return rects[0].top;
    }
    const block = this.view.blockViews[this.view.blockIndexAt(offset)];
    return block ? block.element.getBoundingClientRect().top : null;
  }

  private onScroll(): void {
    if (this.quietAt !== null && Math.abs(window.scrollY - this.quietAt) < 2) {
      this.quietAt = null;
      return;
    }
    this.quietAt = null;
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onUserScroll(this.topOffset());
    }, THROTTLE_MS);
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
