// Every range in a server's answer, with the document it is about, so that a
// test can check each one against that document's text. Works on any answer
// shape: a `uri` (or `textDocument.uri`) names the document of what it holds,
// a WorkspaceEdit's `changes` are keyed by URI, and everything else is about
// the document the request was for.
import type { Range } from 'vscode-languageserver-protocol';

export interface FoundRange {
  readonly uri: string;
  readonly range: Range;
  /** Where in the answer, for the failure message. */
  readonly path: string;
}

function isPositionLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'line' in value && 'character' in value;
}

function isRangeLike(value: unknown): value is Range {
  return typeof value === 'object' && value !== null && isPositionLike((value as Range).start) && isPositionLike((value as Range).end);
}

/** The ranges in an answer, each with its document's URI (`uri` for those about the request's document). */
export function rangesIn(answer: unknown, uri: string): FoundRange[] {
  const found: FoundRange[] = [];
  const walk = (value: unknown, current: string, path: string, depth: number): void => {
    if (depth > 64 || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, current, `${path}[${index}]`, depth + 1));
      return;
    }
    if (isRangeLike(value)) {
      found.push({ uri: current, range: value, path });
      return;
    }
    const record = value as Record<string, unknown>;
    let here = current;
    if (typeof record.uri === 'string') here = record.uri;
    const document = record.textDocument as { uri?: unknown } | undefined;
    if (typeof document?.uri === 'string') here = document.uri;
    for (const [key, member] of Object.entries(record)) {
      if (key === 'changes' && typeof member === 'object' && member !== null && !Array.isArray(member)) {
        for (const [changed, edits] of Object.entries(member)) walk(edits, changed, `${path}.changes[${changed}]`, depth + 1);
      } else {
        walk(member, here, `${path}.${key}`, depth + 1);
      }
    }
  };
  walk(answer, uri, '', 0);
  return found;
}
