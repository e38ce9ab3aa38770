/**
 * How much two texts share at their start and at their end: what an edit
 * left alone. Compared a chunk at a time (one native comparison per chunk),
 * then character by character, so a one-character edit of a 1 MB text
 * costs a few hundred chunk comparisons. No imports: the reader's webview
 * bundle uses it.
 */

/** Characters compared at a time before the comparison goes character by character. */
const CHUNK = 2048;

/** The length of the longest common prefix of `a` and `b`, at most `most`. */
export function commonPrefix(a: string, b: string, most = Math.min(a.length, b.length)): number {
  let n = 0;
  while (n + CHUNK <= most && a.slice(n, n + CHUNK) === b.slice(n, n + CHUNK)) n += CHUNK;
  while (n < most && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** The length of the longest common suffix of `a` and `b`, at most `most`. */
export function commonSuffix(a: string, b: string, most = Math.min(a.length, b.length)): number {
  let n = 0;
  while (n + CHUNK <= most && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < most && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** What changed from `before` to `after`: `before`'s [start, beforeEnd) became `after`'s [start, afterEnd); the rest is shared. */
export interface TextChange {
  readonly start: number;
  readonly beforeEnd: number;
  readonly afterEnd: number;
}

/** The smallest single replacement that turns `before` into `after` (the shared prefix taken first). */
export function textChange(before: string, after: string): TextChange {
  if (before === after) return { start: before.length, beforeEnd: before.length, afterEnd: after.length };
  const shortest = Math.min(before.length, after.length);
  const start = commonPrefix(before, after, shortest);
  const suffix = commonSuffix(before, after, shortest - start);
  return { start, beforeEnd: before.length - suffix, afterEnd: after.length - suffix };
}
