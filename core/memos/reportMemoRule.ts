import type { RuleTable } from '../diagnostics/rule';
import { REPORT_MEMO_FIELD } from '../document/formatFields';
import type { RuleContext } from '../validate/context';
import { replaceFix } from '../validate/fixes';
import { reportMemoField } from './reportMemo';

export const REPORT_MEMO_RULES = {
  'report-memo-type': { severity: 'warning', description: 'The report memo (the front-matter field `memo`) is not text.' },
} as const satisfies RuleTable;

type Context = RuleContext<keyof typeof REPORT_MEMO_RULES>;

/**
 * The report memo must be text: a list or a mapping is no note, and a
 * number or `true` would be exported as YAML reads it, not as written. A
 * warning, not an error: a memo never stops an export. An empty `memo:` is
 * no memo.
 */
export function checkReportMemo(context: Context): void {
  const field = reportMemoField(context.document);
  if (!field || field.value === null || typeof field.value === 'string') return;
  const written = context.document.text.slice(field.valueRange.start, field.valueRange.end);
  if (field.children || field.items || typeof field.value === 'object') {
    context.report('report-memo-type', field.valueRange,
      `\`${REPORT_MEMO_FIELD}\` is the report's memo, one text: write it as a block (\`${REPORT_MEMO_FIELD}: |\` and the note on the indented lines below), not as ${field.items || Array.isArray(field.value) ? 'a list' : 'a mapping'}.`);
    return;
  }
  // A number, `true` or `false`: quoted, it is the text as written.
  context.report('report-memo-type', field.valueRange,
    `\`${REPORT_MEMO_FIELD}\` is the report's memo, one text, but YAML reads \`${written}\` as ${typeof field.value === 'number' ? 'a number' : 'true or false'}: quote it.`,
    [replaceFix('Quote the memo', field.valueRange, JSON.stringify(written))]);
}
