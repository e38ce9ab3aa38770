// Test builds only (the reader calls it under FINDINGS_TEST_SEAMS, so the
// production bundle leaves it out): probes from the extension's tests, each
// acting as a user would, then answering with what the reader displays, read
// back from its DOM.
import type { ShownModel } from './shownModel';
import type { ReaderFacts, ToReader } from '../readerMessages';
import type { ArticleView } from './articleView';
import type { ScrollPosition } from './scrolling';
import type { Toolbar } from './toolbar';

export interface ProbeContext {
  post(message: unknown): void;
  readonly view: ArticleView;
  readonly toolbar: Toolbar;
  readonly scroll: ScrollPosition;
  seq(): number | null;
  model(): ShownModel | null;
}

const SETTLE_MS = 150;

function text(node: Element | null | undefined): string {
  return node?.textContent ?? '';
}

/** What a copy of the selection puts on the clipboard: a copy event sent from where the selection starts, as a user's is. */
function copiedText(): string {
  const selection = window.getSelection();
  const data = new DataTransfer();
  const event = new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true });
  (selection?.anchorNode?.parentElement ?? document).dispatchEvent(event);
  return event.defaultPrevented ? data.getData('text/plain') : selection?.toString() ?? '';
}

/** Blocks in view still holding only their place (read from the DOM, before anything below draws them all). */
function undrawnInView(view: ArticleView): number {
  let undrawn = 0;
  for (const block of view.blockViews) {
    if (block.content) continue;
    const box = block.element.getBoundingClientRect();
    if (box.bottom > 0 && box.top < window.innerHeight) undrawn++;
  }
  return undrawn;
}

function facts(context: ProbeContext): ReaderFacts {
  const { view, toolbar } = context;
  const undrawn = undrawnInView(view);
  const header: Record<string, string> = {};
  for (const field of document.querySelectorAll('.report-header .field')) header[text(field.querySelector('.field-label'))] = text(field.querySelector('.field-value'));
  const memo = document.querySelector('.report-header .report-memo .memo-text');
  const counts = view.drawnCounts();
  let faded = 0;
  let highlighted = 0;
  const seen = new Set<number>();
  for (const block of view.blockViews) {
    const content = block.content;
    content?.marks.forEach((mark, i) => {
      const passage = block.globals[content.markLocals[i]];
      if (seen.has(passage)) return;
      seen.add(passage);
      if (mark.classList.contains('faded')) faded++;
      else highlighted++;
    });
  }
  let handlers = 0;
  for (const element of document.querySelectorAll('*')) for (const name of element.getAttributeNames()) if (name.toLowerCase().startsWith('on')) handlers++;
  return {
    seq: context.seq(),
    title: text(document.querySelector('.report-header .title')),
    header,
    reportMemo: memo ? text(memo) : null,
    undrawnInView: undrawn,
    passages: counts.passages,
    stripes: counts.stripes,
    passageMemos: [...view.element.querySelectorAll('.note .note-text')].map((note) => text(note)),
    faded,
    highlighted,
    codes: toolbar.codeNames(),
    topOffset: context.scroll.topOffset(),
    selection: copiedText(),
    status: text(toolbar.status),
    text: view.renderedText(),
    themeKind: document.body.dataset.vscodeThemeKind ?? '',
    images: document.querySelectorAll('img, image, picture, iframe, object, embed, video, audio').length,
    // The workbench injects its own script into the page: count those in what the reader draws.
    scripts: document.getElementById('app')?.querySelectorAll('script').length ?? 0,
    handlers,
  };
}

function number(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function frames(n: number): Promise<void> {
  return new Promise((resolve) => {
    const next = (left: number) => (left <= 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
    next(n);
  });
}

/** Waits until no scroll event came for a while (the throttled `scrolled` has gone by then). */
function scrollSettled(): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, SETTLE_MS);
    function onScroll(): void {
      clearTimeout(timer);
      timer = setTimeout(done, SETTLE_MS);
    }
    function done(): void {
      window.removeEventListener('scroll', onScroll);
      resolve();
    }
    window.addEventListener('scroll', onScroll, { passive: true });
  });
}

export async function answerProbe(message: Extract<ToReader, { type: `test:${string}` }>, context: ProbeContext): Promise<void> {
  const { view, toolbar } = context;
  const reply = (withFacts: boolean) => context.post({ type: 'test:reply', id: message.id, facts: withFacts ? facts(context) : null });
  switch (message.type) {
    case 'test:inspect':
      await frames(2);
      return reply(true);
    case 'test:select': {
      const start = view.pointAt(number(message.start));
      const end = view.pointAt(number(message.end));
      const selection = window.getSelection();
      if (start && end && selection) {
        // An end at a text node's start is the previous node's end: the range then holds exactly the text asked for.
        const endPoint = end.offset === 0 && number(message.end) > number(message.start) ? previousEnd(view, number(message.end)) ?? end : end;
        selection.setBaseAndExtent(start.node, start.offset, endPoint.node, endPoint.offset);
      }
      return reply(true);
    }
    case 'test:tagButton':
      toolbar.codeButtonOf(String(message.code))?.click();
      return reply(true);
    case 'test:key': {
      const key = String(message.key ?? '');
      const code = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key;
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new KeyboardEvent('keydown', { key, code, ctrlKey: message.ctrl === true, altKey: message.alt === true, shiftKey: message.shift === true, bubbles: true, cancelable: true }));
      return reply(true);
    }
    case 'test:scroll': {
      const settled = scrollSettled();
      context.scroll.scrollToOffset(number(message.offset), false);
      await settled;
      return reply(true);
    }
    case 'test:filter': {
      const want = { code: names(message.codes), theme: names(message.themes) };
      for (const chip of toolbar.element.querySelectorAll<HTMLButtonElement>('button[data-filter]')) {
        const chosen = want[chip.dataset.filter as 'code' | 'theme']?.includes(chip.dataset.name ?? '') ?? false;
        if ((chip.getAttribute('aria-pressed') === 'true') !== chosen) chip.click();
      }
      return reply(true);
    }
    case 'test:click': {
      const model = context.model();
      const passage = model?.passages[number(message.passage)];
      // A click collapses the selection before it lands, as a real one does.
      window.getSelection()?.removeAllRanges();
      if (passage) view.marksOf(number(message.passage), passage.start, passage.end)[0]?.click();
      return reply(true);
    }
    case 'test:post':
      context.post(message.message);
      return reply(true);
    default:
      return reply(false);
  }
}

/** The end of the text node before the one at `offset`, when the offset is at a node boundary. */
function previousEnd(view: ArticleView, offset: number): { node: Text; offset: number } | null {
  const point = offset > 0 ? view.pointAt(offset - 1) : null;
  return point ? { node: point.node, offset: point.offset + 1 } : null;
}
