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

/** Plain data (parsed YAML values, records of strings) with every string its own copy. */
export function withOwnStrings<T>(value: T): T {
  return structuredClone(value);
}

/** Whether a text has a lone surrogate (which UTF-8 cannot hold). */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDFFF]/u.test(text);
}
