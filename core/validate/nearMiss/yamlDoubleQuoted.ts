/**
 * `value` as a YAML double-quoted scalar that reads back as exactly
 * `value`: `\` and `"` escaped, and every character YAML does not print
 * as itself (controls, line and paragraph separators, a byte order mark,
 * lone surrogates) written as an escape, so a passage with line breaks
 * stays on one line of the front matter.
 */
export function yamlDoubleQuoted(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 34) out += '\\"';
    else if (code === 92) out += '\\\\';
    else if (code === 10) out += '\\n';
    else if (code === 13) out += '\\r';
    else if (code === 9) out += '\\t';
    else if (needsEscape(value, i, code)) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else if (code >= 0xd800 && code <= 0xdbff) {
      // A well-formed pair: both halves as they are.
      out += value[i] + value[i + 1];
      i++;
    } else out += value[i];
  }
  return `${out}"`;
}

function needsEscape(value: string, i: number, code: number): boolean {
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff) return true;
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = value.charCodeAt(i + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  return code >= 0xdc00 && code <= 0xdfff;
}
