import { closest, distance } from 'fastest-levenshtein';

/** The candidate a mistyped word most likely meant, if one is close enough. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.length === 0 || word === '') return undefined;
  const lower = word.toLowerCase();
  const sameLetters = list.find((candidate) => candidate.toLowerCase() === lower);
  if (sameLetters) return sameLetters;
  const lowered = list.map((candidate) => candidate.toLowerCase());
  const nearest = closest(lower, lowered);
  const reach = Math.max(1, Math.floor(Math.max(lower.length, nearest.length) / 3));
  if (distance(lower, nearest) > reach) return undefined;
  return list[lowered.indexOf(nearest)];
}

export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : ` Did you mean \`${suggestion}\`?`;
}

/** Lists values for a message, shortening long lists. */
export function listValues(values: Iterable<string>, limit = 8): string {
  const all = [...values];
  const shown = all.slice(0, limit).map((value) => `\`${value}\``).join(', ');
  return all.length > limit ? `${shown}, … (${all.length} in all)` : shown;
}
