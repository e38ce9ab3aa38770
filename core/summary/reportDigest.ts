import type { Codebook } from '../codebook/types';
import type { ReportDocument } from '../document/types';
import { frontMatterFields } from '../export/findingRecords';
import { countDocument, type Counts } from '../stats/counts';
import { LineIndex } from '../text/lineIndex';
import { ownCopy, withOwnStrings } from '../text/ownCopy';
import type { LineRange } from '../text/range';
import type { Diagnostic } from '../validate/diagnostic';
import { reportArea, reportFieldText, spanFindingFacts } from './findingFacts';

/** One passage as the findings list shows it, without its report's path and URI (which depend on the scope). */
export interface DigestFinding {
  readonly index: number;
  readonly codes: readonly string[];
  readonly themes: readonly string[];
  readonly text: string;
  readonly memo: string | null;
  /** Where the tagged text is in the source, zero-based lines and UTF-16 characters. */
  readonly range: LineRange;
}

/** The front-matter facts a summary tallies reports by. */
export interface DigestFields {
  readonly area: string | null;
  readonly framework: string | null;
  readonly outcome: string | null;
  readonly status: string | null;
  readonly annotator: string | null;
}

/**
 * What one analysed report gives every summary it is part of, computed once
 * per report version while the parsed report is at hand: a summary, its
 * findings pages and its aggregates then never parse a report again.
 */
export interface ReportDigest {
  readonly fields: DigestFields;
  readonly counts: Counts;
  readonly findings: readonly DigestFinding[];
  readonly errors: number;
  readonly warnings: number;
}

export function digestReport(document: ReportDocument, diagnostics: readonly Diagnostic[], codebook: Codebook, lines: LineIndex = new LineIndex(document.text)): ReportDigest {
  const fields = frontMatterFields(document);
  const { spans, byCode, byTheme, byCodeAndTheme } = countDocument('', document, codebook);
  const findings = document.spans.map((span): DigestFinding => {
    const { codes, themes, text, memo } = spanFindingFacts(document, span, codebook);
    const { start, end } = lines.range(span.textRange);
    return new KeptFinding(span.index, interned(codes), interned(themes), text, memo === null ? null : ownCopy(memo), start.line, start.character, end.line, end.character);
  });
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') errors++;
    else if (diagnostic.severity === 'warning') warnings++;
  }
  return {
    // Copies: an index keeps digests long after the report's text.
    fields: withOwnStrings({
      area: reportArea(fields),
      framework: reportFieldText(fields.framework),
      outcome: reportFieldText(fields.outcome),
      status: reportFieldText(fields.status),
      annotator: reportFieldText(fields.annotator),
    }),
    counts: { spans, byCode, byTheme, byCodeAndTheme },
    findings,
    errors,
    warnings,
  };
}

/**
 * A finding as an index keeps it for every report of a corpus: its range as
 * four numbers (the range object is made when read), its codes and themes
 * lists shared with every finding that has the same.
 */
class KeptFinding implements DigestFinding {
  constructor(
    readonly index: number,
    readonly codes: readonly string[],
    readonly themes: readonly string[],
    readonly text: string,
    readonly memo: string | null,
    private readonly startLine: number,
    private readonly startCharacter: number,
    private readonly endLine: number,
    private readonly endCharacter: number,
  ) {}

  get range(): LineRange {
    return { start: { line: this.startLine, character: this.startCharacter }, end: { line: this.endLine, character: this.endCharacter } };
  }
}

/** Lists of names shared by value; bounded, so that a corpus of endless distinct lists costs no more than keeping each. */
const lists = new Map<string, readonly string[]>();
const MAX_SHARED_LISTS = 4096;

function interned(names: readonly string[]): readonly string[] {
  // JSON: no two lists share a key (a name may hold any character, NUL too).
  const key = JSON.stringify(names);
  const known = lists.get(key);
  if (known) return known;
  const list = Object.freeze(names.map(ownCopy));
  if (lists.size < MAX_SHARED_LISTS) lists.set(key, list);
  return list;
}
