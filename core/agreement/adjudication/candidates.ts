// A reference report's `candidates`: the disagreements still to settle, each
// the disputed passage (`at`, code points of the clean text), its kind, and
// every annotator's version of it (their spans there, as version items):
//
//   candidates:
//     - at: 120-180
//       kind: boundary
//       versions:
//         jd: ["120-175 {.weakness theme=leadership}"]
//         mk: ["118-180 {.weakness theme=leadership}"]
//         rs: []
import type { Codebook } from '../../codebook/types';
import { CANDIDATES_FIELD } from '../../document/formatFields';
import type { FieldItem, FieldNode, ReportDocument } from '../../document/types';
import { quoteIfNeeded } from '../../document/yamlScalar';
import { codePointLength } from '../../text/codePoints';
import type { OffsetRange } from '../../text/range';
import { yamlDoubleQuoted } from '../../validate/nearMiss/yamlDoubleQuoted';
import { DISAGREEMENT_KINDS, type DisagreementKind } from '../disagreements';
import { readVersionItem, versionItemText, type MarkedPassage } from './passageMarkup';

export interface CandidateVersion {
  /** The annotator's name, as agreement names the copy. */
  readonly annotator: string;
  /** Their spans in the passage; none when they coded nothing there. */
  readonly spans: readonly MarkedPassage[];
}

/** One disagreement to settle. */
export interface Candidate {
  /** The disputed passage, in code points of the clean text. */
  readonly start: number;
  readonly end: number;
  readonly kind: DisagreementKind;
  readonly versions: readonly CandidateVersion[];
}

export interface CandidateList {
  /** The `candidates` field, when the report has one. */
  readonly field: FieldNode | undefined;
  /** The well-formed items, in the order written. */
  readonly entries: ReadonlyArray<{ readonly item: FieldItem; readonly candidate: Candidate }>;
  /** What is malformed, and where. */
  readonly problems: ReadonlyArray<{ readonly range: OffsetRange; readonly message: string }>;
}

const AT = /^(\d{1,15})-(\d{1,15})$/;

/** Reads the report's candidates; every malformed part is a problem, and the rest is still read. */
export function readCandidates(document: ReportDocument, codebook: Codebook): CandidateList {
  const field = document.frontMatter?.isMapping ? document.frontMatter.fields.find((f) => f.key === CANDIDATES_FIELD) : undefined;
  if (!field || field.value === null) return { field, entries: [], problems: [] };
  if (!Array.isArray(field.value)) {
    return { field, entries: [], problems: [{ range: field.valueRange, message: `\`${CANDIDATES_FIELD}\` must be a list of disagreements to settle, each with \`at\`, \`kind\` and \`versions\`.` }] };
  }
  const length = codePointLength(document.cleanText);
  const entries: Array<{ item: FieldItem; candidate: Candidate }> = [];
  const problems: Array<{ range: OffsetRange; message: string }> = [];
  for (const item of field.items ?? []) {
    const read = readCandidate(item.value, length, codebook);
    if ('problem' in read) problems.push({ range: item.range, message: `This candidate is malformed: ${read.problem}.` });
    else entries.push({ item, candidate: read });
  }
  return { field, entries, problems };
}

function readCandidate(value: unknown, length: number, codebook: Codebook): Candidate | { readonly problem: string } {
  if (!isMapping(value)) return { problem: 'it must be a mapping with `at`, `kind` and `versions`' };
  const at = typeof value.at === 'string' ? AT.exec(value.at) : null;
  if (!at) return { problem: '`at` must be `start-end`, in code points of the article text' };
  const start = Number(at[1]);
  const end = Number(at[2]);
  if (end <= start) return { problem: `\`at\` (${value.at}) is empty: the end must come after the start` };
  if (end > length) return { problem: `\`at\` (${value.at}) ends past the article text (${length} code points)` };
  if (!DISAGREEMENT_KINDS.includes(value.kind as DisagreementKind)) return { problem: `\`kind\` must be one of ${DISAGREEMENT_KINDS.join(', ')}` };
  if (!isMapping(value.versions)) return { problem: '`versions` must map each annotator to the list of their spans there' };
  const versions: CandidateVersion[] = [];
  for (const [annotator, items] of Object.entries(value.versions)) {
    // An annotator who coded nothing there may be written `name:` as well as `name: []`.
    if (items !== null && !Array.isArray(items)) return { problem: `the version of ${annotator} must be a list of \`start-end {.code …}\`` };
    const spans: MarkedPassage[] = [];
    for (const text of items ?? []) {
      if (typeof text !== 'string') return { problem: `each span of ${annotator}'s version must be text: \`start-end {.code …}\`` };
      const span = readVersionItem(text, codebook);
      if ('problem' in span) return { problem: `in ${annotator}'s version, ${span.problem}` };
      if (span.end > length) return { problem: `in ${annotator}'s version, \`${span.start}-${span.end}\` ends past the article text (${length} code points)` };
      spans.push(span);
    }
    versions.push({ annotator, spans });
  }
  if (versions.length === 0) return { problem: '`versions` names no annotator' };
  return { start, end, kind: value.kind as DisagreementKind, versions };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The `candidates` field as the front matter holds it, ending with a line break: a block list, or `[]` when none is left. */
export function candidatesField(candidates: readonly Candidate[], eol: string): string {
  if (candidates.length === 0) return `${CANDIDATES_FIELD}: []${eol}`;
  let text = `${CANDIDATES_FIELD}:${eol}`;
  for (const candidate of candidates) {
    text += `  - at: ${candidate.start}-${candidate.end}${eol}    kind: ${candidate.kind}${eol}    versions:${eol}`;
    for (const version of candidate.versions) text += `      ${yamlKey(version.annotator)}: [${version.spans.map((span) => yamlDoubleQuoted(versionItemText(span))).join(', ')}]${eol}`;
  }
  return text;
}

/** An annotator's name as a mapping key: plain when YAML reads it back as that text, else double-quoted. */
function yamlKey(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.-]*$/u.test(name) && quoteIfNeeded(name) === name ? name : yamlDoubleQuoted(name);
}
