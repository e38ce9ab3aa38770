// The layout script of a saved coded report (core/reader/standaloneHtml.ts
// inlines it): draws the coding stripes in each paragraph's margin with the
// reader's own measuring code, and again when the page is resized or printed.
// Without it the page still reads: each passage keeps its inline label.
import { STANDALONE_DATA_ID, type StandaloneData } from '../../../core/reader/standaloneHtml';
import { stripeElement, tagElement } from './stripeElements';
import { layoutBlocks, type BlockStripes, type StripeTarget } from './stripeLayout';

function readData(): StandaloneData | null {
  try {
    const data = JSON.parse(document.getElementById(STANDALONE_DATA_ID)?.textContent ?? 'null') as StandaloneData | null;
    return data && Array.isArray(data.passages) ? data : null;
  } catch {
    return null;
  }
}

function stripesOf(data: StandaloneData): BlockStripes[] {
  const blocks: BlockStripes[] = [];
  for (const block of document.querySelectorAll<HTMLElement>('.article .block')) {
    const gutter = block.querySelector<HTMLElement>('.gutter');
    if (!gutter) continue;
    const first = new Map<number, HTMLElement>();
    const last = new Map<number, Element>();
    for (const mark of block.querySelectorAll<HTMLElement>('.hl[data-p]')) {
      const p = Number(mark.dataset.p);
      if (!first.has(p)) first.set(p, mark);
      last.set(p, mark);
    }
    const targets: StripeTarget[] = [];
    for (const [p, mark] of first) {
      const codes = data.passages[p] ?? [];
      const pad = parseFloat(getComputedStyle(mark).getPropertyValue('--pad')) || 0;
      // The tag where the passage opens (its first highlight is not a continuation).
      const opens = !mark.classList.contains('continued');
      const tag = opens && codes.length > 0 ? tagElement(codes.map(([label, , color]) => ({ label, color })), codes.map(([, stripe]) => stripe).join('; ')) : null;
      codes.forEach(([, label, color], k) => {
        const stripe = stripeElement('', label, color, label);
        gutter.appendChild(stripe);
        targets.push({ stripe, first: mark, last: last.get(p) ?? mark, pad, tag: k === 0 ? tag : null });
      });
      if (tag) gutter.appendChild(tag);
    }
    blocks.push({ gutter, targets });
  }
  return blocks;
}

function main(): void {
  const data = readData();
  const article = document.querySelector<HTMLElement>('.article');
  if (!data || !article) return;
  const blocks = stripesOf(data);
  document.documentElement.classList.add('has-stripes');
  let lanes = 1;
  const layout = () => {
    // Widen the margin until every block's stripes fit (each pass only widens, so this ends).
    for (let pass = 0; pass < 4; pass++) {
      article.style.setProperty('--lanes', String(lanes));
      const needed = layoutBlocks(blocks);
      if (needed <= lanes) break;
      lanes = needed;
    }
  };
  layout();
  let frame = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(layout);
  });
  window.addEventListener('beforeprint', layout);
  window.addEventListener('afterprint', layout);
}

main();
