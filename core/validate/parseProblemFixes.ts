import type { ParseProblem, ReportDocument } from '../document/types';
import type { Fix } from './diagnostic';
import { replaceFix } from './context';

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
      const eol = document.text.includes('\r\n') ? '\r\n' : '\n';
      const before = end > 0 && document.text[end - 1] !== '\n' ? eol : '';
      return [replaceFix('Close the front matter with `---`', { start: end, end }, `${before}---${eol}`, true)];
    }
    default:
      return [];
  }
}

/** The quote character of a quoted value that runs unterminated to `end`, or ''. */
function unterminatedQuote(document: ReportDocument, end: number): string {
  const open = document.problems.find((p) => p.code === 'span-syntax' && p.range.end === end && p.message.startsWith('The quoted value'));
  if (!open) return '';
  return /=(["'])/.exec(document.text.slice(open.range.start, open.range.end))?.[1] ?? '';
}
