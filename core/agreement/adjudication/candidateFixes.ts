// The code actions that settle a candidate of a reference report: take one
// annotator's version (add those of their spans the report lacks; one fix
// for annotators who coded the passage alike), take every version (when
// they nest), or code nothing there. Each also takes the
// candidate out of the list. None is preferred: which is right is the
// adjudicator's call, never "fix all"'s.
import type { Fix } from '../../diagnostics/diagnostic';
import type { TextEdit } from '../../text/textEdit';
import type { Candidate } from './candidates';
import { blockWithFreeIds, type MarkedPassage } from './passageMarkup';
import { passageKey } from './passageKey';
import type { SpanAdder } from './spanAdder';

export interface CandidateSettling {
  readonly fixes: readonly Fix[];
  /** Why a version cannot be taken, one clause each. */
  readonly notes: readonly string[];
}

export interface SettlingContext {
  readonly adder: SpanAdder;
  /** The passageKey of every span the report has. */
  readonly present: ReadonlySet<string>;
  /** The ids the report's spans have: a span added with one of them goes without it. */
  readonly ids: ReadonlySet<string>;
  /** A code point offset of the clean text in UTF-16 units. */
  readonly utf16: (codePoint: number) => number;
}

/** The fixes for one candidate; `removal` takes its item out of the list (without it, no fix can be offered). */
export function candidateFixes(candidate: Candidate, removal: TextEdit | undefined, context: SettlingContext): CandidateSettling {
  if (!removal) return { fixes: [], notes: [] };
  const fixes: Fix[] = [];
  const notes: string[] = [];
  const coded = candidate.versions.filter((version) => version.spans.length > 0);
  const take = (spans: readonly MarkedPassage[], title: string, who: string): boolean => {
    const local = new Set<string>();
    const taken = { has: (id: string) => context.ids.has(id) || local.has(id), add: (id: string) => local.add(id) };
    const added = context.adder.add(lacking(spans, context.present).map((span) => ({ start: context.utf16(span.start), end: context.utf16(span.end), block: blockWithFreeIds(span.block, taken) })));
    if ('refused' in added) {
      notes.push(added.overBudget ? `Not every fix is offered: ${added.refused}.` : `${who} cannot be taken: ${added.refused}.`);
      return !added.overBudget;
    }
    fixes.push({ title, edits: [...added.edits, removal], preferred: false });
    return true;
  };
  // Annotators who coded the passage alike share one fix.
  const alike = new Map<string, { annotators: string[]; spans: readonly MarkedPassage[] }>();
  for (const version of coded) {
    const key = version.spans.map(passageKey).sort().join('\n');
    const same = alike.get(key);
    if (same) same.annotators.push(version.annotator);
    else alike.set(key, { annotators: [version.annotator], spans: version.spans });
  }
  let withinBudget = true;
  for (const { annotators, spans } of alike.values()) {
    const whose = `${possessives(annotators)} version`;
    withinBudget = take(spans, `Take ${whose}`, whose);
    if (!withinBudget) break;
  }
  if (withinBudget && alike.size > 1) take(coded.flatMap((version) => version.spans), 'Take every version', 'Every version together');
  fixes.push({ title: 'Code nothing here', edits: [removal], preferred: false });
  return { fixes, notes };
}

/** The spans the report does not have yet, each once. */
function lacking(spans: readonly MarkedPassage[], present: ReadonlySet<string>): MarkedPassage[] {
  const seen = new Set<string>();
  const result: MarkedPassage[] = [];
  for (const span of spans) {
    const key = passageKey(span);
    if (present.has(key) || seen.has(key)) continue;
    seen.add(key);
    result.push(span);
  }
  return result;
}

/** "jd's", "jd's and rs's", "jd's, mk's and rs's". */
function possessives(names: readonly string[]): string {
  const each = names.map((name) => `${name}'s`);
  return each.length === 1 ? each[0] : `${each.slice(0, -1).join(', ')} and ${each[each.length - 1]}`;
}
