// The candidates of a reference report, checked: each an information on
// its passage with the fixes that settle it (candidateFixes), each malformed
// item an error (the rules of adjudicationRules.ts).
import { annotationOf } from '../agreement/annotations';
import { candidateFixes } from '../agreement/adjudication/candidateFixes';
import { describeCandidate } from '../agreement/adjudication/candidateMessage';
import { readCandidates } from '../agreement/adjudication/candidates';
import { listItemRemoval } from '../agreement/adjudication/listItemRemoval';
import { passageKey } from '../agreement/adjudication/passageKey';
import { SpanAdder } from '../agreement/adjudication/spanAdder';
import type { ReportDocument } from '../document/types';
import { utf16OffsetsOfCodePoints } from '../text/codePoints';
import type { ADJUDICATION_RULES } from './adjudicationRules';
import type { RuleContext } from './context';

type Context = RuleContext<keyof typeof ADJUDICATION_RULES>;

/**
 * How much work the fixes of one report's candidates may take, in
 * characters parsed and spans visited (SpanAdder): some hundred
 * milliseconds at most. A report of ordinary size never comes near it.
 */
const FIX_BUDGET = 4_000_000;

/** Problems of the front matter after which its lines cannot be edited safely. */
const FRONT_MATTER_PROBLEMS: ReadonlySet<string> = new Set(['frontmatter-missing', 'frontmatter-unclosed', 'yaml-syntax', 'frontmatter-too-complex']);

export function checkCandidates(context: Context): void {
  const { document, codebook } = context;
  const list = readCandidates(document, codebook);
  for (const problem of list.problems) context.report('adjudication-candidates-invalid', problem.range, problem.message);
  if (list.entries.length === 0 || !list.field) return;
  const utf16 = utf16Lookup(document, list.entries.flatMap(({ candidate }) => [candidate.start, candidate.end, ...candidate.versions.flatMap((version) => version.spans.flatMap((span) => [span.start, span.end]))]));
  const present = new Set(annotationOf('', document, codebook).spans.map(passageKey));
  const editable = document.frontMatter?.closed === true && !document.problems.some((problem) => FRONT_MATTER_PROBLEMS.has(problem.code));
  const ids = new Set(document.spans.flatMap((span) => span.ids.map((id) => id.value)));
  const settling = { adder: new SpanAdder(document, FIX_BUDGET), present, ids, utf16 };
  for (const { item, candidate } of list.entries) {
    const removal = editable ? listItemRemoval(document.text, list.field, item) : undefined;
    const { fixes, notes } = candidateFixes(candidate, removal, settling);
    const start = utf16(candidate.start);
    const end = utf16(candidate.end);
    const range = { start: document.cleanToSource(start), end: document.cleanToSource(end - 1) + 1 };
    context.report('adjudication-candidate', range, [describeCandidate(candidate), ...notes].join(' '), [...fixes]);
  }
}

/** UTF-16 offsets of the clean text for code point offsets, all converted in one pass. */
function utf16Lookup(document: ReportDocument, codePoints: readonly number[]): (codePoint: number) => number {
  const converted = utf16OffsetsOfCodePoints(document.cleanText, codePoints);
  const map = new Map<number, number>();
  codePoints.forEach((point, index) => map.set(point, converted[index]));
  return (point) => map.get(point) ?? point;
}
