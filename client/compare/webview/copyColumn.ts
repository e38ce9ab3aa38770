// One annotator's copy in a column: a heading with its counts by status, then
// the article drawn by the coded reader's ArticleView (the reader's
// highlights and stripes), each passage marked with its status: an icon
// before it, and its status in words in its name and tooltip.
import { PASSAGE_STATUS_WORDS, PASSAGE_STATUSES, type PassageStatus } from '../../../core/agreement/passageStatus';
import type { ReaderModel } from '../../../core/reader/readerTypes';
import type { CompareCopy, CompareResult } from '../../../protocol/compare';
import { h } from '../../webview/dom';
import { ArticleView, type BlockView } from '../../reader/webview/articleView';

/** The icon of each status, shown with its words (never colour alone). */
export const STATUS_ICONS: Readonly<Record<PassageStatus, string>> = { agreed: '✓', boundary: '↔', code: '≠', 'one-sided': '◐' };

export class CopyColumn {
  readonly view = new ArticleView();
  readonly scroller: HTMLElement;
  readonly element: HTMLElement;

  constructor(readonly index: number, readonly copy: CompareCopy, result: CompareResult) {
    const current = result.current === index;
    const counts = PASSAGE_STATUSES.filter((status) => copy.counts[status] > 0).map((status) =>
      h('li', { class: `cmp-count status-${status}`, title: PASSAGE_STATUS_WORDS[status].meaning },
        h('span', { class: 'cmp-icon', 'aria-hidden': 'true' }, STATUS_ICONS[status]), ` ${copy.counts[status]} ${PASSAGE_STATUS_WORDS[status].name}`));
    this.scroller = h('div', { class: 'cmp-scroller', tabindex: 0, role: 'region', 'aria-label': `${copy.annotator}'s copy of the article` }, this.view.element);
    this.element = h('section', { class: current ? 'cmp-column current' : 'cmp-column', 'data-annotator': copy.annotator, 'aria-label': `${copy.annotator}'s copy` },
      h('header', { class: 'cmp-column-header' },
        h('h2', { class: 'cmp-annotator' }, copy.annotator, current ? h('span', { class: 'cmp-current' }, ' (this report)') : null),
        h('p', { class: 'cmp-path muted', title: copy.path }, copy.path),
        h('ul', { class: 'cmp-counts', 'aria-label': 'Passages by status' }, ...counts)),
      this.scroller);
    // The reader draws blocks as they come near the view: each gets its statuses when drawn.
    this.view.onDrawn = (block) => this.markStatuses(block);
    this.view.render(readerModelOf(copy, result), 0);
  }

  /** Passages with a highlight, and how many are drawn with each status. */
  facts(): { passages: number; statuses: Record<string, number>; labels: string[] } {
    this.view.drawAll();
    const statuses: Record<string, number> = {};
    const labels: string[] = [];
    for (const mark of this.view.element.querySelectorAll<HTMLElement>('.hl[data-status]:not(.continued)')) {
      const status = mark.dataset.status ?? '';
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (labels.length < 200) labels.push(mark.getAttribute('aria-label') ?? '');
    }
    return { passages: this.view.drawnCounts().passages, statuses, labels };
  }

  /**
   * Every highlight piece of a block gets its passage's status; the piece
   * that opens the passage shows the icon (stylesheet) and says the status
   * in its name. One pass over the block's marks.
   */
  private markStatuses(block: BlockView): void {
    const passages = this.copy.passages;
    const content = block.content;
    if (!content) return;
    content.marks.forEach((mark, i) => {
      const passage = passages[block.globals[content.markLocals[i]]];
      if (!passage) return;
      mark.dataset.status = passage.status;
      if (mark.classList.contains('continued')) return;
      const words = `${STATUS_ICONS[passage.status]} ${PASSAGE_STATUS_WORDS[passage.status].name}`;
      const versus = passage.versus.map((other) => `${other.annotator}: ${PASSAGE_STATUS_WORDS[other.status].name}`).join('; ');
      const name = `${mark.getAttribute('aria-label') ?? ''}. ${words} (${versus})`;
      mark.setAttribute('aria-label', name);
      mark.title = `${words}: ${PASSAGE_STATUS_WORDS[passage.status].meaning}.\n${versus}\nClick or press Enter to open ${this.copy.annotator}'s copy here.`;
    });
  }
}

/** A copy as the reader draws a report: its passages (memos left to the reader), the comparison's codes and themes. */
function readerModelOf(copy: CompareCopy, result: CompareResult): ReaderModel {
  return {
    name: copy.path,
    header: { title: copy.annotator, fields: [], memo: null },
    cleanText: result.cleanText,
    lines: { firstLine: 0, offsets: [0] },
    fingerprint: result.fingerprint,
    passages: copy.passages.map((passage) => ({ ...passage, memo: null })),
    codes: result.codes,
    themes: result.themes,
  };
}
