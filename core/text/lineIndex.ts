import { lineBreakLength, lineStarts } from './lineBreaks';
import type { LineCharacter, LineRange, OffsetRange } from './range';

/**
 * Maps between UTF-16 offsets and zero-based line/character positions.
 * Lines end at LF, CR LF or a lone CR (see lineBreaks.ts), so positions
 * agree with VS Code and LSP whatever the file's line endings.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    this.lineStarts = lineStarts(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): LineCharacter {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  range(range: OffsetRange): LineRange {
    return { start: this.position(range.start), end: this.position(range.end) };
  }

  offset(position: LineCharacter): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    const next = this.lineStarts[line + 1];
    // The break is one unit (LF, CR) or two (CR LF) before the next line.
    return next >= 2 && lineBreakLength(this.text, next - 2) === 2 ? next - 2 : next - 1;
  }
}
