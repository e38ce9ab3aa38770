/** A half-open range of UTF-16 offsets into a source string, the unit JavaScript strings and LSP use. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

export function offsetRange(start: number, end: number): OffsetRange {
  return { start, end };
}

export function containsOffset(range: OffsetRange, offset: number): boolean {
  return offset >= range.start && offset <= range.end;
}

/** A zero-based line and UTF-16 character, as in LSP. */
export interface LineCharacter {
  readonly line: number;
  readonly character: number;
}

export interface LineRange {
  readonly start: LineCharacter;
  readonly end: LineCharacter;
}
