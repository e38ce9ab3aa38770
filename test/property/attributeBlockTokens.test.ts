import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readAttributeBlock } from '../../core/document/attributeBlock';
import { attributeBlockTokens, type BlockToken } from '../../core/language/attributeBlockContext';
import type { OffsetRange } from '../../core/text/range';

// Completion reads attribute blocks with its own tokenizer, since it must see
// what is half typed (a lone `.`, a stray word) as tokens. These properties
// hold it to the parser wherever both read a token: the same codes, ids and
// attributes, with the same ranges, and the same end of the block.

const RUNS = Number(process.env.FINDINGS_FC_RUNS) || 400;

const TOKEN = fc.constantFrom(
  '.weakness', '.quote', '.', '#', '#id-1', '.a.b', '#a#b', '.a=b',
  'theme=health', 'theme=health,education', 'theme="health education"', "speaker='a parent'", 'k=', '=x', '="a b"', 'x=y=z',
  'k="a\\"b"', "k='it\\'s'", 'k="a\\\\"', 'k="a}b"', 'k="open', "k='open", 'k="\\', 'k="a"b', 'k=\'\'',
  'word', 'two words', ',', 'a,b', '"', "'", '\\', '=', '}', '{', ']', '[',
  'é', 'e\u0301', '\u{1F600}', '日本=語', 'k="\u{1F468}\u200D\u{1F469}"', '\u00a0',
);
const GAP = fc.constantFrom('', ' ', ' ', '  ', '\t');
const LINE_END = fc.constantFrom('', '\n', '\r\n', '\nmore text}\n');

/** A line holding `]{` and tokens, closed by `}` or not, then a line end and maybe more. */
const BLOCK_LINE = fc.tuple(fc.array(fc.tuple(GAP, TOKEN), { maxLength: 8 }), GAP, fc.boolean(), fc.constantFrom('', ' after', '}{.x}'), LINE_END)
  .map(([tokens, gap, close, after, lineEnd]) => `[text]{${tokens.map(([g, t]) => g + t).join('')}${gap}${close ? '}' : ''}${after}${lineEnd}`);

const range = (start: number, end: number): OffsetRange => ({ start, end });

/** The line end as completion finds it: before `\n` or `\r\n`. */
function lineEndAfter(text: string, offset: number): number {
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  return text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
}

/** A quoted value that runs to the line end: the parser stops there and reads no attribute. */
function isUnterminated(token: BlockToken): boolean {
  return token.quote !== undefined && token.end === token.valueEnd;
}

/**
 * Where the two part ways: at a value with no key (`=x`, `="a b"`), which
 * completion reads as a value (quotes and all) and the parser as a stray
 * word ending at the first blank, so the tokens after it may differ.
 */
function divergence(tokens: readonly BlockToken[]): number {
  return tokens.find((t) => t.kind === 'pair' && t.equals === t.start)?.start ?? Infinity;
}

function compare(text: string): void {
  const open = text.indexOf('{');
  const parsed = readAttributeBlock(text, open);
  const typed = attributeBlockTokens(text, open, lineEndAfter(text, open));
  const at = JSON.stringify(text);
  const until = divergence(typed.tokens);
  const tokens = typed.tokens.filter((t) => t.end <= until);
  const upTo = <T extends { readonly tokenRange: OffsetRange }>(items: readonly T[]) => items.filter((item) => item.tokenRange.end <= until);

  if (until === Infinity) assert.equal(typed.end, parsed.closed ? parsed.end - 1 : parsed.end, `the block ends at the same place in ${at}`);

  const named = (kind: 'code' | 'id') => tokens.filter((t) => t.kind === kind && t.end > t.start + 1).map((t) => range(t.start, t.end));
  assert.deepEqual(named('code'), upTo(parsed.codes).map((code) => code.tokenRange), `codes of ${at}`);
  assert.deepEqual(named('id'), upTo(parsed.ids).map((id) => id.tokenRange), `ids of ${at}`);

  const pairs = tokens.filter((t) => t.kind === 'pair' && !isUnterminated(t));
  assert.deepEqual(
    pairs.map((t) => ({ key: text.slice(t.start, t.equals), keyRange: range(t.start, t.equals!), valueRange: range(t.valueStart!, t.valueEnd!), quoted: t.quote !== undefined, tokenRange: range(t.start, t.end) })),
    upTo(parsed.attributes).map(({ key, keyRange, valueRange, quoted, tokenRange }) => ({ key, keyRange, valueRange, quoted, tokenRange })),
    `attributes of ${at}`,
  );

  // A word completion takes for an attribute name being typed is, to the parser, part of a stray-word problem.
  for (const word of tokens.filter((t) => t.kind === 'word')) {
    assert.ok(parsed.problems.some((p) => p.code === 'span-syntax' && p.range.start <= word.start && word.end <= p.range.end),
      `the word ${JSON.stringify(text.slice(word.start, word.end))} of ${at} is a problem to the parser`);
  }
}

describe('attribute blocks: completion reads the tokens the parser reads', () => {
  it('on hand-picked blocks', () => {
    for (const text of [
      '[a]{.weakness theme=health}', '[a]{.quote speaker="one parent" role=parent}', '[a]{#id .wsoa}', '[a]{.weakness theme="a\\"b"}',
      '[a]{.weakness theme="open', '[a]{.weakness word more}', '[a]{.}', '[a]{', '[a]{k=v\r\n', '[a]{.x\u{1F600}=y}',
    ]) compare(text);
  });

  it('on generated blocks: quotes, escapes, commas, ids, stray characters and unicode', () => {
    fc.assert(fc.property(BLOCK_LINE, (text) => compare(text)), { numRuns: RUNS });
  });
});
