import type { Position } from 'vscode-languageserver-protocol';
import type { TagResult } from '../../protocol';

/** A `findings/tag` answer's insertions applied to a text whose lines end at LF (they are given in document order). */
export function applyTagResult(text: string, result: TagResult): string {
  const lines = text.split('\n');
  const offsetOf = (p: Position) => lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  let out = text;
  for (const edit of [...result.edits].reverse()) {
    const at = offsetOf(edit.range.start);
    out = out.slice(0, at) + edit.newText + out.slice(at);
  }
  return out;
}
