// The LSP's model of a text, written here independently of the server and
// the core so that the tests can check their positions against it: lines end
// at CR LF, LF or a lone CR; characters are UTF-16 code units.
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

/** The offset at which each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 13 && text.charCodeAt(at + 1) === 10) at++;
    if (code === 10 || code === 13) starts.push(at + 1);
  }
  return starts;
}

/** A text with its lines, for converting and checking positions. */
export class LspText {
  readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = lineStarts(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The length of a line's content, without its line break. */
  lineLength(line: number): number {
    const start = this.starts[line];
    if (line + 1 >= this.starts.length) return this.text.length - start;
    const next = this.starts[line + 1];
    return next - start - (this.text.charCodeAt(next - 2) === 13 && this.text.charCodeAt(next - 1) === 10 ? 2 : 1);
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.starts[line] + this.lineLength(line));
  }

  /** The offset of a position, clamped as the protocol says (past the end of a line: its end; past the last line: the text's end). */
  offset(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    return this.starts[position.line] + Math.min(position.character, this.lineLength(position.line));
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - this.starts[low] };
  }

  /** What is wrong with a position in this text (outside it, or inside a line break), or undefined. */
  positionProblem(position: Position): string | undefined {
    if (!Number.isInteger(position.line) || !Number.isInteger(position.character) || position.line < 0 || position.character < 0) return `malformed position ${JSON.stringify(position)}`;
    if (position.line >= this.starts.length) return `line ${position.line} past the last line (${this.starts.length - 1})`;
    if (position.character > this.lineLength(position.line)) return `character ${position.character} past the end of line ${position.line} (${this.lineLength(position.line)})`;
    return undefined;
  }

  /** What is wrong with a range in this text, or undefined. */
  rangeProblem(range: Range): string | undefined {
    const problem = this.positionProblem(range.start) ?? this.positionProblem(range.end);
    if (problem) return problem;
    if (this.offset(range.start) > this.offset(range.end)) return `range ends before it starts: ${JSON.stringify(range)}`;
    return undefined;
  }
}

/** The text after a change, as the client computed it. */
export function applyChange(text: string, change: TextDocumentContentChangeEvent): string {
  if (!('range' in change) || change.range === undefined) return change.text;
  const model = new LspText(text);
  const start = model.offset(change.range.start);
  const end = model.offset(change.range.end);
  return text.slice(0, start) + change.text + text.slice(end);
}
