// Filters by code and theme: passages with a chosen code (any of them) and a
// chosen theme (any of them) stand out; the others fade, their stripes and
// notes too. No choice in a kind means no condition on it.
import type { ShownModel } from './shownModel';
import type { ReaderFilters } from '../readerMessages';
import type { ArticleView, BlockView } from './articleView';

export function standsOut(passage: ShownModel['passages'][number], filters: ReaderFilters): boolean {
  const code = filters.codes.length === 0 || passage.codes.some((name) => filters.codes.includes(name));
  const theme = filters.themes.length === 0 || passage.themes.some((name) => filters.themes.includes(name));
  return code && theme;
}

/** The key of no filters (PassageFilter's `key`). */
const NO_FILTERS = JSON.stringify([[], []]);

export class PassageFilter {
  /** Per passage of the model: whether it stands out. */
  private out: boolean[] = [];
  private key = NO_FILTERS;
  /**
   * The filters each drawn block was last marked for: a block kept across a
   * redraw needs no marking again (what fades depends on its passages' codes
   * and themes, and a change to them redraws the block).
   */
  private readonly markedFor = new WeakMap<BlockView, string>();

  constructor(private readonly view: ArticleView) {}

  /** Applies the filters to the model's passages and to every block drawn; returns how many passages stand out. */
  apply(model: ShownModel, filters: ReaderFilters): number {
    const filtering = filters.codes.length + filters.themes.length > 0;
    this.view.element.classList.toggle('filtering', filtering);
    this.out = model.passages.map((passage) => !filtering || standsOut(passage, filters));
    this.key = JSON.stringify([filters.codes, filters.themes]);
    for (const block of this.view.blockViews) this.mark(block);
    return this.out.filter(Boolean).length;
  }

  /** Marks a drawn block's highlights, stripes and notes (blocks drawn later are marked as they are drawn). */
  mark(block: BlockView): void {
    const content = block.content;
    if (!content) return;
    const marked = this.markedFor.get(block);
    if (marked === this.key) return;
    this.markedFor.set(block, this.key);
    const filtering = this.key !== NO_FILTERS;
    // A block drawn anew while nothing is filtered has nothing faded or chosen yet.
    if (!filtering && marked === undefined) return;
    const out = (local: number) => this.out[block.globals[local]] !== false;
    content.marks.forEach((mark, i) => {
      const standing = out(content.markLocals[i]);
      mark.classList.toggle('faded', !standing);
      mark.classList.toggle('chosen', filtering && standing);
    });
    content.stripes.targets.forEach((target, i) => target.stripe.classList.toggle('faded', !out(content.stripeLocals[i])));
    content.tags.forEach((tag, i) => tag.classList.toggle('faded', !out(content.tagLocals[i])));
    content.notes.forEach((note, i) => note.classList.toggle('faded', !out(content.noteLocals[i])));
  }
}
