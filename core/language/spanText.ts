import type { ReportDocument, Span } from '../document/types';

/** A span's tagged text without markup, on one line and shortened to about `limit` characters. */
export function spanLabel(document: ReportDocument, span: Span, limit = 60): string {
  const clean = document.cleanText;
  const { start, end } = span.clean;
  // Only the start of the text makes the label: read a window that yields more than `limit`
  // characters, not the whole span (nested spans would each read the text of those inside them).
  for (let window = 4 * limit; ; window *= 2) {
    const whole = start + window >= end;
    const text = clean.slice(start, whole ? end : start + window).replace(/\s+/g, ' ').trimStart();
    if (whole) return shorten(text.trimEnd(), limit) || '(empty span)';
    if (text.length > limit) return shorten(text, limit);
  }
}

/** Shortens text at a word boundary where possible, with an ellipsis (never inside a surrogate pair). */
export function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const last = text.charCodeAt(limit - 2);
  const cut = text.slice(0, last >= 0xd800 && last <= 0xdbff ? limit - 2 : limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
