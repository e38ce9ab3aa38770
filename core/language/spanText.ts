import type { ReportDocument, Span } from '../document/types';

/** A span's tagged text without markup, on one line and shortened to about `limit` characters. */
export function spanLabel(document: ReportDocument, span: Span, limit = 60): string {
  const text = document.cleanText.slice(span.clean.start, span.clean.end).replace(/\s+/g, ' ').trim();
  return shorten(text, limit) || '(empty span)';
}

/** Shortens text at a word boundary where possible, with an ellipsis. */
export function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
