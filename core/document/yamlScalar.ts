/**
 * A string as a front-matter value: quoted when YAML would read it as another
 * type (a number, a boolean, null) or as syntax; `[]` stays the empty list.
 */
export function quoteIfNeeded(value: string): string {
  return /^(?:[\d.+-]|true$|false$|null$|yes$|no$|~$)|[:#\[\]{},&*!|>'"%@`]/i.test(value) && value !== '[]' ? JSON.stringify(value) : value;
}
