import type { Codebook } from '../../codebook/types';
import type { Fix } from '../../diagnostics/diagnostic';
import type { ParseProblem, ReportDocument, Span } from '../../document/types';
import { codeNamed } from './candidateBlocks';
import { isBlank } from '../../text/blanks';
import { isLineBreak } from '../../text/lineBreaks';

/** What a span-syntax problem most likely meant: a hint for its message, and fixes. */
export interface TokenSlip {
  readonly hint: string;
  readonly fixes: Fix[];
}

const NONE: TokenSlip = { hint: '', fixes: [] };
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const EQUALS = 61;
const NAME = /^[\p{L}\p{N}][\p{L}\p{N}_:-]*$/u;
/** `key = value` or `key =value`: an attribute with blanks around its `=`. */
const SPACED_EQUALS = /^([\p{L}\p{N}][\p{L}\p{N}_:-]*)[ \t]+=[ \t]*([^ \t=]+)$/u;

/**
 * Slips of the hand inside a span's attribute block, which the parser
 * reports as span-syntax: a code without its dot (`{weakness}`, when the
 * codebook has that code), a space after the dot (`{. weakness}`), blanks
 * around `=` (`theme = health`), a doubled brace (`{{.weakness}}`).
 */
export function tokenSlip(document: ReportDocument, codebook: Codebook, problem: ParseProblem, span: Span): TokenSlip {
  if (problem.code !== 'span-syntax') return NONE;
  const text = document.text;
  const { start, end } = problem.range;
  const written = text.slice(start, end);
  if (end - start === 1 && (written === '.' || written === '#')) return spaceAfterMark(text, codebook, start);
  if (written.startsWith('The quoted value')) return NONE;
  if (start === span.attributeRange.start + 1 && text.charCodeAt(start) === OPEN_BRACE) return doubledBraces(text, start, span);
  const spaced = SPACED_EQUALS.exec(written);
  if (spaced) {
    const fixed = `${spaced[1]}=${spaced[2]}`;
    return { hint: ` Write \`${fixed}\`, without blanks around \`=\`.`, fixes: [{ title: `Write \`${fixed}\``, edits: [{ range: problem.range, newText: fixed }], preferred: true }] };
  }
  if (!NAME.test(written)) return NONE;
  // `theme= leadership`: the value was typed after a blank.
  let before = start;
  while (isBlank(text.charCodeAt(before - 1))) before--;
  if (before < start && text.charCodeAt(before - 1) === EQUALS && NAME.test(keyBefore(text, before - 1))) {
    return { hint: ` Did you mean \`${keyBefore(text, before - 1)}=${written}\`?`, fixes: [{ title: 'Remove the blank after `=`', edits: [{ range: { start: before, end: start }, newText: '' }], preferred: true }] };
  }
  const code = codeNamed(codebook, written);
  if (code === undefined) return NONE;
  // `. weakness`: the dot was typed with a blank after it (the dot is a problem of its own).
  const dotted = before < start && text[before - 1] === '.' && !NAME.test(text[before - 2] ?? '') ? before - 1 : start;
  return { hint: ` Did you mean the code \`.${code}\`?`, fixes: [{ title: `Write \`.${code}\``, edits: [{ range: { start: dotted, end }, newText: `.${code}` }], preferred: true }] };
}

/** The key of an attribute whose `=` is at `equals`. */
function keyBefore(text: string, equals: number): string {
  let at = equals;
  while (at > 0 && !isBlank(text.charCodeAt(at - 1)) && text.charCodeAt(at - 1) !== OPEN_BRACE) at--;
  return text.slice(at, equals);
}

/** `{. weakness}` or `{# w1}`: a lone mark followed by blanks and a name. */
function spaceAfterMark(text: string, codebook: Codebook, mark: number): TokenSlip {
  let at = mark + 1;
  while (isBlank(text.charCodeAt(at))) at++;
  if (at === mark + 1) return NONE;
  const wordStart = at;
  while (at < text.length && !isBlank(text.charCodeAt(at)) && text.charCodeAt(at) !== CLOSE_BRACE && !isLineBreak(text.charCodeAt(at))) at++;
  const word = text.slice(wordStart, at);
  if (!NAME.test(word)) return NONE;
  const name = text[mark] === '.' ? codeNamed(codebook, word) ?? word : word;
  const fixed = `${text[mark]}${name}`;
  return { hint: ` Did you mean \`${fixed}\`?`, fixes: [{ title: `Write \`${fixed}\``, edits: [{ range: { start: mark, end: at }, newText: fixed }], preferred: true }] };
}

/** `[x]{{.weakness}}`: the block's first token starts with a second `{`, and a `}` may follow the block as text. */
function doubledBraces(text: string, brace: number, span: Span): TokenSlip {
  const edits = [{ range: { start: brace, end: brace + 1 }, newText: '' }];
  const trailing = text.charCodeAt(span.range.end) === CLOSE_BRACE;
  if (trailing) edits.push({ range: { start: span.range.end, end: span.range.end + 1 }, newText: '' });
  return {
    hint: ' The attribute block has a `{` too many.',
    fixes: [{ title: trailing ? 'Remove the extra `{` and `}`' : 'Remove the extra `{`', edits, preferred: true, removesTextMarkup: trailing || undefined }],
  };
}
