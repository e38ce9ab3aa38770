import type { Codebook } from '../../codebook/types';
import type { Fix } from '../../diagnostics/diagnostic';
import type { AttributeBlock } from '../../document/attributeBlock';
import type { ReportDocument, Span } from '../../document/types';
import { nextLineBreak } from '../../text/lineBreaks';
import type { OffsetRange } from '../../text/range';
import type { TextEdit } from '../../text/textEdit';
import { CandidateBlocks } from './candidateBlocks';
import { claimEdit, markupFix, quotedForTitle } from './markupFixes';
import { mergeBlockEdits } from './mergeBlocks';
import type { NearMiss } from './nearMiss';
import { isBlank } from '../../text/blanks';
import { isLineBreak } from '../../text/lineBreaks';
import { blanksBefore, isCloserSlip, sentenceStart, trailingPunctuationStart, unmatchedOpenerSlip } from './proseBounds';

/** An attribute block the parser found unclosed: where its `{` is, and the `]` of the next one on its line (-1 if none). */
export interface UnclosedBlock {
  readonly brace: number;
  readonly nextClose: number;
  /** Another block is left open before it on its line: a `}` for this one would close that one. */
  readonly follows: boolean;
  /** For a block with no `[` before it: the `[` most likely meant. */
  readonly opening: OpeningGuess | undefined;
}

/** Edits that make the `[` a `]{` was most likely meant to close, and whether that is more than a guess. */
export interface OpeningGuess {
  readonly title: string;
  readonly edits: TextEdit[];
  readonly sure: boolean;
}

/** What one pass over the article text finds about markup there. */
export interface TextMarkup {
  readonly nearMisses: NearMiss[];
  /** Fixes for the parser's `span-stray-close` problems, by where each starts. */
  readonly strayCloseFixes: ReadonlyMap<number, Fix[]>;
  /** The parser's unclosed attribute blocks, by where each `span-unclosed` problem starts. */
  readonly unclosedBlocks: ReadonlyMap<number, UnclosedBlock>;
}

const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_PAREN = 40;
const WIDE_OPEN_BRACE = 0xff5b;

/**
 * Finds the near-miss markup of the article text in one pass (see
 * TextMarkupScan) and what the fixes of the parser's own span problems need.
 */
export function scanTextMarkup(document: ReportDocument, codebook: Codebook): TextMarkup {
  return new TextMarkupScan(document, codebook).run();
}

/**
 * Walks the body from bracket to bracket as the parser does (scanSpans:
 * every `[` opens, every `]` closes the innermost; `]{` closes a span, or is
 * a problem), jumping with indexOf and over the markup the parser took, so
 * it knows at each `]` of article text which `[` it pairs with, and at each
 * `{` of article text what came just before. Near-misses are looked for
 * only outside markup and outside the parser's own problems (already
 * reported). Guesses that look back for where a span was meant to start
 * stop at `floor`, the end of the last bracket or markup passed, so no
 * stretch of text is looked at twice.
 */
class TextMarkupScan {
  private readonly text: string;
  private readonly nearMisses: NearMiss[] = [];
  private readonly strayCloseFixes = new Map<number, Fix[]>();
  private readonly unclosed: Array<Omit<UnclosedBlock, 'nextClose'> & { start: number }> = [];
  private unclosedLineEnd = -1;
  private readonly blocks: CandidateBlocks;
  /** The `[` still open, innermost last, and whether each opened a span. */
  private readonly openers: number[] = [];
  private readonly openerIsSpan: boolean[] = [];
  /** Article-text `[` directly before a span's `[`: reported when nothing ever closes them. */
  private doubledOpeners: Set<number> | undefined;
  private readonly byClose: readonly Span[];
  private nextSpanByOpen = 0;
  private nextSpanByClose = 0;
  private nextProblem = 0;
  /** The end of the parser's problems passed so far: nothing before it is reported again. */
  private quietUntil = -1;
  private strayStart = -1;
  private strayEnd = -1;
  private floor: number;
  /** The end of the last near-miss found: the `{` before it are part of it. */
  private consumedUntil = -1;
  private lastSpan: Span | undefined;
  private lastTextClose = -1;
  private lastTextCloseOpener: number | undefined;
  private lastBreak = -1;
  private nextBreak: number;
  /**
   * Near-misses fixed by making an open `[` of article text the span's: they
   * hold only if nothing closes that `[` later, or the fix would unpair what
   * closes it. By the `[` (one near-miss each): where it is, and what it is otherwise.
   */
  private pendingOnOpener: Map<number, { index: number; fallback: NearMiss }> | undefined;

  constructor(private readonly document: ReportDocument, private readonly codebook: Codebook) {
    this.text = document.text;
    this.blocks = new CandidateBlocks(this.text, codebook);
    this.byClose = [...document.spans].sort((a, b) => a.textRange.end - b.textRange.end);
    this.floor = document.bodyStart;
    this.nextBreak = nextLineBreak(this.text, document.bodyStart);
  }

  run(): TextMarkup {
    const text = this.text;
    let i = this.document.bodyStart;
    let nextOpen = text.indexOf('[', i);
    let nextClose = text.indexOf(']', i);
    let nextBrace = text.indexOf('{', i);
    let nextWide = text.indexOf('\uFF5B', i);
    for (;;) {
      if (nextOpen !== -1 && nextOpen < i) nextOpen = text.indexOf('[', i);
      if (nextClose !== -1 && nextClose < i) nextClose = text.indexOf(']', i);
      if (nextBrace !== -1 && nextBrace < i) nextBrace = text.indexOf('{', i);
      if (nextWide !== -1 && nextWide < i) nextWide = text.indexOf('\uFF5B', i);
      const at = earliest(earliest(nextOpen, nextClose), earliest(nextBrace, nextWide));
      if (at === -1) break;
      this.passProblems(at);
      const code = text.charCodeAt(at);
      if (code === OPEN_BRACKET) {
        this.open(at);
        i = at + 1;
      } else if (code === CLOSE_BRACKET) {
        i = this.close(at);
      } else {
        this.brace(at);
        i = at + 1;
      }
    }
    this.reportDoubledOpeners();
    const unclosedBlocks = new Map<number, UnclosedBlock>();
    this.unclosed.forEach((block, k) => {
      const next = this.unclosed[k + 1];
      unclosedBlocks.set(block.start, { brace: block.brace, nextClose: next === undefined ? -1 : next.brace - 1, follows: block.follows, opening: block.opening });
    });
    return { nearMisses: this.nearMisses, strayCloseFixes: this.strayCloseFixes, unclosedBlocks };
  }

  /** Notes the parser's problems that start by `at`: unclosed blocks are not looked into, stray closes are jumped like spans. */
  private passProblems(at: number): void {
    const problems = this.document.problems;
    while (this.nextProblem < problems.length && problems[this.nextProblem].range.start <= at) {
      const problem = problems[this.nextProblem++];
      if (problem.code === 'span-unclosed') this.quietUntil = Math.max(this.quietUntil, problem.range.end);
      else if (problem.code === 'span-stray-close') {
        this.strayStart = problem.range.start;
        this.strayEnd = problem.range.end;
      }
    }
  }

  private isQuiet(at: number): boolean {
    return at < this.quietUntil || at < this.consumedUntil;
  }

  private raiseFloor(to: number): void {
    if (to > this.floor) this.floor = to;
  }

  /** Whether a line break lies between `from` and `to` (called with `to` never decreasing). */
  private lineBreakBetween(from: number, to: number): boolean {
    while (this.nextBreak < to) {
      this.lastBreak = this.nextBreak;
      this.nextBreak = nextLineBreak(this.text, this.nextBreak + 1);
    }
    return this.lastBreak >= from;
  }

  /** Where the line holding `at` ends (called with `at` never decreasing). */
  private lineEndAfter(at: number): number {
    this.lineBreakBetween(at, at + 1);
    return this.nextBreak;
  }

  private open(at: number): void {
    const spans = this.document.spans;
    while (this.nextSpanByOpen < spans.length && spans[this.nextSpanByOpen].range.start < at) this.nextSpanByOpen++;
    const next = spans[this.nextSpanByOpen];
    const isSpan = next?.range.start === at;
    if (!isSpan && next?.range.start === at + 1 && !this.isQuiet(at)) (this.doubledOpeners ??= new Set()).add(at);
    this.openers.push(at);
    this.openerIsSpan.push(isSpan);
    this.raiseFloor(at + 1);
  }

  private pop(): number | undefined {
    this.openerIsSpan.pop();
    const opener = this.openers.pop();
    const pending = opener === undefined ? undefined : this.pendingOnOpener?.get(opener);
    if (pending) {
      // Closed after all: making it a span's `[` would unpair that `]`, so the near-miss is only a stray block.
      this.nearMisses[pending.index] = pending.fallback;
      this.pendingOnOpener!.delete(opener!);
    }
    return opener;
  }

  /** A `]`: returns where the walk goes on. */
  private close(at: number): number {
    const text = this.text;
    if (text.charCodeAt(at + 1) !== OPEN_BRACE) {
      const opener = this.pop();
      if (!this.isQuiet(at)) this.textClose(at, opener);
      this.lastTextClose = at;
      this.lastTextCloseOpener = opener;
      this.raiseFloor(at + 1);
      return at + 1;
    }
    const opener = this.pop();
    const span = this.byClose[this.nextSpanByClose];
    if (span !== undefined && span.textRange.end === at) {
      this.nextSpanByClose++;
      this.lastSpan = span;
      this.raiseFloor(span.range.end);
      if (!this.isQuiet(span.range.end)) this.afterSpan(span);
      return span.range.end;
    }
    if (this.strayStart === at) {
      this.strayCloseFixes.set(at, this.strayCloseFix(at, this.strayEnd));
      this.raiseFloor(this.strayEnd);
      return this.strayEnd;
    }
    // Unclosed: the parser reads on just after the `]{`.
    this.unclosed.push({ start: opener ?? at, brace: at + 1, follows: at < this.unclosedLineEnd, opening: opener === undefined ? this.openingGuess(at) : undefined });
    this.unclosedLineEnd = this.lineEndAfter(at);
    this.raiseFloor(at + 2);
    return at + 2;
  }

  /** A `]` of article text, closing `opener` (or nothing). */
  private textClose(at: number, opener: number | undefined): void {
    const text = this.text;
    if (opener === undefined) {
      if (this.lastSpan?.range.end === at) this.strayAfterSpan(this.lastSpan, at);
      return;
    }
    let open = at + 1;
    while (isBlank(text.charCodeAt(open))) open++;
    const bracket = text.charCodeAt(open);
    const spaced = open > at + 1;
    if (bracket === OPEN_BRACE ? spaced : bracket === OPEN_PAREN || bracket === WIDE_OPEN_BRACE) {
      this.blockAfterClose(at, opener, open, bracket === OPEN_BRACE ? 'spaced' : 'brackets');
    } else if (isTokenMark(text.charCodeAt(open + 1)) && !isBlank(bracket) && !isLineBreak(bracket)) {
      // `]x.weakness …}`: a character typed for the `{`.
      this.blockAfterClose(at, opener, open, 'slipped');
    } else if (isTokenMark(bracket)) {
      // `].weakness …}`: the `{` left out (read as if the `]`, or the blank before the token, opened it).
      this.blockAfterClose(at, opener, open - 1, 'missing');
    }
  }

  /** The would-be attribute block after a `]` of article text that closed `opener`; `open` is its opening bracket, or what stands for it. */
  private blockAfterClose(at: number, opener: number, open: number, how: 'spaced' | 'brackets' | 'slipped' | 'missing'): void {
    const text = this.text;
    const block = this.blocks.read(open);
    if (!block) return;
    // `] {…}` is hardly prose; `](…)` is a Markdown link, and `].x…}` might be anything, unless it names a code.
    if (how === 'spaced' && text.charCodeAt(block.end - 1) === CLOSE_BRACE ? block.codes.length + block.ids.length === 0 : this.blocks.knownCode(block) === undefined) return;
    const range = { start: at, end: block.end };
    const edits = [claimEdit(text, { start: opener, end: opener + 1 }), { range, newText: `]${braced(text, open, block)}` }];
    if (how === 'spaced' && text.charCodeAt(block.end - 1) === CLOSE_BRACE) {
      this.add('markup-space-before-block', range, range,
        'A space between `]` and `{` makes this article text: nothing is tagged. The attribute block must follow the `]` directly.',
        [markupFix('Remove the space before `{`', edits, true)]);
    } else if (how === 'missing' || how === 'slipped') {
      this.add('markup-block-brackets', range, range,
        `${how === 'missing' ? 'The attribute block\'s `{` is missing' : `\`${text[open]}\` where the attribute block's \`{\` belongs`}: this is article text and nothing is tagged.`,
        [markupFix('Write the attribute block in `{…}`', edits, true)]);
    } else {
      const written = `${text[open]}…${text[block.end - 1]}`;
      this.add('markup-block-brackets', range, range,
        `An attribute block in \`${written}\` is article text: nothing is tagged. Write it in \`{…}\` right after the \`]\`.`,
        [markupFix('Write the attribute block in `{…}`', edits, true)]);
    }
    this.consume(block.end);
  }

  /** What follows a span's `}` directly: a second attribute block, or a stray `}`. */
  private afterSpan(span: Span): void {
    const text = this.text;
    const end = span.range.end;
    const next = text.charCodeAt(end);
    if (next === OPEN_BRACE) {
      const block = this.blocks.read(end);
      if (!block) return;
      const range = { start: end, end: block.end };
      this.add('markup-second-block', range, range,
        `Only the first attribute block belongs to the span: \`${text.slice(end, block.end)}\` is article text, and its codes and attributes are ignored.`,
        [markupFix('Merge it into the span\'s attribute block', mergeBlockEdits(text, this.codebook, span, block, end), true)]);
      this.consume(block.end);
    } else if (next === CLOSE_BRACE) {
      // (`{{.code …}}` is reported by span-syntax; `{[x]{.code}}` is braces around a span.)
      if (text.charCodeAt(span.attributeRange.start + 1) !== OPEN_BRACE && text.charCodeAt(span.range.start - 1) !== OPEN_BRACE) this.strayAfterSpan(span, end);
    } else {
      this.earlyClose(span);
    }
  }

  /**
   * `{.quote speaker="a" }ole=parent}`, `{.response organisation=C}uncil stance=accepts}`:
   * a `}` typed inside the block, which ends it there; the tokens after it, up
   * to the block's own `}`, are article text. (When the `}` stands inside a
   * word, or for a code's dot, the rest of that word comes first, no token.)
   */
  private earlyClose(span: Span): void {
    const text = this.text;
    const end = span.range.end;
    // Most spans are followed by prose: passed over without reading a block (see closesLaterOnLine).
    if (!closesLaterOnLine(text, end)) return;
    let from = end;
    while (from < text.length && !isBlank(text.charCodeAt(from)) && !isLineBreak(text.charCodeAt(from)) && !isBracket(text.charCodeAt(from))) from++;
    // A word that reads as a token (`ole=parent`, `.improvement`) is one; any other is the rest of a word cut by the `}`.
    const word = text.slice(end, from);
    if (word.includes('=') || isTokenMark(word.charCodeAt(0))) from = end;
    let blockEnd: number;
    if (from > end && text.charCodeAt(from) === CLOSE_BRACE) {
      // `#hart}lepool-wsoa}`: only the rest of the word, then the block's `}`.
      blockEnd = from + 1;
    } else {
      const block = this.blocks.read(from - 1);
      if (!block || text.charCodeAt(block.end - 1) !== CLOSE_BRACE) return;
      blockEnd = block.end;
    }
    // What the `}` was most likely typed for: the blank between two tokens, a code's dot, or nothing (typed in a word).
    const before = text.charCodeAt(end - 2);
    const typedFor = from === end && !isBlank(before) && before !== OPEN_BRACE ? ' ' : from > end && isBlank(before) && this.codebook.codes.has(word) ? '.' : '';
    const range = { start: end - 1, end: blockEnd };
    this.add('markup-stray-bracket', range, { start: end, end: blockEnd },
      `This \`}\` ends the attribute block early: \`${text.slice(end, blockEnd)}\` after it is article text.`,
      [markupFix(typedFor === '' ? 'Remove the `}` that ends the block early' : `Write \`${typedFor === ' ' ? 'a blank' : '.'}\` for the \`}\` that ends the block early`,
        [{ range, newText: typedFor + text.slice(end, blockEnd) }], true)]);
    this.consume(blockEnd);
  }

  /** A `]` or `}` right after a span's `}` that closes nothing. */
  private strayAfterSpan(span: Span, at: number): void {
    const range = { start: at, end: at + 1 };
    const bracket = this.text[at];
    this.add('markup-stray-bracket', range, { start: span.attributeRange.start, end: at + 1 },
      `This \`${bracket}\` after the span closes nothing and is article text.`,
      [markupFix(`Remove the stray \`${bracket}\``, [{ range, newText: '' }], true)]);
  }

  /** An article-text `{` (or `｛`) not right after a `]`. */
  private brace(at: number): void {
    if (this.isQuiet(at)) return;
    const text = this.text;
    const block = this.blocks.read(at);
    if (!block) return;
    const code = this.blocks.knownCode(block);
    if (code === undefined) return;
    const before = text.charCodeAt(at - 1);
    const top = this.openers.length - 1;
    // An open `[` of article text on the same line, not yet made the `[` of another near-miss's fix.
    const openerOnLine = top >= 0 && !this.openerIsSpan[top] && !this.lineBreakBetween(this.openers[top], at) && !this.pendingOnOpener?.has(this.openers[top]) ? this.openers[top] : -1;
    const stray = this.strayBlock(at, block, code);
    const slip = isCloserSlip(before) && at - 1 >= this.floor ? unmatchedOpenerSlip(text, this.floor, at - 1) : -1;
    if (slip !== -1) {
      this.nearMisses.push(this.bracketSlip(at - 1, block, { start: slip, end: slip + 1 }, true));
    } else if (openerOnLine !== -1 && ((isCloserSlip(before) && at - 1 >= this.floor) || isBlank(before))) {
      const nearMiss = isBlank(before) ? this.missingClose(at, block, openerOnLine) : this.bracketSlip(at - 1, block, { start: openerOnLine, end: openerOnLine + 1 }, false);
      (this.pendingOnOpener ??= new Map()).set(openerOnLine, { index: this.nearMisses.length, fallback: stray });
      this.nearMisses.push(nearMiss);
    } else {
      this.nearMisses.push(stray);
    }
    this.consume(block.end);
  }

  /** `[x}{…}`, `(x){…}`, `{x}{…}`: a span's `]` (and maybe its `[`) typed as another bracket. */
  private bracketSlip(close: number, block: AttributeBlock, opener: OffsetRange, openerSlipped: boolean): NearMiss {
    const text = this.text;
    const range = { start: close, end: block.end };
    const edits: TextEdit[] = [
      openerSlipped ? { range: opener, newText: '[' } : claimEdit(text, opener),
      { range, newText: `]${braced(text, close + 1, block)}` },
    ];
    const slips = openerSlipped ? `\`${text[opener.start]}\` and \`${text[close]}\`` : `\`${text[close]}\``;
    return {
      rule: 'markup-bracket-slip', range, passage: range,
      message: `${slips} where the span's ${openerSlipped ? 'brackets belong' : '`]` belongs'}: this is article text and nothing is tagged.`,
      fixes: [markupFix(openerSlipped ? `Write \`[\` and \`]\` for ${slips}` : `Write \`]\` for ${slips}`, edits, true)],
    };
  }

  /** `[x {…}`: a span's `]` left out. */
  private missingClose(at: number, block: AttributeBlock, opener: number): NearMiss {
    const text = this.text;
    const range = { start: blanksBefore(text, this.floor, at), end: block.end };
    return {
      rule: 'markup-bracket-slip', range, passage: { start: at, end: block.end },
      message: 'The span\'s `]` is missing before this attribute block, so it is article text and nothing is tagged.',
      fixes: [markupFix('Close the span with `]`', [claimEdit(text, { start: opener, end: opener + 1 }), { range, newText: `]${braced(text, at, block)}` }], true)],
    };
  }

  /** An attribute block in running text with no span before it. */
  private strayBlock(at: number, block: AttributeBlock, code: string): NearMiss {
    const text = this.text;
    const range = { start: at, end: block.end };
    const blankStart = blanksBefore(text, this.floor, at);
    const passageEnd = trailingPunctuationStart(text, this.floor, blankStart);
    const start = sentenceStart(text, this.floor, passageEnd);
    const fixes: Fix[] = [];
    if (start < passageEnd) {
      // The block moves before the sentence's last punctuation; the blanks before it go with it.
      const markup = `]${braced(text, at, block)}`;
      const edits: TextEdit[] = passageEnd === blankStart
        ? [{ range: { start, end: start }, newText: '[' }, { range: { start: blankStart, end: block.end }, newText: markup }]
        : [{ range: { start, end: start }, newText: '[' }, { range: { start: passageEnd, end: passageEnd }, newText: markup }, { range: { start: blankStart, end: block.end }, newText: '' }];
      fixes.push(markupFix(`Tag ${quotedForTitle(text.slice(start, passageEnd))} with \`.${code}\``, edits, false));
    }
    return {
      rule: 'markup-stray-block', range, passage: range,
      message: 'An attribute block with no `[…]` before it is article text: nothing is tagged. Put the tagged text in square brackets right before it.',
      fixes,
    };
  }

  /** Fixes for a `]{…}` that closes no span (the parser's span-stray-close): the `[` that was meant. */
  private strayCloseFix(at: number, end: number): Fix[] {
    const guess = this.openingGuess(at);
    return guess ? [markupFix(guess.title, [...guess.edits, claimEdit(this.text, { start: at, end })], guess.sure)] : [];
  }

  /**
   * The `[` most likely meant for a `]{` at `at` that closes nothing: a `]`
   * typed twice (`[x]]{`), a `(` or `{` typed for it, or else (a guess) the
   * start of the sentence. The edits make that `[`; the `]{…}` is the caller's.
   */
  private openingGuess(at: number): OpeningGuess | undefined {
    const text = this.text;
    const opener = this.lastTextCloseOpener;
    if (this.lastTextClose === at - 1 && opener !== undefined) {
      return { title: 'Remove the extra `]`', edits: [claimEdit(text, { start: opener, end: opener + 1 }), { range: { start: at - 1, end: at }, newText: '' }], sure: true };
    }
    const slip = unmatchedOpenerSlip(text, this.floor, at);
    if (slip !== -1) return { title: `Write \`[\` for \`${text[slip]}\``, edits: [{ range: { start: slip, end: slip + 1 }, newText: '[' }], sure: true };
    const start = sentenceStart(text, this.floor, at);
    if (start === at) return undefined;
    return { title: `Tag ${quotedForTitle(text.slice(start, at))}`, edits: [{ range: { start, end: start }, newText: '[' }], sure: false };
  }

  /** `[[x]{…}`: a `[` that nothing closes, right before a span's. */
  private reportDoubledOpeners(): void {
    if (!this.doubledOpeners) return;
    const spans = this.document.spans;
    for (const at of this.openers) {
      if (!this.doubledOpeners.has(at)) continue;
      const span = spans[spanOpeningAt(spans, at + 1)];
      const range = { start: at, end: at + 1 };
      this.add('markup-stray-bracket', range, { start: at, end: span.range.end },
        'This `[` is never closed and is article text: the span starts at the next `[`.',
        [markupFix('Remove the extra `[`', [{ range, newText: '' }], true)]);
    }
  }

  private add(rule: NearMiss['rule'], range: OffsetRange, passage: OffsetRange, message: string, fixes: Fix[]): void {
    this.nearMisses.push({ rule, range, passage, message, fixes });
  }

  private consume(end: number): void {
    if (end > this.consumedUntil) this.consumedUntil = end;
    this.raiseFloor(end);
  }
}

/** The block's tokens in `{…}`, whatever brackets it was typed with. */
function braced(text: string, open: number, block: AttributeBlock): string {
  return `{${text.slice(open + 1, block.end - 1)}}`;
}

/**
 * Whether a `}` follows `from` on its line before any other markup (`[`, `]`,
 * `{`): what a `}` typed early inside a block leaves behind. Stops at the
 * first of them, so over a report's spans the scans do not overlap: linear.
 */
function closesLaterOnLine(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === CLOSE_BRACE) return true;
    if (code === OPEN_BRACKET || code === CLOSE_BRACKET || code === OPEN_BRACE || isLineBreak(code)) return false;
  }
  return false;
}

function isBracket(code: number): boolean {
  return code === OPEN_BRACKET || code === CLOSE_BRACKET || code === OPEN_BRACE || code === CLOSE_BRACE;
}

/** `.` or `#`: how a code or an id starts. */
function isTokenMark(code: number): boolean {
  return code === 46 || code === 35;
}

function earliest(a: number, b: number): number {
  return a === -1 ? b : b === -1 ? a : Math.min(a, b);
}

/** The index of the span whose `[` is at `offset` (spans sorted by their `[`). */
function spanOpeningAt(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid].range.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
