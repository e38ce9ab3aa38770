// The article in the reader: one element per paragraph block. A block is
// drawn (blockContent.ts) when it comes near the view, or when something
// needs its text (a selection, a reveal); until then it holds the height its
// text will about take. Blocks whose plan is unchanged keep their DOM across
// models, so an edit redraws only what it touched, and a 1 MB report opens
// with only its first screens drawn. Maps both ways between DOM positions and
// clean-text offsets: every text node knows its offset.
import type { ShownDelta, ShownModel } from './shownModel';
import { h } from '../../webview/dom';
import { planArticle, samePlan, type ArticlePlan, type BlockPlan } from './articlePlan';
import { drawBlockContent, type BlockContent } from './blockContent';
import { estimatedLanes } from './estimatedLanes';
import { lastAtOrBefore } from '../../../core/text/lastAtOrBefore';
import { layoutBlocks, type BlockStripes } from './stripeLayout';

/** One block. Its `start` and `globals` are updated when it is kept for a new model. */
export interface BlockView {
  /** What it draws (the plan of the model it was first drawn for). */
  readonly plan: BlockPlan;
  readonly element: HTMLElement;
  readonly length: number;
  start: number;
  globals: readonly number[];
  /** Its DOM, once drawn. */
  content: BlockContent | null;
}

/** What the reader needs from a highlight element (or a memo note): its block and local passage. */
interface MarkInfo {
  readonly block: BlockView;
  readonly local: number;
}

const LANE_LIMIT = 24;
/** Blocks are drawn this far above and below the view, in viewport heights (after the first paint: see drawNear). */
const DRAW_AHEAD = 1.5;
/**
 * The first drawing guesses what a screen shows: about the characters in a line of the 70ch text column, a
 * line's height in CSS pixels, and the share of the screen below the toolbar and the header. What is in view
 * once laid out is drawn in the same frame, in at most FILL_ROUNDS measures.
 */
const LINE_CHARACTERS = 80;
const LINE_HEIGHT = 26;
const SCREEN_SHARE = 0.4;
const FILL_ROUNDS = 8;

export class ArticleView {
  readonly element: HTMLElement = h('article', { class: 'article', 'aria-label': 'Article' });
  private blocks: BlockView[] = [];
  private planned: ArticlePlan | null = null;
  private readonly blockOf = new WeakMap<Element, BlockView>();
  private readonly textRel = new WeakMap<Text, number>();
  private readonly markInfo = new WeakMap<Element, MarkInfo>();
  private lanes = 1;
  private readonly resize = new ResizeObserver((entries) => this.onResize(entries));
  /** A check for blocks in view not drawn yet is due at the next frame, before its layout. */
  private nearPending = false;
  /** Drawing the blocks near the view is due at a later frame. */
  private aheadPending = false;

  /** Called when a block's DOM is drawn (the reader marks it for the filters). */
  onDrawn: ((block: BlockView) => void) | null = null;

  constructor() {
    this.setLanes(1);
    // A binary search of the blocks at each scrolled frame (an IntersectionObserver on thousands of blocks costs every frame).
    window.addEventListener('scroll', () => this.drawNearSoon(), { passive: true });
    window.addEventListener('resize', () => this.drawNearSoon());
  }

  /**
   * Shows the model, keeping the blocks that did not change and drawing those
   * around `anchor` (a clean offset) at once; `delta`, when the model came as
   * one, says what changed.
   */
  render(model: ShownModel, anchor: number, delta: ShownDelta | null = null): void {
    this.planned = planArticle(model, this.planned, delta);
    const plans = this.planned.blocks;
    // The blocks there are: by the runs of their plan (a plan taken over shares them), then, for the
    // plans made anew, by their text.
    const taken = new Set<BlockView>();
    const byRuns = new Map(this.blocks.map((block) => [block.plan.runs, block]));
    const next: Array<BlockView | undefined> = plans.map((plan) => {
      const same = byRuns.get(plan.runs);
      if (!same || taken.has(same)) return undefined;
      taken.add(same);
      return same;
    });
    const byText = new Map<string, BlockView[]>();
    if (next.includes(undefined)) {
      for (const block of this.blocks) {
        if (taken.has(block)) continue;
        const list = byText.get(block.plan.text);
        if (list) list.push(block);
        else byText.set(block.plan.text, [block]);
      }
    }
    // The margin's lanes only widen: the plans made anew may call for more.
    let lanes = 1;
    const views = plans.map((plan, i) => {
      const kept = next[i] ?? byText.get(plan.text)?.find((block) => !taken.has(block) && samePlan(block.plan, plan));
      if (!next[i]) lanes = Math.max(lanes, estimatedLanes(plan));
      if (kept) {
        taken.add(kept);
        kept.start = plan.start;
        kept.globals = plan.globals;
        return kept;
      }
      return this.placeholder(plan);
    });
    // Move the DOM as little as possible: kept blocks stay where they are, new ones go in, the rest leave.
    for (const block of this.blocks) if (!taken.has(block)) this.forget(block);
    let cursor = this.element.firstElementChild;
    for (const block of views) {
      if (block.element === cursor) {
        cursor = cursor.nextElementSibling;
        continue;
      }
      this.element.insertBefore(block.element, cursor);
    }
    this.blocks = views;
    // Widen the margin before the first layout to the lanes the passages will about need (estimatedLanes.ts;
    // what the guess missed is found when measured).
    if (lanes > this.lanes) this.setLanes(lanes);
    this.drawAround(anchor);
    // What the guess left out in view (the first drawing's, or a block an edit changed further down), before the next paint.
    this.drawNearSoon();
  }

  clear(): void {
    for (const block of this.blocks) this.forget(block);
    this.blocks = [];
    this.planned = null;
    this.element.replaceChildren();
  }

  get blockViews(): readonly BlockView[] {
    return this.blocks;
  }

  /** Draws every block (what a test reads must all be there). */
  drawAll(): void {
    for (const block of this.blocks) this.fill(block);
  }

  /** Draws the blocks next to the one holding `node`, so that Tab and Shift+Tab find the passages there at once. */
  drawNeighbours(node: Node): void {
    const block = this.enclosingBlock(node);
    if (!block) return;
    const index = this.blocks.indexOf(block);
    // Each way, on to the second block with a passage in it (not past 50 blocks of plain text).
    for (const step of [1, -1]) {
      let found = 0;
      for (let b = index + step, n = 0; b >= 0 && b < this.blocks.length && found < 2 && n < 50; b += step, n++) {
        this.fill(this.blocks[b]);
        if (this.blocks[b].plan.locals.some((local) => local.opens)) found++;
      }
    }
  }

  /** The passage (model position) a highlight element or memo note stands for, or null. */
  passageOf(element: Element): number | null {
    const info = this.markInfo.get(element);
    return info ? info.block.globals[info.local] : null;
  }

  /** The innermost highlight (or memo note) at or above a node in the article. */
  markAt(node: Node | null): HTMLElement | null {
    for (let n: Node | null = node; n && n !== this.element; n = n.parentNode) {
      if (n instanceof HTMLElement && this.markInfo.has(n)) return n;
    }
    return null;
  }

  /** The highlight elements of a passage, in order (only the blocks its offsets span are looked at, and drawn). */
  marksOf(passage: number, start: number, end: number): HTMLElement[] {
    const found: HTMLElement[] = [];
    for (let b = this.blockIndexAt(start); b < this.blocks.length; b++) {
      const block = this.blocks[b];
      if (block.start > end || (block.start === end && end > start)) break;
      const content = this.fill(block);
      content.marks.forEach((mark, i) => {
        if (block.globals[content.markLocals[i]] === passage) found.push(mark);
      });
    }
    return found;
  }

  /** The clean offset of a DOM position (a selection's end), or null outside the article's text. */
  offsetOf(node: Node, offset: number): number | null {
    if (!this.element.contains(node)) return null;
    const block = this.enclosingBlock(node);
    if (!block) return offset >= this.blocks.length ? this.textLength() : this.blocks[offset]?.start ?? null;
    const content = block.content;
    if (node instanceof Text) {
      const rel = this.textRel.get(node);
      return rel === undefined ? block.start : block.start + rel + Math.min(offset, node.length);
    }
    if (!content || !content.text.contains(node)) return node === block.element && offset === 0 ? block.start : block.start + block.length;
    // An element boundary: the first text after it, or the end of the block's text.
    const after = node.childNodes[offset] ?? null;
    const first = after ? firstText(after) ?? textAfter(after, content.text) : textAfter(node, content.text);
    return first ? block.start + (this.textRel.get(first) ?? 0) : block.start + block.length;
  }

  /** The text node and offset in it of a clean offset (the start of a text node when at a boundary); draws its block. */
  pointAt(offset: number): { node: Text; offset: number } | null {
    const block = this.blocks[this.blockIndexAt(offset)];
    if (!block) return null;
    const { texts, rels } = this.fill(block);
    if (texts.length === 0) return null;
    const rel = Math.max(0, Math.min(offset - block.start, block.length));
    const at = lastAtOrBefore(rels.length, (i) => rels[i], rel);
    const node = texts[at];
    return { node, offset: Math.min(node.length, Math.max(0, rel - rels[at])) };
  }

  /** The block holding a clean offset (an offset at a boundary belongs to the block it starts). */
  blockIndexAt(offset: number): number {
    return lastAtOrBefore(this.blocks.length, (i) => this.blocks[i].start, offset);
  }

  /** The first block whose bottom is below `y` (viewport pixels): binary search on the blocks' boxes. */
  blockIndexAtY(y: number): number {
    let low = 0;
    let high = this.blocks.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.blocks[mid].element.getBoundingClientRect().bottom <= y) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  textLength(): number {
    const last = this.blocks[this.blocks.length - 1];
    return last ? last.start + last.length : 0;
  }

  /** The article's text as drawn, from its text nodes (every block drawn first). */
  renderedText(): string {
    this.drawAll();
    return this.blocks.map((block) => (block.content as BlockContent).texts.map((node) => node.data).join('')).join('');
  }

  /** Passages and stripes shown, from the blocks' plans (each passage opens in one block): for `rendered`, without drawing. */
  shownCounts(): { passages: number; stripes: number } {
    let passages = 0;
    let stripes = 0;
    for (const block of this.blocks) {
      for (const local of block.plan.locals) {
        if (!local.opens) continue;
        passages++;
        stripes += local.stripes.length;
      }
    }
    return { passages, stripes };
  }

  /** Read from the DOM (every block drawn first): passages with a highlight element, and stripes, once per passage and code. */
  drawnCounts(): { passages: number; stripes: number } {
    this.drawAll();
    const passages = new Set<number>();
    const stripes = new Set<string>();
    for (const block of this.blocks) {
      const content = block.content as BlockContent;
      for (const local of content.markLocals) passages.add(block.globals[local]);
      content.stripes.targets.forEach((target, i) => stripes.add(`${block.globals[content.stripeLocals[i]]}:${target.stripe.dataset.code ?? ''}`));
    }
    return { passages: passages.size, stripes: stripes.size };
  }

  /** A block not drawn yet: an empty element as tall as its text will about be. */
  private placeholder(plan: BlockPlan): BlockView {
    const element = h('div', { class: 'block pending' });
    let breaks = 0;
    for (let i = plan.text.indexOf('\n'); i >= 0; i = plan.text.indexOf('\n', i + 1)) breaks++;
    element.style.setProperty('--chars', String(plan.text.length));
    element.style.setProperty('--breaks', String(breaks));
    const block: BlockView = { plan, element, length: plan.end - plan.start, start: plan.start, globals: plan.globals, content: null };
    this.blockOf.set(element, block);
    return block;
  }

  /** Draws a block's DOM if it is not drawn yet. */
  private fill(block: BlockView): BlockContent {
    if (block.content) return block.content;
    const content = drawBlockContent(block.plan);
    block.content = content;
    content.texts.forEach((node, i) => this.textRel.set(node, content.rels[i]));
    content.marks.forEach((mark, i) => this.markInfo.set(mark, { block, local: content.markLocals[i] }));
    content.notes.forEach((note, i) => this.markInfo.set(note, { block, local: content.noteLocals[i] }));
    block.element.classList.remove('pending');
    block.element.classList.toggle('has-notes', content.notesElement !== null);
    block.element.replaceChildren(content.text, content.gutter, ...(content.notesElement ? [content.notesElement] : []));
    this.resize.observe(content.text);
    this.onDrawn?.(block);
    return content;
  }

  private forget(block: BlockView): void {
    if (block.content) this.resize.unobserve(block.content.text);
    block.element.remove();
  }

  /**
   * Draws the blocks from the one holding `anchor` on (and the one before it), about as much text as a
   * screen holds: the first paint lays out what is seen and little more. Blocks in view that the guess
   * left out are drawn before that paint, the rest of the blocks near the view after it (drawNear).
   */
  private drawAround(anchor: number): void {
    if (this.blocks.length === 0) return;
    const first = Math.max(0, this.blockIndexAt(anchor) - 1);
    const guess = Math.ceil(window.innerHeight / LINE_HEIGHT) * LINE_CHARACTERS * SCREEN_SHARE;
    let characters = 0;
    for (let b = first; b < this.blocks.length && characters < guess; b++) {
      this.fill(this.blocks[b]);
      characters += this.blocks[b].length;
    }
  }

  private enclosingBlock(node: Node): BlockView | undefined {
    for (let n: Node | null = node; n && n !== this.element; n = n.parentNode) {
      if (n instanceof HTMLElement) {
        const block = this.blockOf.get(n);
        if (block) return block;
      }
    }
    return undefined;
  }

  private drawNearSoon(): void {
    if (this.nearPending) return;
    this.nearPending = true;
    requestAnimationFrame(() => {
      this.nearPending = false;
      this.drawNear();
    });
  }

  /** Draws the blocks in view now (at the start of a frame: they are laid out and painted in it), and those within DRAW_AHEAD viewports of it at the next frame. */
  private drawNear(): void {
    this.fillView(this.blocksNear(0));
    this.drawAheadSoon();
  }

  private drawAheadSoon(): void {
    if (this.aheadPending) return;
    this.aheadPending = true;
    requestAnimationFrame(() => {
      this.aheadPending = false;
      for (const block of this.blocksNear(window.innerHeight * DRAW_AHEAD)) this.fill(block);
    });
  }

  /** Reads only: the blocks not drawn yet within `ahead` pixels above or below the view. */
  private blocksNear(ahead: number): BlockView[] {
    if (this.blocks.length === 0 || !this.element.isConnected) return [];
    const last = this.blockIndexAtY(window.innerHeight + ahead);
    const near: BlockView[] = [];
    for (let b = this.blockIndexAtY(-ahead); b <= last; b++) if (!this.blocks[b].content) near.push(this.blocks[b]);
    return near;
  }

  private onResize(entries: readonly ResizeObserverEntry[]): void {
    // All reads first, while the layout is clean: the blocks in view not drawn yet (a view grown taller), then the stripes.
    const inView = this.blocksNear(0);
    const batch: BlockStripes[] = [];
    for (const entry of entries) {
      const block = entry.target.parentElement ? this.blockOf.get(entry.target.parentElement) : undefined;
      if (block?.content && block.element.isConnected) batch.push(block.content.stripes);
    }
    const lanes = layoutBlocks(batch);
    // The gutter only widens (a narrower one would reflow what was measured): the block with the most lanes sets it.
    if (lanes > this.lanes) this.setLanes(lanes);
    // What is in view is drawn and its stripes placed before this frame is painted (the observer would tell of
    // the new blocks only in the next frame); what is near it is drawn at the next frame.
    this.fillView(inView);
    this.drawAheadSoon();
  }

  /**
   * Draws the blocks in view and places their stripes now. A drawn block may be shorter than the place its
   * placeholder held, which brings the next blocks into view: measured again, a few times at most.
   */
  private fillView(inView: readonly BlockView[]): void {
    for (let round = 0; round < FILL_ROUNDS && inView.length > 0; round++) {
      const lanes = layoutBlocks(inView.map((block) => this.fill(block).stripes));
      if (lanes > this.lanes) this.setLanes(lanes);
      inView = this.blocksNear(0);
    }
  }

  private setLanes(lanes: number): void {
    this.lanes = Math.min(lanes, LANE_LIMIT);
    this.element.style.setProperty('--lanes', String(this.lanes));
  }
}

function firstText(node: Node): Text | null {
  if (node instanceof Text) return node;
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  return walker.nextNode() as Text | null;
}

/** The first text node after `node` (not inside it) within `root`. */
function textAfter(node: Node, root: Node): Text | null {
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    for (let s = n.nextSibling; s; s = s.nextSibling) {
      const found = firstText(s);
      if (found) return found;
    }
  }
  return null;
}
