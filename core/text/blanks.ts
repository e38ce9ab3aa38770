/** A blank between tokens and words on a line: a space or a tab (never a line break). */
export function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}
