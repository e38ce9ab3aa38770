import type { ReportDocument, Span } from '../document/types';

const NON_SPACE = /\S/g;

/**
 * Which spans tag no text but blanks (by index), without building the clean
 * text. A span's clean text is the source between its brackets less the
 * markup of nested spans, so it is blank when its own text is and each span
 * nested directly in it is blank. Spans are decided innermost first (a
 * nested span follows its parent in `[` order), and each one's scan steps
 * over its direct children whole: every character of the body is read for
 * one span only, however deep the nesting.
 */
export function blankSpans(document: ReportDocument): Uint8Array {
  const { text, spans } = document;
  const blank = new Uint8Array(spans.length);
  for (let index = spans.length - 1; index >= 0; index--) {
    const span = spans[index];
    blank[index] = span.clean.start === span.clean.end || isBlank(text, spans, blank, span) ? 1 : 0;
  }
  return blank;
}

function isBlank(text: string, spans: readonly Span[], blank: Uint8Array, span: Span): boolean {
  let from = span.textRange.start;
  for (;;) {
    // test() rather than exec(): no match array; lastIndex ends just past the non-space character.
    NON_SPACE.lastIndex = from;
    if (!NON_SPACE.test(text)) return true;
    const at = NON_SPACE.lastIndex - 1;
    if (at >= span.textRange.end) return true;
    // Any character but a nested span's `[` is text: a blank nested span is skipped whole.
    const nested = text.charCodeAt(at) === OPEN_BRACKET ? spanOpeningAt(spans, span.index + 1, at) : undefined;
    if (nested === undefined || blank[nested.index] === 0) return false;
    from = nested.range.end;
  }
}

const OPEN_BRACKET = 91;

/** The span whose `[` is at `offset`, among the spans from `from` on (sorted by their `[`). */
function spanOpeningAt(spans: readonly Span[], from: number, offset: number): Span | undefined {
  let low = from;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = spans[mid].range.start;
    if (start === offset) return spans[mid];
    if (start < offset) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}
