import type { ParseProblem, ReportDocument } from '../document/types';
import type { Fix } from './diagnostic';
import { replaceFix } from './context';

/** Mechanical repairs for markup the parser could not read. */
export function parseProblemFixes(document: ReportDocument, problem: ParseProblem): Fix[] {
  switch (problem.code) {
    case 'span-unclosed':
      return [replaceFix('Close the attribute block with `}`', { start: problem.range.end, end: problem.range.end }, '}', false)];
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
