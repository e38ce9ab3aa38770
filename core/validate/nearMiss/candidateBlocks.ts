import type { Codebook } from '../../codebook/types';
import { readAttributeBlock, type AttributeBlock } from '../../document/attributeBlock';

const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_PAREN = 40;
const WIDE_OPEN_BRACE = 0xff5b;

export function isBlockOpener(code: number): boolean {
  return code === OPEN_BRACE || code === OPEN_PAREN || code === WIDE_OPEN_BRACE;
}

/** A name as codes, ids and keys are written: letters, digits, `-`, `_`, `:`. */
const NAME = /^[\p{L}\p{N}][\p{L}\p{N}_:-]*$/u;

/**
 * Attribute blocks in article text: text in `{…}`, `(…)` or `｛…｝` (or
 * opened with one and closed with another) that reads as markup would. Blocks are read with the parser's own grammar
 * (readAttributeBlock), each stretch of text at most twice: a block is
 * read only from an opening bracket past the text already read, except
 * that after a read that passed other opening brackets the next may start
 * at the last of them (`{see {.weakness}` holds a block after the second
 * `{`); no opening bracket lies between that one and the end of the read,
 * so no third read covers the same text.
 */
export class CandidateBlocks {
  private readUpTo = 0;
  private lowerCaseCodes: Map<string, string> | undefined;

  constructor(private readonly text: string, private readonly codebook: Codebook) {}

  /** The block whose opening bracket is at `open`, if it is closed on its line and every token is a well-formed code, id or attribute. */
  read(open: number): AttributeBlock | undefined {
    if (open < this.readUpTo) return undefined;
    const text = this.text;
    const block = readAttributeBlock(text, open, true);
    let inner = -1;
    for (let at = block.end - 1; at > open; at--) {
      if (isBlockOpener(text.charCodeAt(at))) {
        inner = at;
        break;
      }
    }
    this.readUpTo = inner === -1 ? block.end : inner;
    if (!block.closed || block.problems.length > 0) return undefined;
    // A `[` or `]` inside (in a quoted value) would pair with other brackets once the block is markup.
    for (let at = open + 1; at < block.end; at++) {
      const code = text.charCodeAt(at);
      if (code === OPEN_BRACKET || code === CLOSE_BRACKET) return undefined;
    }
    if (block.codes.length + block.ids.length + block.attributes.length === 0) return undefined;
    for (const code of block.codes) if (!NAME.test(code.name)) return undefined;
    for (const id of block.ids) if (!NAME.test(id.value)) return undefined;
    for (const attribute of block.attributes) if (!NAME.test(attribute.key)) return undefined;
    return block;
  }

  /** The block's first code (as written) that the codebook defines, letter case aside. */
  knownCode(block: AttributeBlock): string | undefined {
    if (!this.lowerCaseCodes) {
      this.lowerCaseCodes = new Map();
      for (const name of this.codebook.codes.keys()) this.lowerCaseCodes.set(name.toLowerCase(), name);
    }
    for (const code of block.codes) {
      if (this.lowerCaseCodes.has(code.name.toLowerCase())) return code.name;
    }
    return undefined;
  }
}

/** The codebook's code named `word`, letter case aside. */
export function codeNamed(codebook: Codebook, word: string): string | undefined {
  if (codebook.codes.has(word)) return word;
  const lower = word.toLowerCase();
  for (const name of codebook.codes.keys()) if (name.toLowerCase() === lower) return name;
  return undefined;
}
