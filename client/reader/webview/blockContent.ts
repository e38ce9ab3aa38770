// The DOM of one paragraph block, drawn from its plan: the text with its
// nested highlights (text nodes only), the gutter with a stripe per passage
// and code, and the memo notes of the passages that open in it.
import { h } from '../../webview/dom';
import type { BlockPlan } from './articlePlan';
import type { BlockStripes, StripeTarget } from './stripeLayout';
import { stripeElement, tagElement } from './stripeElements';

export interface BlockContent {
  readonly text: HTMLElement;
  readonly gutter: HTMLElement;
  readonly notesElement: HTMLElement | null;
  /** The text nodes in order, and where each starts in the block. */
  readonly texts: readonly Text[];
  readonly rels: readonly number[];
  /** Every highlight element and its local passage. */
  readonly marks: readonly HTMLElement[];
  readonly markLocals: readonly number[];
  readonly stripes: BlockStripes;
  readonly stripeLocals: readonly number[];
  /** The passages' tags beside their stripes, and their local passages. */
  readonly tags: readonly HTMLElement[];
  readonly tagLocals: readonly number[];
  readonly notes: readonly HTMLElement[];
  readonly noteLocals: readonly number[];
}

export function drawBlockContent(plan: BlockPlan): BlockContent {
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
    // Close what the run is not in, open what it is in and the open ones are not.
    let common = 0;
    while (common < stack.length && common < run.passages.length && stack[common].local === run.passages[common]) common++;
    stack.length = common;
    for (let k = common; k < run.passages.length; k++) {
      const local = run.passages[k];
      const mark = highlight(plan, local);
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
    }
  }
  const gutter = h('div', { class: 'gutter' });
  const targets: StripeTarget[] = [];
  const stripeLocals: number[] = [];
  const tags: HTMLElement[] = [];
  const tagLocals: number[] = [];
  plan.locals.forEach((local, i) => {
    const words = local.words ?? '(continued)';
    const tag = local.opens && local.stripes.length > 0 ? tagElement(local.stripes.map((s) => ({ label: s.codeLabel, color: s.color })), local.stripes.map((s) => s.label).join('; ')) : null;
    local.stripes.forEach((planned, k) => {
      const stripe = stripeElement(planned.code, planned.label, planned.color, `${planned.label}: ${words}`);
      gutter.appendChild(stripe);
      targets.push({ stripe, first: firstMark.get(i) as HTMLElement, last: lastMark.get(i) as HTMLElement, pad: local.pad, tag: k === 0 ? tag : null });
      stripeLocals.push(i);
    });
    if (tag) {
      gutter.appendChild(tag);
      tags.push(tag);
      tagLocals.push(i);
    }
  });
  const notes: HTMLElement[] = [];
  const noteLocals: number[] = [];
  plan.locals.forEach((local, i) => {
    if (local.memo === null) return;
    const note = h('div', { class: 'note', title: 'Memo: click to show the passage in the source' },
      h('span', { class: 'note-code' }, local.stripes.map((stripe) => stripe.label).join('; ') || 'Passage'),
      h('span', { class: 'note-text' }, local.memo));
    if (local.stripes.length > 0) note.style.setProperty('--code-color', local.stripes[0].color);
    notes.push(note);
    noteLocals.push(i);
  });
  const notesElement = notes.length > 0 ? h('aside', { class: 'notes', 'aria-label': 'Memos' }, ...notes) : null;
  return { text, gutter, notesElement, texts, rels, marks, markLocals, stripes: { gutter, targets }, stripeLocals, tags, tagLocals, notes, noteLocals };
}

/** A passage's highlight element; the piece where it opens is focusable and named for screen readers. */
function highlight(plan: BlockPlan, local: number): HTMLElement {
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
