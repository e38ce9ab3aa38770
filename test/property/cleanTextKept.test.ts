import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { BUILTIN_CODEBOOK, defaultCodebook, type Codebook, type Diagnostic, type OffsetRange, type ReportDocument, type TextEdit } from '../../core';
import { buildCodebook } from '../../core/codebook/loadCodebook';
import { parseReport } from '../../core/document/parseReport';
import { attributeBlockContext } from '../../core/language/attributeBlockContext';
import { spanThemes } from '../../core/language/attributeValues';
import { completionsAt } from '../../core/language/completions';
import { fixAllEdits } from '../../core/language/fixAll';
import { referenceTargetAt } from '../../core/language/references';
import { renameEdits } from '../../core/language/rename';
import { planTagging, type TagValues } from '../../core/language/tagEdit';
import { tagSelectionActions } from '../../core/language/tagSelection';
import { memoEdits } from '../../core/memos/memoEdit';
import { lineBreakLength, lineStartOf, nextLineBreak } from '../../core/text/lineBreaks';
import { validateReport } from '../../core/validate/validateReport';
import { applyClientEdits, cleanTextWithout, describeDifference, expandSnippet, sha256, splitsLineBreak, splitsSurrogatePair, unrepresentableBoundary } from '../helpers/cleanTextEdits';

// The article text is sacred: nothing the product writes (a completion, a
// quick fix, "fix all", a rename, a tagging, a memo) may change the clean text,
// except a fix marked `removesTextMarkup`, which removes exactly the
// characters it edits. Reports are generated with sound and broken markup,
// odd line endings and characters, and every edit each path offers is
// applied as the editor applies it, then the report is parsed again.
// Fixes are enumerated from the diagnostics, so new rules are covered
// without naming them here.

// FINDINGS_FC_RUNS raises the number of reports for a longer local search.
// FINDINGS_FC_SEED searches other reports.
const RUNS = Number(process.env.FINDINGS_FC_RUNS) || 100;
const SEED = Number(process.env.FINDINGS_FC_SEED) || 20240611;

// ---------------------------------------------------------------------------
// Codebooks: the built-in one, and a workspace one (so that built-in entries
// can be renamed) with a code of several theme attributes and a required
// field whose default needs quoting.

const WORKSPACE_CODEBOOK = [
  'name: study',
  'codes:',
  '  concern:',
  '    label: Concern',
  '    description: A concern the text raises.',
  '    attributes:',
  '      theme: { values: themes, multiple: true }',
  '      topic: { values: themes }',
  '      level: { required: true, values: [low, high] }',
  'themes:',
  '  transport:',
  '    label: Transport',
  '    definition: Home-to-school transport.',
  'fields:',
  '  region:',
  '    type: string',
  '    required: true',
  '    description: The region.',
  "    default: 'North: \"East\" #1'",
  '',
].join('\n');

function workspaceCodebook(text: string): Codebook {
  const result = buildCodebook(BUILTIN_CODEBOOK, { kind: 'workspace', path: '/w/codebook.yaml', text });
  assert.deepEqual(result.diagnostics, [], 'the workspace codebook builds without diagnostics');
  return result.codebook;
}

const CODEBOOKS: readonly Codebook[] = [defaultCodebook(), workspaceCodebook(WORKSPACE_CODEBOOK)];

// ---------------------------------------------------------------------------
// Reports. Line breaks are written as NL and replaced per report, so that a
// report can mix LF, CR LF and lone CR.

const NL = '\u0000';

const TEXT = fc.constantFrom(
  'Inspectors found ', 'leaders ', 'the local area', 'x', ' ', ' ', '  ', '\t', '\u00A0', 'é', 'e\u0301', '日本語', '\u{1F600}',
  '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}', '\u200B', '\u200D', '\uFEFF', '\u2028', '“quoted”', '—', '[sic]', '[1]', '[…]', '[', ']',
  '{', '}', '{.weakness}', ']{', '] {', '---', '...', '# Heading', 'key: value', '\\', '"', "'", '=', '.', '#', '<b>', '`code`',
  NL, NL, NL, `${NL}${NL}`, `${NL}---${NL}`, `${NL}...${NL}`, 'theme=health', ':', '- item',
);

/** Markup the parser cannot read, or reads as text: unclosed and stray blocks, near misses, missing and repeated parts. */
const BROKEN = fc.constantFrom(
  `[unclosed]{.weakness theme=health${NL}`, `[open quote]{.strength theme="health${NL}`, '[two]{.x [blocks]{.y', ']{.weakness theme=health}', ']{.x}',
  '[]{.strength theme=health}', '[ \t]{.strength theme=health}', '[near miss] {.weakness theme=health}', '[no dot]{weakness theme=health}',
  '[spaced]{ .weakness theme=health }', '[paren]( .weakness)', '[double]{{.weakness}}', '[extra]{.weakness theme=health}}',
  '[comma]{.weakness, theme=health}', '[upper]{.Weakness theme=health}', '[typo]{.weaknes theme=helth}', '[missing]{.weakness}',
  '[ids]{.quote #a #b speaker=x}', '[dup]{.quote .quote speaker=x}', '[dup]{.quote speaker=a speaker=b}', '[bad]{.quote =x word "}',
  '{.weakness theme=health}', '[[double]]{.improvement}', '[sic]{.weakness theme=health}', '[a]{#same .wsoa}', '[b]{#same .wsoa}',
  `[line${NL}break]{.concern level=low}`, '[x]{.concern}', '[x]{.concern level=medium topic="health transport"}', '[x]{}', '[x]{ }',
  '[x]{.weakness theme="health}"}', '[x]{.quote speaker="a \\"b\\" c" role=parent}', "[x]{.quote speaker='it\\'s' role=parent}",
  '[curly]{.weakness theme=\u201Chealth\u201D}', '[single]{.quote speaker=\u2018a b\u2019}', '[guillemets]{.quote speaker=\u00ABa\u00BB}',
  '[comma]{.weakness theme=health,}', '[semicolon]{.wsoa #id9;}', '[wide]\uFF5B.weakness theme=health\uFF5D', '(paren]{.weakness theme=health}',
  '[paren){.weakness theme=health}', '[brace}{.weakness theme=health}', '[no close{.weakness theme=health}', '[x]{.weakness theme=health}]',
  '[x]{.weakness theme=health}{.quote}', '[x]{.weakness severty=moderate theme=health}', '[x]{.quote speker=a}', '[x]{.weakness themes=health}',
);

const GAP = fc.constantFrom(' ', ' ', '  ', '\t');
const CODE = fc.constantFrom('.weakness', '.weakness', '.strength', '.quote', '.wsoa', '.concern', '.response', '.Weakness', '.weaknes', '.unknown', '.', '.a.b', '.weakness');
const OTHER_TOKEN = fc.constantFrom(
  'theme=health', 'theme=health', 'theme=health,education', 'theme="health education"', "theme='leadership'", 'theme=', 'theme=nope', 'theme="health}"',
  'severity=moderate', 'severity="very bad"', 'speaker="a \\"b\\" c"', 'role=parent', 'level=high', 'level=', 'topic=transport', 'topic="transport health"',
  'stance=agrees', 'k=', '=x', 'word', '#id1', '#id1', '#x-2', '#', '.quote', 'theme="open',
);

/** An attribute block: usually a code, then ids and attributes; now and then unclosed. */
const BLOCK = fc.tuple(CODE, fc.array(fc.tuple(GAP, OTHER_TOKEN), { maxLength: 3 }), fc.constantFrom('', '', '', ' '), fc.nat(19))
  .map(([code, rest, trailing, roll]) => `{${code}${rest.map(([gap, token]) => gap + token).join('')}${trailing}${roll === 0 ? '' : '}'}`);

/** Spans nest up to three deep; the passage of a span is short, the article around them longer. */
const { span: SPAN } = fc.letrec<{ passage: string; span: string }>((tie) => ({
  passage: fc.array(fc.oneof({ maxDepth: 3, depthIdentifier: 'span' }, { arbitrary: TEXT, weight: 5 }, { arbitrary: tie('span'), weight: 3 }, { arbitrary: BROKEN, weight: 1 }), { minLength: 1, maxLength: 5, depthIdentifier: 'span' })
    .map((parts) => parts.join('')),
  span: fc.tuple(tie('passage'), BLOCK).map(([inner, block]) => `[${inner}]${block}`),
}));

const BODY = fc.array(fc.oneof({ arbitrary: TEXT, weight: 5 }, { arbitrary: SPAN, weight: 3 }, { arbitrary: BROKEN, weight: 1 }), { maxLength: 24, size: 'medium' }).map((parts) => parts.join(''));

/** Values for each front-matter field: valid ones first (chosen more often), then wrong ones. */
const FIELD_VALUES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['area', ['Darlington', 'Hartlepool', 'Stoke', 'Cumbria', 'Atlantis', '"Brighton & Hove"', '', '[a, b]']],
  ['framework', ['"2016"', '2016', '"2023"', '"2019"', 'x']],
  ['inspection_type', ['full', 'revisit', 'monitoring', 'ful']],
  ['outcome', ['no_wsoa', 'wsoa_required', 'positive', 'inconsistent', 'nope', '']],
  ['annotator', ['jd', '"José Ñ"', '日本', '']],
  ['status', ['draft', 'reviewed', 'drafts']],
];

const EXTRA_FIELDS = fc.constantFrom(
  'published: 2020-01-01', 'published: 2020-13-45', 'inspectorates: [Ofsted, CQC]', 'inspectorates: ofsted', 'inspection_dates: 2020-01-01',
  `source:${NL}  publisher: BBC${NL}  url: https://example.org/a`, `source:${NL}  url: ftp://x`, 'source: BBC', 'partners: [a, b]',
  'areas: Darlington', 'Area: Darlington', 'area: Darlington', 'status: [draft, reviewed', 'keep_as_text: ["[sic] {x}"]', 'keep_as_text: []',
  'text_sha256: @HASH@', 'text_sha256: 0000', 'text_sha256: ""', 'region: North', '"quoted key": v', ': :', 'x: &a [1]', '# a comment',
  'keep_as_text: "[near miss] {.weakness theme=health}"', 'keep_as_text: [1]', 'keep_as_text: ["[near miss] {.weakness theme=health}"]', 'annotator: "jd',
  // A reference report's candidates, whose fixes add the annotators' spans.
  `candidates:${NL}  - at: 0-9${NL}    kind: boundary${NL}    versions:${NL}      jd: ["0-9 {.weakness theme=health}", "2-5 {#id1 .quote speaker=x}"]${NL}      mk: ["3-12 {.weakness theme=health}"]${NL}      rs: []`,
  `candidates: [{at: 1-6, kind: code, versions: {jd: ["1-6 {.strength theme=health}"], mk: ["1-4 {.concern level=low}"]}}, {at: 0-2, kind: missing, versions: {jd: []}}]`,
);

const FRONT_MATTER = fc.record({
  shape: fc.constantFrom('closed', 'closed', 'closed', 'closed', 'dots', 'unclosed', 'none', 'empty'),
  fields: fc.tuple(...FIELD_VALUES.map(([key, values]) => fc.tuple(fc.nat(9), fc.nat(values.length - 1)).map(([roll, pick]) => (roll === 0 ? undefined : `${key}: ${values[roll < 6 ? 0 : pick]}`.trimEnd())))),
  extra: fc.array(EXTRA_FIELDS, { maxLength: 3 }),
});

/** Whole reports at the edges, checked in every run: empty, a first line being typed as front matter, delimiters only. */
const EDGE_REPORTS: readonly string[] = [
  '', '-', '--', '---', '---\n', '---\r\n', '---\r', '\uFEFF', '\uFEFF---\n', '\n', '\r\n', '\nArticle text\n', '---\nArticle text\n',
  '---\r\nArticle [text]{.weakness theme=health}\r\n', '---\n---\nbody', '---\r\n---\r\nbody', '--- \nArticle', '...\n',
  'plain article [sic] without front matter\n', '---\narea: Darlington\n', '---\narea: Darlington\n\nbody [a]{.weakness}\n',
  '\uFEFF---\r\narea: Hartlepool\r\n---\r\n[a]{.weakness}\r\n',
  // A quoted value left open that ends in a backslash: a quote added after it would be escaped.
  '\uFEFF---\n---\n[Inspectors found ]{.weakness theme="open\\',
];

/** The smallest reports that broke an edit path once, checked in every run (each known issue below has its witness here or in EDGE_REPORTS). */
const FOUND_REPORTS: readonly string[] = [
  '---\n---\n[]{.weakness',
  '---\n---\n[two]{.x [blocks]{.y',
  '\uFEFF---\r\n---\r\n[[Inspectors found ]{.weakness]{.weakness',
  '---\n---\n]{{.weakness}',
  '---\n---\n[]]{.weakness word =x}',
  '---\n---\n[[]{}]{.weakness}Inspectors found ]{.weakness level= word}',
  '---\n---\n[[]Inspectors found ]{.weakness}Inspectors found ]{. word}',
  '---\n---\n[sic][]{.strength theme=health}{}',
  '---\n---\nInspectors found ',
  '---\n...\n[]{.weakness',
  '---\r\narea: Darlington\r\nframework: "2016"\r\ninspection_type: full\r\noutcome: no_wsoa\r\nannotator: jd\r\nstatus: draft\r\n\r\n',
  '\uFEFF---\nstatus: draft\r---\n',
  '---\r---\r[]{.weakness severity="very bad"',
  '---\r\n---\r\n[[bad]{.quote =x word "}]{.weakness',
  '---\n---\n[[[Inspectors found ]{.weakness]{.weakness]{.weakness[[[\r\n]{.weakness]{.weaknessInspectors found ]{.weakness[Inspectors found ]{.weakness}',
  '---\n---\n[[[Inspectors found ]{.weakness]{.weakness theme="open]{.weakness }',
  '---\n---\n[[]{="]{.weakness[[dup]{.quote speaker=a speaker=b}]{.weakness theme="open]{.weakness',
  '\uFEFF---\n---\n[[Inspectors found ]{.weakness theme="openInspectors found ]{.weakness theme="open theme="open[Inspectors found ]{.weakness}',
  '---\narea: Darlington\nframework: "2016"\ninspection_type: full\noutcome: no_wsoa\nannotator: jd\nstatus: draft\n\n[\n]{.weakness}---',
  '\uFEFF---\narea: Darlington\n---\n[]{#Inspectors found ...[\n\n]{.weakness}]{.weakness}',
  '[\uFEFF]{.weakness[Inspectors found ]{.weakness}',
  '\uFEFF---\n---\n[…][[]{.weakness theme=health}]{.wsoa}{.weakness}Inspectors found ]{.weakness',
  '\uFEFF---\n---\n[x]{.weakness theme="health}"}',
];

interface GeneratedReport {
  readonly text: string;
  readonly codebook: number;
  /** Seeds the samples of offsets, proposals, names and selections. */
  readonly seed: number;
}

/** The report's line breaks: the first for the front matter, all of them in turn in the body. */
const LINE_BREAKS = fc.oneof(
  { arbitrary: fc.constant(['\n']), weight: 5 },
  { arbitrary: fc.constant(['\r\n']), weight: 3 },
  { arbitrary: fc.constant(['\r']), weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom('\n', '\r\n'), fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 3 })).map(([first, rest]) => [first, ...rest]), weight: 2 },
);

function assemble(frontMatter: { shape: string; fields: ReadonlyArray<string | undefined>; extra: readonly string[] }, body: string, breaks: readonly string[], bom: boolean): string {
  const lines = [...frontMatter.fields.filter((line): line is string => line !== undefined), ...frontMatter.extra];
  let head = '';
  switch (frontMatter.shape) {
    case 'closed': head = ['---', ...lines, '---', ''].join(NL); break;
    case 'dots': head = ['---', ...lines, '...', ''].join(NL); break;
    // Now and then a blank line, where an unclosed front matter ends.
    case 'unclosed': head = ['---', ...lines, ''].join(NL) + (lines.length % 2 === 0 ? NL : ''); break;
    case 'empty': head = `---${NL}---${NL}`; break;
    default: head = '';
  }
  let next = 0;
  const text = (bom ? '\uFEFF' : '') + head.replace(/\u0000/g, breaks[0]) + body.replace(/\u0000/g, () => breaks[next++ % breaks.length]);
  if (!text.includes('@HASH@')) return text;
  // The correct fingerprint of the article (the placeholder has the hash's length, so offsets stay put).
  const placeholder = '0'.repeat(64);
  const withPlaceholder = text.replace(/@HASH@/g, placeholder);
  return withPlaceholder.replace(new RegExp(placeholder, 'g'), sha256(parseReport(withPlaceholder).cleanText));
}

const GENERATED = fc.record({ frontMatter: FRONT_MATTER, body: BODY, breaks: LINE_BREAKS, bom: fc.nat(9).map((n) => n === 0) })
  .map(({ frontMatter, body, breaks, bom }) => assemble(frontMatter, body, breaks, bom));

const REPORT: fc.Arbitrary<GeneratedReport> = fc.record({
  text: GENERATED,
  codebook: fc.nat(CODEBOOKS.length - 1),
  seed: fc.integer(),
});

// ---------------------------------------------------------------------------
// The check, and what each path is expected to leave.

type PathName = 'completions' | 'fixes' | 'fix-all' | 'renames' | 'taggings' | 'memos';

const checked: Record<PathName, number> = { completions: 0, fixes: 0, 'fix-all': 0, renames: 0, taggings: 0, memos: 0 };

/** What an edit must leave of the clean text. */
type Expectation =
  /** The clean text as it was (or, for a fix that removes markup read as text, less the edited characters). */
  | { readonly kind: 'clean'; readonly clean: string }
  /**
   * A completion that writes the front matter on the first line of a report
   * without one (none, unclosed, or not a mapping: article text read as
   * YAML): that line was being typed as front matter, and everything after
   * it is the article, kept as it is.
   */
  | { readonly kind: 'newFrontMatter'; readonly clean: string }
  /**
   * A completion in an attribute block still being typed (unclosed, or with
   * no `[`), which the parser reads as text until it is finished: the text
   * before its `]` and after its line is kept.
   */
  | { readonly kind: 'openBlock'; readonly close: number; readonly lineEnd: number };

interface EditCase {
  readonly path: PathName;
  readonly what: string;
  readonly edits: readonly TextEdit[];
  readonly expectation: Expectation;
  /** For a completion: the cursor, which its edit must contain on one line (LSP). */
  readonly cursor?: number;
}

/** A broken expectation: `expected` and `actual` are the clean texts when they differ. */
interface Failure {
  readonly editCase: EditCase;
  readonly before: ReportDocument;
  readonly problem: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly after?: ReportDocument;
}

/**
 * Known problems in edit paths being fixed elsewhere: each is matched as
 * narrowly as it can be and counted; the fix of the problem removes its entry.
 */
interface KnownIssue {
  readonly name: string;
  readonly matches: (failure: Failure) => boolean;
}

const KNOWN_ISSUES: readonly KnownIssue[] = [
  {
    // A block left unclosed by an open quote is text to its line's end, and the parser reads a later
    // `]{…}` inside that text as a block of its own; an edit inside the later block (a rename of a
    // theme in its quoted value) can end the earlier quote elsewhere and close the earlier block.
    name: 'knownIssue: an edit in a block inside the text of an unclosed block on its line',
    matches: ({ editCase: { path, edits }, before }) => (path === 'renames' || path === 'fixes' || path === 'fix-all' || path === 'memos') && edits.some((edit) => {
      const span = before.spans.find((s) => s.attributeRange.start < edit.range.start && edit.range.end < s.attributeRange.end);
      return span !== undefined && unclosedBlockBefore(before, span);
    }),
  },
];

/** Whether a `]{` left unclosed (text to its line's end) comes before the span's `]` on the span's closing line. */
function unclosedBlockBefore(document: ReportDocument, span: ReportDocument['spans'][number]): boolean {
  const text = document.text;
  const closes = new Set(document.spans.map((s) => s.textRange.end));
  for (let at = lineStartOf(text, span.textRange.end); at < span.textRange.end; at++) {
    if (text[at] === ']' && text[at + 1] === '{' && !closes.has(at)) {
      if (document.problems.some((p) => p.code === 'span-unclosed' && p.range.end >= span.range.end && p.range.start <= at)) return true;
    }
  }
  return false;
}

const knownIssueCounts = new Map<string, number>(KNOWN_ISSUES.map((issue) => [issue.name, 0]));

/** Fails the test with the report, the edits and where the clean texts part, unless the failure is a known issue (then counted). */
function report(failure: Failure): void {
  const known = KNOWN_ISSUES.find((issue) => issue.matches(failure));
  if (known) {
    knownIssueCounts.set(known.name, knownIssueCounts.get(known.name)! + 1);
    return;
  }
  const { editCase, before, problem, expected, actual } = failure;
  const lines = [`${editCase.path}: ${editCase.what}: ${problem}`, `report: ${JSON.stringify(before.text)}`, `edits: ${JSON.stringify(editCase.edits)}`];
  if (expected !== undefined && actual !== undefined) {
    lines.push(describeDifference(expected, actual), `clean text before: ${JSON.stringify(before.cleanText)}`, `clean text after:  ${JSON.stringify(actual)}`);
  }
  assert.fail(lines.join('\n'));
}

/** Applies the edits as the editor would and holds the result to the expectation. */
function check(before: ReportDocument, editCase: EditCase): void {
  checked[editCase.path]++;
  let after: ReportDocument | undefined;
  const fail = (problem: string, expected?: string, actual?: string) => report({ editCase, before, problem, expected, actual, after });
  const { edits, expectation, cursor } = editCase;
  if (cursor !== undefined) {
    const { start, end } = edits[0].range;
    if (start > cursor || end < cursor) return fail('the completion\'s range does not contain the cursor');
    if (nextLineBreak(before.text, start) < end) return fail('the completion\'s range spans lines');
  }
  const unrepresentable = unrepresentableBoundary(before.text, edits);
  if (unrepresentable) return fail(unrepresentable);
  let text: string;
  try {
    text = applyClientEdits(before.text, edits);
  } catch (error) {
    return fail((error as Error).message);
  }
  after = parseReport(text);
  if (expectation.kind === 'openBlock') {
    for (const edit of edits) {
      if (edit.range.start <= expectation.close || edit.range.end > expectation.lineEnd || /[\r\n]/.test(edit.newText)) {
        return fail(`the edit leaves the attribute block being typed (${expectation.close}..${expectation.lineEnd})`);
      }
    }
    const kept = before.cleanText.slice(0, before.sourceToClean(expectation.close));
    const keptAfter = before.cleanText.slice(before.sourceToClean(expectation.lineEnd));
    if (!after.cleanText.startsWith(kept) || !after.cleanText.endsWith(keptAfter) || after.cleanText.length < kept.length + keptAfter.length) {
      return fail('the clean text outside the attribute block being typed changed', before.cleanText, after.cleanText);
    }
    return;
  }
  const expected = expectation.clean;
  if (after.cleanText === expected && sha256(after.cleanText) === sha256(expected)) return;
  fail(expectation.kind === 'newFrontMatter' ? 'the article after the new front matter is not the text after the first line' : 'the clean text changed', expected, after.cleanText);
}

/** A small seeded generator for the samples taken from each report (fast-check fixes the seed of the report). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample<T>(items: readonly T[], count: number, next: () => number): T[] {
  if (items.length <= count) return [...items];
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < count) picked.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
  return picked;
}

/** Offsets a cursor can take: not between a CR and its LF, nor inside a surrogate pair. */
function isCursorOffset(text: string, offset: number): boolean {
  // Before a byte order mark is no place in the editor either: it never shows the mark.
  return !(offset === 0 && text.charCodeAt(0) === 0xfeff) && !splitsLineBreak(text, offset) && !splitsSurrogatePair(text, offset);
}

// ---------------------------------------------------------------------------
// The paths.

const TODAY = '2024-06-11';
const SHORT_REPORT = 120;

/** Every offset of a short report; for a longer one the interesting offsets and a seeded sample. */
function completionOffsets(document: ReportDocument, next: () => number): number[] {
  const text = document.text;
  const all = Array.from({ length: text.length + 1 }, (_, offset) => offset).filter((offset) => isCursorOffset(text, offset));
  if (text.length <= SHORT_REPORT) return all;
  const chosen = new Set<number>([0, 1, 3, document.bodyStart, text.length]);
  const frontMatter = document.frontMatter;
  if (frontMatter) for (const at of [frontMatter.contentRange.start, frontMatter.contentRange.end, frontMatter.range.end]) chosen.add(at);
  for (let at = text.indexOf('{'); at !== -1; at = text.indexOf('{', at + 1)) for (const offset of [at + 1, at + 2]) chosen.add(offset);
  for (let at = text.indexOf('}'); at !== -1; at = text.indexOf('}', at + 1)) chosen.add(at);
  for (let at = text.indexOf('='); at !== -1; at = text.indexOf('=', at + 1)) chosen.add(at + 1);
  for (let at = text.indexOf(':'); at !== -1 && at < document.bodyStart; at = text.indexOf(':', at + 1)) chosen.add(at + 2);
  const special = sample([...chosen].filter((offset) => offset <= text.length && isCursorOffset(text, offset)), 25, next);
  return [...new Set([...special, ...sample(all, 25, next)])];
}

function completionExpectation(document: ReportDocument, offset: number, edit: TextEdit): Expectation {
  const text = document.text;
  const first = document.hasBom ? 1 : 0;
  const firstLineEnd = nextLineBreak(text, first);
  // A front matter that is closed and a mapping (perhaps empty) holds fields; anything else below the first line is the article.
  const fields = document.frontMatter?.closed === true && document.frontMatter.isMapping;
  if (!fields && edit.range.start <= first && edit.range.end >= firstLineEnd) {
    // The article: the rest read as the body of a report.
    const rest = text.slice(firstLineEnd + lineBreakLength(text, firstLineEnd));
    return { kind: 'newFrontMatter', clean: parseReport(`---\n---\n${rest}`).cleanText };
  }
  const block = attributeBlockContext(text, offset, document.bodyStart);
  if (block && !document.spans.some((span) => span.attributeRange.start === block.open)) {
    return { kind: 'openBlock', close: block.close, lineEnd: nextLineBreak(text, block.open) };
  }
  return { kind: 'clean', clean: document.cleanText };
}

/**
 * Sampled: a seeded sample of offsets and of their proposals, with or
 * without snippets. Exhaustive: every offset, and every proposal in the
 * body (the front matter's many values are sampled still).
 */
function checkCompletions(document: ReportDocument, codebook: Codebook, next: () => number, exhaustive: boolean): void {
  const offsets = exhaustive ? Array.from({ length: document.text.length + 1 }, (_, offset) => offset).filter((offset) => isCursorOffset(document.text, offset)) : completionOffsets(document, next);
  for (const offset of offsets) {
    for (const snippets of exhaustive ? [true] : [next() >= 0.2]) {
      const proposals = completionsAt(document, codebook, offset, { today: TODAY, snippets });
      // Many proposals (the areas) differ only in the name they write: a sample of them, always the first.
      const all = (exhaustive && offset >= document.bodyStart) || proposals.length <= 4;
      for (const proposal of all ? proposals : [proposals[0], ...sample(proposals.slice(1), 3, next)]) {
        const what = `completion ${JSON.stringify(proposal.label)} at offset ${offset} (snippets ${snippets})`;
        const edit = { range: proposal.range, newText: proposal.snippet ? expandSnippet(proposal.insertText) : proposal.insertText };
        check(document, { path: 'completions', what, edits: [edit], expectation: completionExpectation(document, offset, edit), cursor: offset });
      }
    }
  }
}

function fixExpectation(document: ReportDocument, removing: readonly TextEdit[]): Expectation {
  return { kind: 'clean', clean: removing.length === 0 ? document.cleanText : cleanTextWithout(document, removing.map((edit) => edit.range)) };
}

/** The rules whose fixes were checked: printed, to show which rules the generated reports reach. */
const fixedRules = new Set<string>();

function checkFixes(document: ReportDocument, diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) {
    for (const fix of diagnostic.fixes) {
      fixedRules.add(diagnostic.rule);
      check(document, {
        path: 'fixes',
        what: `${diagnostic.rule} fix ${JSON.stringify(fix.title)}${fix.removesTextMarkup ? ' (removes markup read as text)' : ''}`,
        edits: fix.edits,
        expectation: fixExpectation(document, fix.removesTextMarkup ? fix.edits : []),
      });
    }
  }
}

/** "Fix all", and again on its result (as a user pressing it twice), up to three rounds. */
function checkFixAll(document: ReportDocument, diagnostics: readonly Diagnostic[], codebook: Codebook): void {
  let current = document;
  let currentDiagnostics = diagnostics;
  for (let round = 1; round <= 3; round++) {
    const edits = fixAllEdits(currentDiagnostics);
    if (edits.length === 0) return;
    const removing = new Set(currentDiagnostics.flatMap((d) => d.fixes.filter((fix) => fix.removesTextMarkup).flatMap((fix) => fix.edits)));
    check(current, { path: 'fix-all', what: `fix all, round ${round}`, edits, expectation: fixExpectation(current, edits.filter((edit) => removing.has(edit))) });
    current = parseReport(applyClientEdits(current.text, edits));
    currentDiagnostics = validateReport(current, codebook);
  }
}

/** Every code and theme of the report renamed to a fresh name and to names already taken (a sample of them unless exhaustive). */
function checkRenames(document: ReportDocument, codebook: Codebook, next: () => number, exhaustive: boolean): void {
  // Each code and theme as the server finds it: the symbol at an offset of its name.
  const offsets = document.spans.flatMap((span) => [...span.codes.map((code) => code.range.start), ...spanThemes(span, codebook).map((part) => part.range.start)]);
  const targets = new Map<string, { kind: 'code' | 'theme'; name: string }>();
  for (const offset of offsets) {
    const target = referenceTargetAt(document, codebook, offset);
    if (target) targets.set(`${target.kind}:${target.name}`, { kind: target.kind, name: target.name });
  }
  const written = [...targets.values()].map((target) => target.name);
  for (const target of targets.values()) {
    // A fresh name, names the codebook or the report already use (collisions), and the name itself.
    const taken = ['weakness', 'quote', 'health', 'transport', 'concern', target.name, ...written];
    const names = ['renamed', ...(exhaustive ? [...codebook.codes.keys(), ...codebook.themes.keys(), ...taken] : sample(taken, 3, next))];
    for (const newName of new Set(names)) {
      const result = renameEdits({ reports: [{ path: 'report', document }], codebook, target, newName, workspaceCodebook: 'missing' });
      if (!result.ok) continue;
      const edits = result.edits.get('report') ?? [];
      const what = `rename ${target.kind} ${target.name} to ${newName}`;
      check(document, { path: 'renames', what, edits, expectation: { kind: 'clean', clean: document.cleanText } });
      if (exhaustive && result.codebook) checkRenamedCodebook(result.codebook.text, result.codebookEdits, target.kind, newName, what);
    }
  }
}

/** The workspace codebook after a rename still builds cleanly and defines the new name. */
function checkRenamedCodebook(text: string, edits: readonly TextEdit[], kind: 'code' | 'theme', newName: string, what: string): void {
  const renamed = applyClientEdits(text, edits);
  const result = buildCodebook(BUILTIN_CODEBOOK, { kind: 'workspace', path: '/w/codebook.yaml', text: renamed });
  assert.deepEqual(result.diagnostics.map((d) => d.message), [], `${what}: the codebook after the rename has problems:\n${renamed}`);
  assert.ok((kind === 'code' ? result.codebook.codes : result.codebook.themes).has(newName), `${what}: the codebook after the rename defines no ${kind} ${newName}:\n${renamed}`);
}

const TAG_THEMES: ReadonlyArray<readonly string[]> = [[], ['health'], ['health', 'transport'], ['a b'], ['x"y}'], ['']];
const TAG_ATTRIBUTES: ReadonlyArray<Readonly<Record<string, string>>> = [
  {}, { speaker: 'one "parent"', role: 'parent' }, { level: 'high' }, { stance: 'a}b' }, { note: `line${'\r\n'}break` }, { odd: '\\' }, { severity: '' },
];

/** A selection, often starting or ending at markup (a bracket or a brace) or at a line break. */
function selection(text: string, next: () => number): { start: number; end: number } {
  const marks: number[] = [];
  for (let at = 0; at < text.length; at++) if ('[]{}\r\n'.includes(text[at])) marks.push(at, at + 1);
  const pick = () => {
    const at = marks.length > 0 && next() < 0.5 ? marks[Math.floor(next() * marks.length)] : Math.floor(next() * (text.length + 1));
    return isCursorOffset(text, at) ? at : Math.max(0, at - 1);
  };
  const a = pick();
  const b = pick();
  // Now and then a backwards selection, as a client may send.
  return next() < 0.1 ? { start: Math.max(a, b), end: Math.min(a, b) } : { start: Math.min(a, b), end: Math.max(a, b) };
}

/**
 * Tagging as the tag request does it (planTagging, several selections) and
 * as the code action does it (tagSelectionActions, one). Exhaustive: every
 * selection of the report alone, both ways.
 */
function checkTaggings(document: ReportDocument, codebook: Codebook, next: () => number, exhaustive: boolean): void {
  const text = document.text;
  const codes = [...codebook.codes.keys()];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const plans: Array<readonly OffsetRange[]> = [];
  const actions: OffsetRange[] = [];
  if (exhaustive) {
    const offsets = Array.from({ length: text.length + 1 }, (_, offset) => offset).filter((offset) => isCursorOffset(text, offset));
    for (const start of offsets) for (const end of offsets) if (end > start) {
      plans.push([{ start, end }]);
      actions.push({ start, end });
    }
  } else {
    for (let plan = 0; plan < 6; plan++) plans.push(Array.from({ length: 1 + Math.floor(next() * 3) }, () => selection(text, next)));
    for (let action = 0; action < 3; action++) actions.push(selection(text, next));
  }
  for (const selections of plans) {
    const code = pick(codes);
    const values: TagValues = { themes: pick(TAG_THEMES), attributes: pick(TAG_ATTRIBUTES) };
    const tagging = planTagging(document, codebook, selections, code, values);
    if (!tagging) continue;
    const what = `tag ${JSON.stringify(selections)} as ${code} with ${JSON.stringify(values)}`;
    const at = (offset: number) => ({ start: offset, end: offset });
    const clean: Expectation = { kind: 'clean', clean: document.cleanText };
    check(document, { path: 'taggings', what, edits: tagging.insertions.map((i) => ({ range: at(i.offset), newText: i.text })), expectation: clean });
    if (tagging.insertions.some((i) => i.snippet !== undefined)) {
      const edits = tagging.insertions.map((i) => ({ range: at(i.offset), newText: i.snippet === undefined ? i.text : expandSnippet(i.snippet) }));
      check(document, { path: 'taggings', what: `${what} (snippet)`, edits, expectation: clean });
    }
  }
  for (const chosen of actions) {
    for (const tag of tagSelectionActions(document, codebook, chosen)) {
      check(document, { path: 'taggings', what: `${tag.title} on ${JSON.stringify(chosen)}`, edits: tag.edits, expectation: { kind: 'clean', clean: document.cleanText } });
    }
  }
}

/** Memos with what their quoting must survive; '' removes one. */
const MEMOS: readonly string[] = ['note', '', 'a "b" \\ c', '}{][', `line${'\r\n'}break\rand`, 'memo="x"} [y]{.weakness', '\\', '\u{1F600} é', ' '];

/** A memo set, replaced or removed on passages of the report (every passage and memo when exhaustive, a sample otherwise). */
function checkMemos(document: ReportDocument, next: () => number, exhaustive: boolean): void {
  for (const span of exhaustive ? document.spans : sample(document.spans, 4, next)) {
    for (const memo of exhaustive ? MEMOS : sample(MEMOS, 3, next)) {
      check(document, { path: 'memos', what: `memo ${JSON.stringify(memo)} on span ${span.index}`, edits: memoEdits(document, span, memo), expectation: { kind: 'clean', clean: document.cleanText } });
    }
  }
}

let HOSTILE_REPORTS = 0;

const PATHS: readonly PathName[] = ['completions', 'fixes', 'fix-all', 'renames', 'taggings', 'memos'];

function runPath(path: PathName, report: GeneratedReport, exhaustive = false): void {
  const codebook = CODEBOOKS[report.codebook];
  const document = parseReport(report.text);
  const next = random(report.seed);
  switch (path) {
    case 'completions': return checkCompletions(document, codebook, next, exhaustive);
    case 'fixes': return checkFixes(document, validateReport(document, codebook));
    case 'fix-all': return checkFixAll(document, validateReport(document, codebook), codebook);
    case 'renames': return checkRenames(document, codebook, next, exhaustive);
    case 'taggings': return checkTaggings(document, codebook, next, exhaustive);
    case 'memos': return checkMemos(document, next, exhaustive);
  }
}

describe('clean text kept by every edit path', function () {
  this.timeout(60_000);

  after(() => {
    const known = [...knownIssueCounts].map(([name, count]) => `${name}: ${count}`).join('; ');
    console.log(`    clean text kept over ${RUNS} generated reports, ${(EDGE_REPORTS.length + FOUND_REPORTS.length) * CODEBOOKS.length} edge and past-failure cases and ${HOSTILE_REPORTS} hostile reports; edits checked: completions ${checked.completions}, fixes ${checked.fixes}, fix-all ${checked['fix-all']}, renames ${checked.renames}, taggings ${checked.taggings}, memos ${checked.memos}; fixes of ${fixedRules.size} rules (${[...fixedRules].sort().join(', ')})${known ? `; tolerated ${known}` : ''}`);
  });

  describe('generated reports (fast-check)', () => {
    for (const path of PATHS) {
      it(`${path} leave the clean text as it is (${RUNS} reports)`, () => {
        const examples = [...EDGE_REPORTS, ...FOUND_REPORTS].flatMap((text) => CODEBOOKS.map((_, codebook): [GeneratedReport] => [{ text, codebook, seed: text.length }]));
        fc.assert(fc.property(REPORT, (report) => runPath(path, report)), { numRuns: RUNS + examples.length, seed: SEED, examples });
      });
    }
  });

  describe('hostile inputs, at every offset and selection', () => {
    /** Every path; exhaustive (every offset, proposal, name and selection) for those named, sampled for the others. */
    const run = (text: string, exhaustive: readonly PathName[]) => {
      HOSTILE_REPORTS++;
      for (const path of PATHS) runPath(path, { text, codebook: 1, seed: 1 }, exhaustive.includes(path));
    };
    /** An article as pasted from a web page: BOM, CR LF, zero-width characters, non-breaking spaces, a `---` line, brackets of the text. */
    const PASTED = 'Inspectors found [sic] that\u200B leaders\u00A0… vary.\r\n---\r\nParents said \u201Cit\u2019s hard\u201D \u{1F600}\u200D.\r\n\r\n[1] Footnote.\r\n';

    it('a pasted article without front matter, with a BOM, and with `---` typed above it', () => {
      run(PASTED, ['completions', 'taggings']);
      run(`\uFEFF${PASTED}`, ['completions']);
      run(`---\r\n${PASTED}`, ['completions']);
      run(`\uFEFF---${PASTED.slice(PASTED.indexOf('\r\n'))}`, ['completions']);
    });

    it('a pasted article under a front matter, tagged, with broken markup and a closing `---` inside the text', () => {
      const front = '---\r\narea: Stoke\r\nframework: 2016\r\ninspection_type: full\r\noutcome: no_wsoa\r\nannotator: jd\r\nstatus: draft\r\nregion: North\r\n---\r\n';
      run(`${front}[Inspectors found [sic]]{.weakness theme=health} [that\u200B]{.concern level=low topic="transport health"}\r\n---\r\n[x] {.weakness}`, ['completions', 'renames']);
      run(`${front}[unclosed]{.weakness theme="health\r\n]{.stray}\u200B[\u{1F600}]{#a .quote #a speaker=\u00A0}`, ['completions', 'renames']);
    });

    it('renames to names that collide with codes and themes of the codebook and of the report', () => {
      run('---\n---\n[a]{.concern level=low theme=transport} [b]{.weaknes theme=health} [c]{.weakness .weaknes theme="transport \\"x\\" health" topic=transport} [d]{.quote speaker=health}', ['renames']);
    });

    it('tagging selections that start or end inside markup', () => {
      run('---\n---\nA [b [c]{.quote} d]{.weakness theme=health}\r\ne [sic] f]{.x} {.y}\rg', ['taggings']);
    });

    it('memos on nested passages, on blocks with repeated memos, odd blanks and quotes; a report memo to quote', () => {
      run('---\nmemo: 42\n---\nA [b [c]{.quote memo="x" memo=y} d]{.weakness\ttheme=health }\r\n[e]{memo=\'it\\\'s\' .x}[f]{}[g]{ }', ['memos']);
    });
  });
});
