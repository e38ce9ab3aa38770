import type { Fix } from '../diagnostics/diagnostic';
import type { RuleTable } from '../diagnostics/rule';
import type { ParseProblem, ReportDocument } from '../document/types';
import { lineEndingOf } from '../text/lineEnding';
import { replaceFix } from './fixes';

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

/** Mechanical repairs for markup the parser could not read. */
export function parseProblemFixes(document: ReportDocument, problem: ParseProblem): Fix[] {
  switch (problem.code) {
    case 'span-unclosed': {
      // A quoted value left open up to the line end must be closed first, or `}` only joins the value.
      const quote = unterminatedQuote(document, problem.range.end);
      return [replaceFix(quote ? `Close the quoted value and the attribute block with \`${quote}}\`` : 'Close the attribute block with `}`',
        { start: problem.range.end, end: problem.range.end }, `${quote}}`, false)];
    }
    case 'frontmatter-unclosed': {
      const end = document.frontMatter?.contentRange.end ?? problem.range.end;
      const eol = lineEndingOf(document.text);
      const before = end > 0 && document.text[end - 1] !== '\n' ? eol : '';
      return [replaceFix('Close the front matter with `---`', { start: end, end }, `${before}---${eol}`, true)];
    }
    default:
      return [];
  }
}

/** The quote character of a quoted value that runs unterminated to `end`, or ''. */
function unterminatedQuote(document: ReportDocument, end: number): string {
  const open = openQuotesByEnd(document).get(end);
  if (!open) return '';
  return /=(["'])/.exec(document.text.slice(open.range.start, open.range.end))?.[1] ?? '';
}

const openQuotes = new WeakMap<ReportDocument, ReadonlyMap<number, ParseProblem>>();

/** The report's unterminated quoted values by where they end: indexed once, not searched once per unclosed block. */
function openQuotesByEnd(document: ReportDocument): ReadonlyMap<number, ParseProblem> {
  let byEnd = openQuotes.get(document);
  if (!byEnd) {
    const map = new Map<number, ParseProblem>();
    for (const p of document.problems) {
      if (p.code === 'span-syntax' && p.message.startsWith('The quoted value') && !map.has(p.range.end)) map.set(p.range.end, p);
    }
    byEnd = map;
    openQuotes.set(document, byEnd);
  }
  return byEnd;
}
