// "Adjudicate": the reference report of an article, made from (or brought up
// to date with) the annotators' copies. Its article text is theirs (the same
// fingerprint); every span they all agree on is marked up; each disagreement
// is a candidate in its front matter for the adjudicator to settle
// (adjudicationRules.ts offers the fixes).
import type { Codebook } from '../../codebook/types';
import type { Adjudication } from './adjudicationResult';
import { articleFingerprint } from '../../document/articleFingerprint';
import { parseReport } from '../../document/parseReport';
import type { ReportDocument } from '../../document/types';
import { lineEndingOf } from '../../text/lineEnding';
import type { TextEdit } from '../../text/textEdit';
import { comparePaths } from '../../workspace/reportIndex';
import { annotationOf, annotatorOf, type AnnotatedSpan, type Annotation } from '../annotations';
import { groupByArticle } from '../articleGroups';
import { disagreementsOf, type Disagreement } from '../disagreements';
import { agreedPassages } from './agreedPassages';
import { candidatesField, type Candidate } from './candidates';
import { blockWithFreeIds, passageBlock } from './passageMarkup';
import { passageKey } from './passageKey';
import { newReferenceFrontMatter, referenceFieldEdits } from './referenceFrontMatter';
import { pathFromReference, referencePath } from './referenceName';
import { isReferenceAnnotator } from './referenceReports';
import { SpanAdder } from './spanAdder';

export type { Adjudication };

/** A report of the article, with its path (relative to any one root, with `/`). */
export interface ArticleReport {
  readonly path: string;
  readonly document: ReportDocument;
}

/**
 * Adjudicates an article from every report of it (reports with its clean
 * text, references included): creates the reference report, or updates the
 * first existing one (by path). An update keeps the reference's spans, adds
 * the agreed spans it lacks, and lists again the disagreements it has not
 * settled: those none of whose versions it already holds (the spans not
 * every annotator gave, each span of the version exactly). `taken` says
 * whether a path holds a report of another article.
 */
export function adjudicate(reports: readonly ArticleReport[], codebook: Codebook, taken: (path: string) => boolean): Adjudication {
  const sorted = [...reports].sort((a, b) => comparePaths(a.path, b.path));
  if (new Set(sorted.map((report) => articleFingerprint(report.document))).size > 1) return { kind: 'refused', message: 'These reports are not copies of one article: their article texts differ.' };
  const references = sorted.filter((report) => isReferenceAnnotator(annotatorOf(report.document)));
  const copies = sorted.filter((report) => !references.includes(report));
  if (copies.length < 2) {
    return { kind: 'refused', message: `Adjudication needs at least two annotators' copies of the article (reports with the same article text), and ${copies.length === 1 ? `only ${copies[0].path} was found` : 'none was found'}.` };
  }
  const annotations = copies.map((copy) => annotationOf(copy.path, copy.document, codebook));
  const [group] = groupByArticle(annotations);
  // Each copy's ids by passage, so that the spans keep the ids annotators gave them.
  const ids = new Map(copies.map((copy, i) => [copy.path, idsByPassage(copy.document, annotations[i])]));
  const agreed = agreedPassages(group).map((span) => {
    const key = passageKey(span);
    const given = copies.map((copy) => ids.get(copy.path)!.get(key));
    // An id all annotators gave the span.
    return { span, id: given.every((id) => id !== undefined && id === given[0]) ? given[0] : undefined };
  });
  const agreedKeys = new Set(agreed.map(({ span }) => passageKey(span)));
  const existing = references[0] as ArticleReport | undefined;
  const path = existing?.path ?? referencePath(copies.map((copy) => copy.path), taken);
  const held = new Set(existing ? annotationOf(existing.path, existing.document, codebook).spans.map(passageKey) : []);
  const open = disagreementsOf([group], [...codebook.codes.keys()]).filter((row) => !settled(row, held, agreedKeys));
  const eol = lineEndingOf(existing?.document.text ?? copies[0].document.text);
  const fields = { adjudicatedFrom: copies.map((copy) => pathFromReference(path, copy.path)), fingerprint: group.fingerprint, candidates: candidatesField(open.map((row) => candidateOf(row, codebook, ids)), eol) };

  let text: string;
  if (existing) {
    const edits = referenceFieldEdits(existing.document, fields);
    if ('refused' in edits) return { kind: 'refused', message: `The reference report ${existing.path} cannot be updated: ${edits.refused}.` };
    text = applyEdits(existing.document.text, edits);
  } else {
    text = newReferenceFrontMatter(copies[0].document, fields) + group.text;
  }
  const marked = markAgreed(text, agreed, codebook);
  // The article text is sacred: a reference whose text is not the copies' is never handed out.
  if (parseReport(marked.text).cleanText !== group.text) throw new Error(`adjudicate: the reference's article text differs from its copies' (${path})`);
  return { kind: 'reference', path, text: marked.text, created: !existing, copies: copies.length, agreed: marked.added, unplaced: marked.unplaced, candidates: open.length };
}

/** Whether the reference holds one version exactly: every span of it that not all annotators gave (there must be one). */
function settled(row: Disagreement, held: ReadonlySet<string>, agreed: ReadonlySet<string>): boolean {
  return row.coded.some(({ spans }) => {
    const contested = spans.map(passageKey).filter((key) => !agreed.has(key));
    return contested.length > 0 && contested.every((key) => held.has(key));
  });
}

function candidateOf(row: Disagreement, codebook: Codebook, ids: ReadonlyMap<string, ReadonlyMap<string, string>>): Candidate {
  return {
    start: row.start,
    end: row.end,
    kind: row.kind,
    versions: row.coded.map((coded) => ({
      annotator: coded.annotator,
      spans: coded.spans.map((span) => ({ ...span, block: passageBlock(span, codebook, ids.get(coded.path)?.get(passageKey(span))) })),
    })),
  };
}

/** The id of the first span with each passageKey that has one. */
function idsByPassage(document: ReportDocument, annotation: Annotation): Map<string, string> {
  const ids = new Map<string, string>();
  for (const span of annotation.spans) {
    const id = document.spans[span.index]?.ids[0]?.value;
    const key = passageKey(span);
    if (id !== undefined && !ids.has(key)) ids.set(key, id);
  }
  return ids;
}

/**
 * The text with the agreed spans it lacks marked up: all together when they
 * nest with its spans; otherwise one by one, each that can be (a reference
 * whose spans were changed by hand), the others counted as unplaced.
 */
function markAgreed(text: string, agreed: ReadonlyArray<{ span: AnnotatedSpan; id: string | undefined }>, codebook: Codebook): { text: string; added: number; unplaced: number } {
  let document = parseReport(text);
  const have = new Set(annotationOf('', document, codebook).spans.map(passageKey));
  const missing = agreed.filter(({ span }) => !have.has(passageKey(span)));
  const ids = new Set(document.spans.flatMap((span) => span.ids.map((id) => id.value)));
  const toAdd = ({ span, id }: { span: AnnotatedSpan; id: string | undefined }) => ({ start: span.startUtf16, end: span.endUtf16, block: blockWithFreeIds(passageBlock(span, codebook, id), ids) });
  const spans = missing.map(toAdd);
  const together = new SpanAdder(document).add(spans);
  if ('edits' in together) return { text: applyEdits(text, together.edits), added: spans.length, unplaced: 0 };
  let added = 0;
  for (const span of spans) {
    const one = new SpanAdder(document).add([span]);
    if (!('edits' in one)) continue;
    document = parseReport(applyEdits(document.text, one.edits));
    added++;
  }
  return { text: document.text, added, unplaced: missing.length - added };
}

/** Applies edits that do not overlap, in any order. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let result = '';
  let at = 0;
  for (const edit of ordered) {
    result += text.slice(at, edit.range.start) + edit.newText;
    at = edit.range.end;
  }
  return result + text.slice(at);
}
