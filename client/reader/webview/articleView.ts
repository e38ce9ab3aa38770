// The article in the reader: paragraph blocks of nested highlights, each
// with its gutter of coding stripes and its memo notes. Blocks whose plan is
// unchanged keep their DOM across models, so an edit redraws only the blocks
// it touched. Text goes in as text nodes only. Maps both ways between DOM
// positions and clean-text offsets: every text node knows its offset.
import type { ReaderModel } from '../../../core/reader/readerTypes';
import { h } from '../../webview/dom';
import { planArticle, samePlan, type BlockPlan } from './articlePlan';
import { layoutBlocks, type BlockStripes, type StripeTarget } from './stripeLayout';

/** One block as drawn. Its `start` and `globals` are updated when the block is kept for a new model. */
export interface BlockView {
  /** What it draws (the plan of the model it was drawn for). */
  readonly plan: BlockPlan;
  readonly element: HTMLElement;
  readonly text: HTMLElement;
  readonly gutter: HTMLElement;
  readonly length: number;
  start: number;
  globals: readonly number[];
  /** The text nodes in order, and where each starts in the block. */
  readonly texts: readonly Text[];
  readonly rels: readonly number[];
  /** Every highlight element and its local passage. */
  readonly marks: readonly HTMLElement[];
  readonly markLocals: readonly number[];
  readonly stripes: BlockStripes;
  readonly stripeLocals: readonly number[];
  readonly notes: readonly HTMLElement[];
  readonly noteLocals: readonly number[];
}

/** What the reader needs from a highlight element: its block and local passage. */
interface MarkInfo {
  readonly block: BlockView;
  readonly local: number;
}

const LANE_LIMIT = 24;

export class ArticleView {
  readonly element: HTMLElement = h('article', { class: 'article', 'aria-label': 'Article' });
  private blocks: BlockView[] = [];
  private readonly blockOf = new WeakMap<Element, BlockView>();
  private readonly textRel = new WeakMap<Text, number>();
  private readonly markInfo = new WeakMap<Element, MarkInfo>();
  private lanes = 1;
  private readonly resize = new ResizeObserver((entries) => this.onResize(entries));

  constructor() {
    this.setLanes(1);
  }

  /** Draws the model, keeping the blocks that did not change. Returns how many blocks were drawn anew. */
  render(model: ReaderModel): number {
    const plans = planArticle(model);
    // The blocks drawn, by their text: a block whose plan is the same is kept.
    const spare = new Map<string, BlockView[]>();
    for (const block of this.blocks) {
      const list = spare.get(block.plan.text);
      if (list) list.push(block);
      else spare.set(block.plan.text, [block]);
    }
    let drawn = 0;
    const next = plans.map((plan) => {
      const candidates = spare.get(plan.text);
      const found = candidates ? candidates.findIndex((block) => samePlan(block.plan, plan)) : -1;
      const kept = found >= 0 ? (candidates as BlockView[]).splice(found, 1)[0] : undefined;
      if (kept) {
        kept.start = plan.start;
        kept.globals = plan.globals;
        return kept;
      }
      drawn++;
      return this.draw(plan);
    });
    // Move the DOM as little as possible: kept blocks stay where they are, new ones go in, the rest leave.
    const used = new Set(next.map((block) => block.element));
    for (const block of this.blocks) {
      if (!used.has(block.element)) {
        this.resize.unobserve(block.text);
        block.element.remove();
      }
    }
    let cursor = this.element.firstElementChild;
    for (const block of next) {
      if (block.element === cursor) {
        cursor = cursor.nextElementSibling;
        continue;
      }
      this.element.insertBefore(block.element, cursor);
    }
    this.blocks = next;
    return drawn;
  }

  clear(): void {
    for (const block of this.blocks) this.resize.unobserve(block.text);
    this.blocks = [];
    this.element.replaceChildren();
  }

  get blockViews(): readonly BlockView[] {
    return this.blocks;
  }

  /** The passage (model position) a highlight element stands for, or null. */
  passageOf(element: Element): number | null {
    const info = this.markInfo.get(element);
    return info ? info.block.globals[info.local] : null;
  }

  /** The innermost highlight at or above a node in the article. */
  markAt(node: Node | null): HTMLElement | null {
    for (let n: Node | null = node; n && n !== this.element; n = n.parentNode) {
      if (n instanceof HTMLElement && this.markInfo.has(n)) return n;
    }
    return null;
  }

  /** The highlight elements of a passage, in order (found from its offsets: only the blocks it spans are looked at). */
  marksOf(passage: number, start: number, end: number): HTMLElement[] {
    const found: HTMLElement[] = [];
    for (let b = this.blockIndexAt(start); b < this.blocks.length; b++) {
      const block = this.blocks[b];
      if (block.start > end || (block.start === end && end > start)) break;
      block.marks.forEach((mark, i) => {
        if (block.globals[block.markLocals[i]] === passage) found.push(mark);
      });
    }
    return found;
  }

  /** The clean offset of a DOM position (a selection's end), or null outside the article's text. */
  offsetOf(node: Node, offset: number): number | null {
    if (!this.element.contains(node)) return null;
    const block = this.enclosingBlock(node);
    if (!block) return offset >= this.element.childNodes.length ? this.textLength() : this.blocks[offset]?.start ?? null;
    if (node instanceof Text) {
      const rel = this.textRel.get(node);
      return rel === undefined ? block.start : block.start + rel + Math.min(offset, node.length);
    }
    if (!block.text.contains(node)) return node === block.element && offset === 0 ? block.start : block.start + block.length;
    // An element boundary: the first text after it, or the end of the last text before it.
    const after = node.childNodes[offset] ?? null;
    const first = after ? firstText(after) ?? textAfter(after, block.text) : textAfter(node, block.text);
    if (first) return block.start + (this.textRel.get(first) ?? 0);
    return block.start + block.length;
  }

  /** The text node and offset in it of a clean offset (the start of a text node when at a boundary). */
  pointAt(offset: number): { node: Text; offset: number } | null {
    const b = this.blockIndexAt(offset);
    const block = this.blocks[b];
    if (!block || block.texts.length === 0) return null;
    const rel = Math.max(0, Math.min(offset - block.start, block.length));
    let low = 0;
    let high = block.rels.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (block.rels[mid] <= rel) low = mid;
      else high = mid - 1;
    }
    const node = block.texts[low];
    return { node, offset: Math.min(node.length, Math.max(0, rel - block.rels[low])) };
  }

  /** The block holding a clean offset (an offset at a boundary belongs to the block it starts). */
  blockIndexAt(offset: number): number {
    let low = 0;
    let high = this.blocks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.blocks[mid].start <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
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

  /** The rendered article text, from the text nodes: the model's clean text. */
  renderedText(): string {
    return this.blocks.map((block) => block.texts.map((node) => node.data).join('')).join('');
  }

  /** Passages and stripes drawn, from what each block drew (each passage opens in one block): for `rendered`, without reading the DOM. */
  drawnCounts(): { passages: number; stripes: number } {
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

  /** Stripes in the DOM, counted once per passage and code (a stripe across blocks has a piece in each). */
  stripeCount(): number {
    const seen = new Set<string>();
    for (const block of this.blocks) {
      block.stripes.targets.forEach((target, i) => seen.add(`${block.globals[block.stripeLocals[i]]}:${target.stripe.dataset.code ?? ''}`));
    }
    return seen.size;
  }

  /** Passages with at least one highlight element in the DOM. */
  passageCount(): number {
    const seen = new Set<number>();
    for (const block of this.blocks) for (const local of block.markLocals) seen.add(block.globals[local]);
    return seen.size;
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

  private draw(plan: BlockPlan): BlockView {
    const text = h('p', { class: 'text' });
    const texts: Text[] = [];
    const rels: number[] = [];
    const marks: HTMLElement[] = [];
    const markLocals: number[] = [];
    const firstMark = new Map<number, HTMLElement>();
    const lastMark = new Map<number, HTMLElement>();
    const stack: Array<{ local: number; element: HTMLElement }> = [];
    const parentNow = () => (stack.length > 0 ? stack[stack.length - 1].element : text);
    for (const run of plan.runs) {
      let common = 0;
      while (common < stack.length && common < run.passages.length && stack[common].local === run.passages[common]) common++;
      stack.length = common;
      for (let k = common; k < run.passages.length; k++) {
        const local = run.passages[k];
        const mark = this.mark(plan, local);
        parentNow().appendChild(mark);
        stack.push({ local, element: mark });
        marks.push(mark);
        markLocals.push(local);
        if (!firstMark.has(local)) firstMark.set(local, mark);
        lastMark.set(local, mark);
      }
      if (run.end > run.start) {
        const node = document.createTextNode(plan.text.slice(run.start, run.end));
        parentNow().appendChild(node);
        texts.push(node);
        rels.push(run.start);
        this.textRel.set(node, run.start);
      }
    }
    const gutter = h('div', { class: 'gutter' });
    const targets: StripeTarget[] = [];
    const stripeLocals: number[] = [];
    plan.locals.forEach((local, i) => {
      for (const planned of local.stripes) {
        const name = local.label ? `${planned.label}: ${local.label.slice(local.label.indexOf(': ') + 2)}` : `${planned.label} (continued)`;
        const stripe = h('div', { class: 'stripe', role: 'img', 'aria-label': name, 'data-code': planned.code, title: planned.label }, h('span', { class: 'stripe-label' }, planned.label));
        stripe.style.setProperty('--code-color', planned.color);
        gutter.appendChild(stripe);
        targets.push({ stripe, first: firstMark.get(i) as HTMLElement, last: lastMark.get(i) as HTMLElement, pad: local.pad });
        stripeLocals.push(i);
      }
    });
    const notes: HTMLElement[] = [];
    const noteLocals: number[] = [];
    plan.locals.forEach((local, i) => {
      if (local.memo === null) return;
      const note = h('div', { class: 'note', title: 'Memo' },
        h('span', { class: 'note-code' }, local.stripes.map((stripe) => stripe.label).join('; ') || 'Passage'),
        h('span', { class: 'note-text' }, local.memo));
      for (const stripe of local.stripes.slice(0, 1)) note.style.setProperty('--code-color', stripe.color);
      notes.push(note);
      noteLocals.push(i);
    });
    const aside = notes.length > 0 ? h('aside', { class: 'notes', 'aria-label': 'Memos' }, ...notes) : null;
    const element = h('div', { class: aside ? 'block has-notes' : 'block' }, text, gutter, aside);
    const view: BlockView = {
      plan, element, text, gutter, length: plan.end - plan.start, start: plan.start, globals: plan.globals,
      texts, rels, marks, markLocals, stripes: { gutter, targets }, stripeLocals, notes, noteLocals,
    };
    this.blockOf.set(element, view);
    marks.forEach((mark, i) => this.markInfo.set(mark, { block: view, local: markLocals[i] }));
    notes.forEach((note, i) => this.markInfo.set(note, { block: view, local: noteLocals[i] }));
    this.resize.observe(text);
    return view;
  }

  private mark(plan: BlockPlan, local: number): HTMLElement {
    const passage = plan.locals[local];
    const mark = document.createElement('span');
    mark.className = passage.opens ? 'hl' : 'hl continued';
    if (passage.opens) {
      mark.tabIndex = 0;
      mark.setAttribute('role', 'button');
      mark.setAttribute('aria-label', passage.label ?? '');
    }
    for (const [name, value] of Object.entries(passage.style)) mark.style.setProperty(`--${name}`, value);
    return mark;
  }

  private onResize(entries: readonly ResizeObserverEntry[]): void {
    const blocks: BlockStripes[] = [];
    for (const entry of entries) {
      const block = entry.target.parentElement ? this.blockOf.get(entry.target.parentElement) : undefined;
      if (block && block.element.isConnected) blocks.push(block.stripes);
    }
    const lanes = layoutBlocks(blocks);
    // The gutter only widens (a narrower one would reflow what was measured): the widest block sets it.
    if (lanes > this.lanes) this.setLanes(lanes);
    this.afterLayout?.();
  }

  private setLanes(lanes: number): void {
    this.lanes = Math.min(lanes, LANE_LIMIT);
    this.element.style.setProperty('--lanes', String(this.lanes));
  }

  /** Called after each batch of stripes is placed (the reader reports its first full render then). */
  afterLayout: (() => void) | null = null;
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
