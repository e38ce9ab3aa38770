import type { RuleTable } from '../diagnostics/rule';
import type { Span } from '../document/types';
import { LineIndex } from '../text/lineIndex';
import type { RuleContext } from './context';
import { removeTokenFix } from './fixes';

export const ID_RULES = {
  'id-duplicate': { severity: 'error', description: 'Two spans, or one span twice, use the same `#id`.' },
} as const satisfies RuleTable;

type Context = RuleContext<keyof typeof ID_RULES>;

/** Span ids: one per span, each used once in the report. */
export function checkIds(context: Context): void {
  let firstUseOfId: Map<string, Span> | undefined;
  // Built for the first duplicate only: most reports have none, and need no line numbers.
  let lines: LineIndex | undefined;
  const lineOf = (offset: number) => (lines ??= new LineIndex(context.document.text)).position(offset).line + 1;
  for (const span of context.document.spans) {
    if (span.ids.length > 0) checkSpanIds(context, span, (firstUseOfId ??= new Map()), lineOf);
  }
}

function checkSpanIds(context: Context, span: Span, firstUseOfId: Map<string, Span>, lineOf: (offset: number) => number): void {
  const text = context.document.text;
  span.ids.forEach((id, position) => {
    const earlier = firstUseOfId.get(id.value);
    if (position > 0) {
      context.report('id-duplicate', id.tokenRange, `A span has one id; \`#${id.value}\` is a second one.`, [removeTokenFix(text, id.tokenRange, 'Remove the extra id')]);
    } else if (earlier) {
      const line = lineOf(earlier.range.start);
      context.report('id-duplicate', id.tokenRange, `The id \`#${id.value}\` is already used on line ${line}.`, [removeTokenFix(text, id.tokenRange, 'Remove the duplicate id')]);
    } else {
      firstUseOfId.set(id.value, span);
    }
  });
}
