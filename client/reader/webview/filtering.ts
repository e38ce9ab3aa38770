// Filters by code and theme: passages with a chosen code (any of them) and a
// chosen theme (any of them) stand out; the others fade, their stripes and
// notes too. No choice in a kind means no condition on it.
import type { ReaderModel } from '../../../core/reader/readerTypes';
import type { ReaderFilters } from '../readerMessages';
import type { ArticleView } from './articleView';

export interface FilterCounts {
  readonly standing: number;
  readonly faded: number;
}

export function standsOut(passage: ReaderModel['passages'][number], filters: ReaderFilters): boolean {
  const code = filters.codes.length === 0 || passage.codes.some((name) => filters.codes.includes(name));
  const theme = filters.themes.length === 0 || passage.themes.some((name) => filters.themes.includes(name));
  return code && theme;
}

/** The filters each block was last marked for: a block kept across a redraw needs no marking again (what fades depends on its codes and themes, and a change to them redraws it). */
const markedFor = new WeakMap<object, string>();

/** Marks every drawn passage as standing out or faded; linear in the elements drawn anew. */
export function applyFilters(view: ArticleView, model: ReaderModel, filters: ReaderFilters): FilterCounts {
  const filtering = filters.codes.length + filters.themes.length > 0;
  view.element.classList.toggle('filtering', filtering);
  const out = model.passages.map((passage) => !filtering || standsOut(passage, filters));
  const key = JSON.stringify(filters);
  for (const block of view.blockViews) {
    if (markedFor.get(block) === key) continue;
    markedFor.set(block, key);
    block.marks.forEach((mark, i) => {
      const standing = out[block.globals[block.markLocals[i]]];
      mark.classList.toggle('faded', !standing);
      mark.classList.toggle('chosen', filtering && standing);
    });
    block.stripes.targets.forEach((target, i) => target.stripe.classList.toggle('faded', !out[block.globals[block.stripeLocals[i]]]));
    block.notes.forEach((note, i) => note.classList.toggle('faded', !out[block.globals[block.noteLocals[i]]]));
  }
  const standing = out.filter(Boolean).length;
  return { standing, faded: out.length - standing };
}
