import type { Span } from '../document/types';

/** The codes a span carries, each once, in written order: what exports, statistics and the summary record. */
export function spanCodeNames(span: Span): string[] {
  const codes = span.codes;
  if (codes.length === 1) return [codes[0].name];
  return [...new Set(codes.map((code) => code.name))];
}
