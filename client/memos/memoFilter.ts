// The Memos view's filter: a text that a memo, its passage's excerpt, its
// codes, its themes or its report's path must hold. Pure (no vscode), so
// that it is tested on its own; the summary panel's findings filter is
// core's (core/summary/findingsQuery.ts): memos have no code/theme/area
// drop-downs, only this text.
import type { MemoEntry } from '../../protocol/memos';

/** The text as searched: trimmed and case folded; '' keeps every memo. */
export function memoNeedle(text: string): string {
  return text.trim().toLocaleLowerCase();
}

/** Whether a memo matches a needle (from memoNeedle). */
export function memoMatches(entry: MemoEntry, needle: string): boolean {
  if (needle === '') return true;
  const holds = (value: string): boolean => value.toLocaleLowerCase().includes(needle);
  return holds(entry.memo) || holds(entry.excerpt) || holds(entry.path) || entry.codes.some(holds) || entry.themes.some(holds);
}

/** The memos that match a filter text, in their order. */
export function filterMemos(entries: readonly MemoEntry[], text: string): MemoEntry[] {
  const needle = memoNeedle(text);
  return needle === '' ? [...entries] : entries.filter((entry) => memoMatches(entry, needle));
}
