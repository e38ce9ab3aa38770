import type { Fix } from '../../diagnostics/diagnostic';
import { readAttributeBlock } from '../../document/attributeBlock';
import type { ParseProblem, ReportDocument } from '../../document/types';
import { claimEdit, markupFix, quotedForTitle } from './markupFixes';
import type { UnclosedBlock } from './textMarkupScan';

/** Punctuation that ends the sentence a block was left open in: `}` goes before it. */
const TRAILING = /[.,;:!?)\]\uFF5D]+$/;
/** Where a quote left open most likely was meant to close: before the first punctuation followed by a blank. */
const QUOTE_END = /[.,;:!?](?=[ \t])/;
const BRACKETS = /[[\]{}]/;

/**
 * Closes an attribute block the parser found unclosed (span-unclosed) right
 * after its last token that reads as markup, never after words of the
 * sentence the block was left open in: `[x]{.weakness theme=leadership,
 * the report said.` becomes `[x]{.weakness theme=leadership}, the report
 * said.` A block with no `[` gets the `[` most likely meant (see
 * TextMarkupScan.openingGuess). A quoted value left open is closed first, before the first
 * punctuation in it followed by a blank, or before a `}` typed inside it
 * (else at the line's end). When the
 * block has a `[`, the fix turns the span's text into markup, and claims
 * the `[` and the `]{…` it turns (see markupFix). No fix when not even the
 * first token reads as markup, or a token holds a bracket (which would
 * pair differently inside markup), or when another block is left open
 * before it on its line (a `}` would close that one).
 */
export function closeBlockFix(document: ReportDocument, problem: ParseProblem, unclosed: UnclosedBlock | undefined): Fix[] {
  const text = document.text;
  const opened = text[problem.range.start] === '[';
  const brace = opened ? unclosed?.brace : problem.range.start + 1;
  if (!opened && !unclosed) return [];
  if (brace === undefined || text[brace] !== '{' || unclosed?.follows) return [];
  let bound = problem.range.end;
  if (unclosed && unclosed.nextClose > brace && unclosed.nextClose < bound) bound = unclosed.nextClose;
  // Read on its own, up to the next unclosed block on the line: each stretch is read once.
  const line = text.slice(brace, bound);
  const block = readAttributeBlock(line, 0);
  const firstProblem = block.problems[0];
  const stop = firstProblem?.range.start ?? line.length;
  const tokens = [...block.codes.map((code) => code.tokenRange), ...block.ids.map((id) => id.tokenRange), ...block.attributes.map((a) => ({ ...a.tokenRange, quoted: a.quoted }))]
    .filter((token) => token.start < stop)
    .sort((a, b) => a.start - b.start);
  let insertAt = -1;
  let closing = '}';
  let after = '';
  let accepted = 0;
  /** 1 when the block's `}` is one already typed (inside the open quote), which the fix then takes into the markup. */
  let reusedBrace = 0;
  for (const token of tokens) {
    const written = line.slice(token.start, token.end);
    const kept = 'quoted' in token && token.quoted ? written : written.replace(TRAILING, '');
    // A token of punctuation alone, or one holding a bracket, is no markup meant.
    if (kept.length <= (written.includes('=') ? written.indexOf('=') + 1 : 1) || BRACKETS.test(kept)) break;
    insertAt = token.start + kept.length;
    after = kept;
    accepted++;
  }
  if (firstProblem?.message.startsWith('The quoted value') && accepted === tokens.length) {
    // The open quote is the next token after the ones kept: close it where it most likely ends.
    const token = line.slice(firstProblem.range.start, firstProblem.range.end);
    const equals = token.indexOf('=');
    const quote = token[equals + 1];
    const value = token.slice(equals + 2);
    // `speaker="Sheila Smith} in …`: the quote was meant to close before the `}` typed after it.
    const typedBrace = value.indexOf('}');
    const punctuation = QUOTE_END.exec(value)?.index ?? -1;
    const reuse = typedBrace !== -1 && (punctuation === -1 || typedBrace <= punctuation);
    const end = reuse ? typedBrace : punctuation !== -1 ? punctuation : value.replace(/[ \t]+$/, '').length;
    if (end > 0 && !BRACKETS.test(value.slice(0, end)) && !endsInEscape(value.slice(0, end))) {
      insertAt = firstProblem.range.start + equals + 2 + end;
      closing = `${quote}}`;
      reusedBrace = reuse ? 1 : 0;
      after = `${token.slice(0, equals + 2)}${value.slice(0, end)}${quote}`;
    }
  }
  if (insertAt === -1) return [];
  const at = brace + insertAt;
  const title = closing === '}' ? `Close the attribute block after \`${after}\`` : `Close the quoted value and the attribute block after ${quotedForTitle(after)}`;
  const close = { range: { start: brace - 1, end: at + reusedBrace }, newText: `${text.slice(brace - 1, at)}${closing}` };
  if (opened) return [markupFix(title, [claimEdit(text, { start: problem.range.start, end: problem.range.start + 1 }), close], false)];
  // Closing a block with no `[` would only add a `}` to the article text: make the `[` meant too, or offer nothing.
  const opening = unclosed?.opening;
  return opening ? [markupFix(`${opening.title}, and ${title.charAt(0).toLowerCase()}${title.slice(1)}`, [...opening.edits, close], false)] : [];
}

/** Whether a quoted value's text ends in an unpaired backslash, which would escape the quote a fix adds after it. */
function endsInEscape(value: string): boolean {
  let backslashes = 0;
  for (let i = value.length - 1; i >= 0 && value[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}
