/**
 * Converts ascending UTF-16 offsets into code point offsets in one pass.
 * Exports give both units: UTF-16 for JavaScript and editors, code points
 * for Python and most analysis tools.
 */
export function codePointOffsets(text: string, utf16Offsets: readonly number[]): number[] {
  const order = utf16Offsets.map((offset, index) => ({ offset, index })).sort((a, b) => a.offset - b.offset);
  const result = new Array<number>(utf16Offsets.length);
  let unit = 0;
  let points = 0;
  for (const { offset, index } of order) {
    while (unit < offset && unit < text.length) {
      unit += unitsOfCodePointAt(text, unit);
      points++;
    }
    result[index] = points;
  }
  return result;
}

/** Number of code points in a string. */
export function codePointLength(text: string): number {
  return codePointOffsets(text, [text.length])[0];
}

/**
 * The inverse of codePointOffsets, in one pass: the UTF-16 offset at which
 * each code point offset starts (the text's length for offsets past its end).
 */
export function utf16OffsetsOfCodePoints(text: string, pointOffsets: readonly number[]): number[] {
  const order = pointOffsets.map((offset, index) => ({ offset, index })).sort((a, b) => a.offset - b.offset);
  const result = new Array<number>(pointOffsets.length);
  let unit = 0;
  let points = 0;
  for (const { offset, index } of order) {
    while (points < offset && unit < text.length) {
      unit += unitsOfCodePointAt(text, unit);
      points++;
    }
    result[index] = unit;
  }
  return result;
}

/** 2 where a surrogate pair starts at `unit`, else 1 (a lone surrogate is a code point of its own). */
function unitsOfCodePointAt(text: string, unit: number): 1 | 2 {
  const code = text.charCodeAt(unit);
  if (code < 0xd800 || code > 0xdbff || unit + 1 >= text.length) return 1;
  const next = text.charCodeAt(unit + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}
