// How one attribute value holds several values: `theme="health workforce"`,
// `theme=health,workforce`. The one definition used by validation, the
// language features, exports, statistics and the summary.
import type { SpanAttribute } from '../document/types';
import type { OffsetRange } from '../text/range';

/** One value of a space- or comma-separated attribute value. */
export interface ValuePart {
  readonly text: string;
  /** The part's own range; the whole value's range when escapes make exact ranges impossible. */
  readonly range: OffsetRange;
  readonly exact: boolean;
}

const NON_ASCII_SPACE = /\s/;

/** A comma or white space (`\s` of a regular expression), for one UTF-16 unit: what separates values. */
export function isValueSeparator(code: number): boolean {
  if (code < 128) return code === 44 || code === 32 || (code >= 9 && code <= 13);
  return NON_ASCII_SPACE.test(String.fromCharCode(code));
}

/** Calls `visit` with the start and end of each value in `value`, in order; stops early when it returns false. */
export function forEachValue(value: string, visit: (start: number, end: number) => boolean | void): void {
  let at = 0;
  while (at < value.length) {
    while (at < value.length && isValueSeparator(value.charCodeAt(at))) at++;
    if (at === value.length) return;
    const start = at;
    while (at < value.length && !isValueSeparator(value.charCodeAt(at))) at++;
    if (visit(start, at) === false) return;
  }
}

/** The values of an attribute, with their source ranges. */
export function splitAttributeValue(attribute: SpanAttribute): ValuePart[] {
  const exact = attribute.valueRange.end - attribute.valueRange.start === attribute.value.length;
  const parts: ValuePart[] = [];
  forEachValue(attribute.value, (start, end) => {
    const from = attribute.valueRange.start + start;
    parts.push({ text: attribute.value.slice(start, end), range: exact ? { start: from, end: from + end - start } : attribute.valueRange, exact });
  });
  return parts;
}

/** The values of a value string, each once, in written order. */
export function uniqueValues(value: string): string[] {
  const seen = new Set<string>();
  forEachValue(value, (start, end) => void seen.add(value.slice(start, end)));
  return [...seen];
}
