/**
 * Copies of one article by several annotators are one article in the
 * dataset: which copies a summary or an export counts. By default ('one'),
 * an article coded once counts as it is; of an article with several copies
 * only its reference report counts (`annotator: adjudicated`), else its
 * first reviewed copy (`status: reviewed`, in path order), else none until
 * one is reviewed or adjudicated. 'all' counts every copy.
 */
import { articleFingerprint } from '../document/articleFingerprint';
import { scalarFieldText } from '../document/fieldValueText';
import { TEXT_FINGERPRINT_FIELD } from '../document/formatFields';
import { readFrontMatter } from '../document/frontMatter';
import type { FieldNode, ReportDocument } from '../document/types';
import { isFingerprint } from '../text/fingerprint';
import { comparePaths } from '../workspace/reportIndex';
import { isReferenceAnnotator } from './adjudication/referenceReports';
import { ANNOTATOR_FIELD, STATUS_FIELD, trimmedFieldText } from './annotations';

export type CopiesPolicy = 'one' | 'all';
export const COPIES_POLICIES: readonly CopiesPolicy[] = ['one', 'all'];

/** The `status` value of a copy checked by a second annotator. */
export const REVIEWED_STATUS = 'reviewed';

/** What choosing among copies needs of a report. */
export interface CopyFacts {
  readonly path: string;
  /** The article's fingerprint; undefined when not known (the report then counts on its own). */
  readonly fingerprint: string | undefined;
  readonly annotator: string | undefined;
  readonly status: string | undefined;
}

/** The facts of a parsed report: its clean text's actual fingerprint. */
export function copyFactsOf(path: string, document: ReportDocument): CopyFacts {
  return { path, fingerprint: articleFingerprint(document), ...fieldFacts(document.frontMatter?.fields ?? []) };
}

/**
 * The facts of a report's text from its front matter alone, the fingerprint
 * as recorded in `text_sha256` (undefined without a valid one): a fast path
 * for a first pass over a corpus, equal to copyFactsOf for every report
 * whose recorded fingerprint is right (one that is not fails
 * `text-fingerprint`, an error).
 */
export function copyFactsOfHead(path: string, text: string): CopyFacts {
  const fields = readFrontMatter(text, text.charCodeAt(0) === 0xfeff ? 1 : 0).frontMatter?.fields ?? [];
  const recorded = scalarFieldText(fields.find((field) => field.key === TEXT_FINGERPRINT_FIELD)?.value);
  return { path, fingerprint: recorded !== undefined && isFingerprint(recorded) ? recorded : undefined, ...fieldFacts(fields) };
}

function fieldFacts(fields: readonly FieldNode[]): { annotator: string | undefined; status: string | undefined } {
  const value = (key: string) => trimmedFieldText(fields.find((field) => field.key === key)?.value);
  return { annotator: value(ANNOTATOR_FIELD), status: value(STATUS_FIELD) };
}

export interface CopySelection {
  /** The paths left out, with why. */
  readonly leftOut: ReadonlyMap<string, string>;
  /** Articles with several copies, and how many of them count (one copy each). */
  readonly articlesWithCopies: number;
  readonly articlesCounted: number;
}

/** Which copies count under a policy: linear in the reports (one sort). */
export function selectCopies(facts: readonly CopyFacts[], policy: CopiesPolicy): CopySelection {
  const leftOut = new Map<string, string>();
  if (policy === 'all') return { leftOut, articlesWithCopies: 0, articlesCounted: 0 };
  const groups = new Map<string, CopyFacts[]>();
  for (const copy of [...facts].sort((a, b) => comparePaths(a.path, b.path))) {
    if (copy.fingerprint === undefined) continue;
    const group = groups.get(copy.fingerprint);
    if (group) group.push(copy);
    else groups.set(copy.fingerprint, [copy]);
  }
  let articlesWithCopies = 0;
  let articlesCounted = 0;
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    articlesWithCopies++;
    const chosen = group.find((copy) => isReferenceAnnotator(copy.annotator)) ?? group.find((copy) => copy.status === REVIEWED_STATUS);
    if (chosen) articlesCounted++;
    for (const copy of group) {
      if (copy === chosen) continue;
      leftOut.set(copy.path, chosen ? `another copy of the article counts: ${chosen.path}` : 'a copy of an article coded by several annotators, none of whose copies is reviewed or adjudicated yet');
    }
  }
  return { leftOut, articlesWithCopies, articlesCounted };
}
