/**
 * The one definition of a line break, the LSP's and VS Code's: LF, CR LF, or
 * a CR alone. Line numbers, positions and line-by-line scans of the body all
 * use it, so that every range lands on the line the editor shows.
 * (The front matter is split as its YAML reader splits it: at LF.)
 */
const LF = 10;
const CR = 13;

/** Whether a character code starts a line break (LF or CR). */
export function isLineBreak(code: number): boolean {
  return code === LF || code === CR;
}

/** The length of the line break at `offset`: 2 for CR LF, 1 for LF or a lone CR, 0 for anything else. */
export function lineBreakLength(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  if (code === LF) return 1;
  if (code !== CR) return 0;
  return text.charCodeAt(offset + 1) === LF ? 2 : 1;
}

/** Where the next line break at or after `from` starts; the text's length when there is none. */
export function nextLineBreak(text: string, from: number): number {
  // A loop rather than indexOf('\r') and indexOf('\n'): the one absent would be sought to the end on every call.
  let at = from;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === LF || code === CR) return at;
    at++;
  }
  return text.length;
}

/** Where the line holding `offset` starts: just after the line break before it. */
export function lineStartOf(text: string, offset: number): number {
  let at = Math.min(offset, text.length);
  // Between the CR and the LF of one break is still the line before it.
  if (text.charCodeAt(at) === LF && text.charCodeAt(at - 1) === CR) at--;
  while (at > 0) {
    const code = text.charCodeAt(at - 1);
    if (code === LF || code === CR) return at;
    at--;
  }
  return 0;
}

/** The offsets at which each line starts, the first at 0. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  // Most texts have no CR: LF alone is found fastest with indexOf.
  if (text.indexOf('\r') === -1) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let at = nextLineBreak(text, 0); at < text.length; at = nextLineBreak(text, at)) {
    at += lineBreakLength(text, at);
    starts.push(at);
  }
  return starts;
}
