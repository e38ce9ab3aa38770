// Strings an index keeps for a long time must not hold on to the text they
// were cut from: V8 keeps a substring of 13 characters or more as a view
// into its parent, so one field value kept per report would keep the whole
// report's text alive.

/** Substrings shorter than this are copies already. */
const VIEW_MIN_LENGTH = 13;

/** The string as a copy of its own (equal to it). */
export function ownCopy(text: string): string {
  return text.length < VIEW_MIN_LENGTH ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/**
 * Plain data (parsed YAML values, records of strings) with every string its
 * own copy; anything else is kept as it is. Shared parts stay shared (YAML
 * aliases), so that the copy is as big as the data, and a cycle ends.
 */
export function withOwnStrings<T>(value: T, copies = new Map<object, unknown>()): T {
  if (typeof value === 'string') return ownCopy(value) as T;
  if (value === null || typeof value !== 'object') return value;
  const known = copies.get(value);
  if (known !== undefined) return known as T;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    copies.set(value, copy);
    for (const item of value) copy.push(withOwnStrings(item, copies));
    return copy as T;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copy: Record<string, unknown> = {};
  copies.set(value, copy);
  for (const [key, item] of Object.entries(value)) copy[key] = withOwnStrings(item, copies);
  return copy as T;
}

/** Whether a text has a lone surrogate (which UTF-8 cannot hold): one pass over its code units. */
export function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    if (unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return true;
  }
  return false;
}
