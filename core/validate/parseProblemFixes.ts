import type { Codebook } from '../codebook/types';
import type { Fix } from '../diagnostics/diagnostic';
import type { RuleTable } from '../diagnostics/rule';
import type { ParseProblem, ReportDocument, Span } from '../document/types';
import { insertFrontMatterFix } from '../language/newFrontMatter';
import { lineEndingOf } from '../text/lineEnding';
import { unclosedQuoteFixes } from './fieldValueFixes';
import { replaceFix } from './fixes';
import { closeBlockFix } from './nearMiss/closeBlockFix';
import type { TextMarkup } from './nearMiss/textMarkupScan';
import { tokenSlip } from './nearMiss/tokenSlipFixes';

// The parser finds these problems (document/types.ts, ParseProblemCode); the
// validator reports them under the same ids, with these severities.

/** Problems of the front matter's delimiters and YAML. */
export const FRONT_MATTER_SYNTAX_RULES = {
  'frontmatter-missing': { severity: 'error', description: 'The report does not start with YAML front matter between `---` lines.' },
  'frontmatter-unclosed': { severity: 'error', description: 'The front matter has no closing `---` line.' },
  'yaml-syntax': { severity: 'error', description: 'The front matter is not valid YAML, or not a mapping.' },
  'frontmatter-too-complex': { severity: 'error', description: 'The front matter is too long, too deeply nested or uses too many aliases to be read.' },
} as const satisfies RuleTable;

/** Problems of the span markup. */
export const SPAN_SYNTAX_RULES = {
  'span-unclosed': { severity: 'error', description: 'A span\'s attribute block `{` is not closed on its line.' },
  'span-stray-close': { severity: 'error', description: 'A `]{…}` that closes no span.' },
  'span-syntax': { severity: 'error', description: 'A token in an attribute block that is not `.code`, `#id` or `key=value`, or an unclosed quote.' },
} as const satisfies RuleTable;

/**
 * A parse problem as reported: its message (with what a slip inside an
 * attribute block most likely meant) and its fixes. `markup` is what the
 * pass over the article text found (scanTextMarkup).
 */
export function describeParseProblem(document: ReportDocument, problem: ParseProblem, codebook: Codebook, markup: TextMarkup): { message: string; fixes: Fix[] } {
  switch (problem.code) {
    case 'span-unclosed':
      return { message: problem.message, fixes: closeBlockFix(document, problem, markup.unclosedBlocks.get(problem.range.start)) };
    case 'span-stray-close':
      return { message: problem.message, fixes: markup.strayCloseFixes.get(problem.range.start) ?? [] };
    case 'span-syntax': {
      // Only in a span's block: the block of a stray `]{…}` is article text, which these fixes must not edit.
      const span = spanWithBlockAt(document, problem.range.start);
      if (!span) return { message: problem.message, fixes: [] };
      const slip = tokenSlip(document, codebook, problem, span);
      return { message: problem.message + slip.hint, fixes: slip.fixes };
    }
    default:
      return { message: problem.message, fixes: frontMatterFixes(document, problem, codebook) };
  }
}

const spansByBlock = new WeakMap<ReportDocument, readonly Span[]>();

/** The span whose attribute block holds `offset`; its spans sorted by their blocks are built once per report, for the first problem that needs them. */
function spanWithBlockAt(document: ReportDocument, offset: number): Span | undefined {
  let sorted = spansByBlock.get(document);
  if (!sorted) {
    sorted = [...document.spans].sort((a, b) => a.attributeRange.start - b.attributeRange.start);
    spansByBlock.set(document, sorted);
  }
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const { start, end } = sorted[mid].attributeRange;
    if (offset < start) high = mid - 1;
    else if (offset >= end) low = mid + 1;
    else return sorted[mid];
  }
  return undefined;
}

/** Mechanical repairs for the front matter the parser could not read. */
function frontMatterFixes(document: ReportDocument, problem: ParseProblem, codebook: Codebook): Fix[] {
  switch (problem.code) {
    case 'frontmatter-missing':
      return [insertFrontMatterFix(document, codebook)];
    case 'frontmatter-unclosed': {
      const end = document.frontMatter?.contentRange.end ?? problem.range.end;
      const eol = lineEndingOf(document.text);
      const before = end > 0 && document.text[end - 1] !== '\n' ? eol : '';
      return [replaceFix('Close the front matter with `---`', { start: end, end }, `${before}---${eol}`, true)];
    }
    case 'yaml-syntax':
      return [...unclosedQuoteFixes(document)];
    default:
      return [];
  }
}
