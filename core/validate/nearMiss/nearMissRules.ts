import type { RuleTable } from '../../diagnostics/rule';
import { KEEP_AS_TEXT_FIELD } from '../../document/formatFields';
import type { RuleContext } from '../context';
import { KeepAsText } from './keepAsText';
import type { TextMarkup } from './textMarkupScan';
import { valueNearMisses } from './valueNearMisses';
import { yamlDoubleQuoted } from './yamlDoubleQuoted';

/** Markup that is almost right, and the `keep_as_text` list that silences what is meant as text. */
export const NEAR_MISS_RULES = {
  'markup-space-before-block': { severity: 'warning', description: 'A space between `]` and `{`: the would-be span is article text.' },
  'markup-block-brackets': { severity: 'warning', description: 'An attribute block after `]` written in `(…)` or `｛…｝`, or without its `{`: the would-be span is article text.' },
  'markup-second-block': { severity: 'warning', description: 'A second attribute block right after a span\'s: it is article text.' },
  'markup-stray-block': { severity: 'warning', description: 'An attribute block with a code in running text, with no `[…]` before it: nothing is tagged.' },
  'markup-bracket-slip': { severity: 'warning', description: 'A span\'s `[` or `]` typed as `(`, `)`, `{` or `}`, or its `]` missing: the would-be span is article text.' },
  'markup-stray-bracket': { severity: 'warning', description: 'A bracket too many by a span: a `]` or `}` after it that closes nothing, a `}` that ends its attribute block early, or a `[` never closed before it.' },
  'markup-typographic-quotes': { severity: 'warning', description: 'An attribute value in typographic quotes (“…”, ‘…’, «…»), which markup reads as part of the value.' },
  'markup-trailing-punctuation': { severity: 'warning', description: 'An attribute value or id ending in `,` or `;`.' },
  'markup-joined-tokens': { severity: 'warning', description: 'Two tokens of an attribute block run together, read as one free-text value or id (`organisation=Council,stance=welcomes`).' },
  'keep-as-text-invalid': { severity: 'error', description: '`keep_as_text` is not a list of text passages.' },
  'keep-as-text-unused': { severity: 'information', description: 'A `keep_as_text` passage that is no near-miss markup in the report.' },
} as const satisfies RuleTable;

export type NearMissRule = Exclude<keyof typeof NEAR_MISS_RULES, `keep-as-text-${string}`>;

type Context = RuleContext<keyof typeof NEAR_MISS_RULES>;

/**
 * Reports the near-misses (those of the article text, found by
 * scanTextMarkup, and those inside attribute blocks), except passages the
 * report's `keep_as_text` lists; checks that list.
 */
export function checkNearMisses(context: Context, markup: TextMarkup): void {
  const { document, codebook } = context;
  const keep = new KeepAsText(document);
  const kept = new Set<string>();
  for (const nearMiss of [...markup.nearMisses, ...valueNearMisses(document, codebook)]) {
    const fixes = nearMiss.fixes;
    if (nearMiss.passage) {
      const passage = document.text.slice(nearMiss.passage.start, nearMiss.passage.end);
      if (keep.has(passage)) {
        kept.add(passage);
        continue;
      }
      const keepFix = keep.fix(passage);
      if (keepFix) fixes.push(keepFix);
    }
    context.report(nearMiss.rule, nearMiss.range, nearMiss.message, fixes);
  }
  checkKeepList(context, keep, kept);
}

function checkKeepList(context: Context, keep: KeepAsText, kept: ReadonlySet<string>): void {
  const field = keep.field;
  if (!field || field.value === null) return;
  const text = context.document.text;
  if (!Array.isArray(field.value)) {
    const value = field.value;
    context.report('keep-as-text-invalid', field.valueRange, `\`${KEEP_AS_TEXT_FIELD}\` must be a list of passages kept as article text.`,
      typeof value === 'string' ? [{ title: 'Make it a list', edits: [{ range: field.valueRange, newText: `[${yamlDoubleQuoted(value)}]` }], preferred: true }] : []);
    return;
  }
  for (const item of field.items ?? []) {
    if (typeof item.value !== 'string') {
      const source = text.slice(item.range.start, item.range.end);
      context.report('keep-as-text-invalid', item.range, `An item of \`${KEEP_AS_TEXT_FIELD}\` must be text: quote it.`,
        source.trim() === '' ? [] : [{ title: 'Quote it', edits: [{ range: item.range, newText: yamlDoubleQuoted(source) }], preferred: true }]);
    } else if (!kept.has(item.value)) {
      context.report('keep-as-text-unused', item.range, `\`${item.value}\` is no near-miss markup in this report's text, so keeping it as text changes nothing.`,
        [keep.removeItemFix(item)]);
    }
  }
}
