import { CleanText, spanCleanRanges } from './cleanText';
import { readFrontMatter } from './frontMatter';
import { scanSpans, type RawSpan } from './spanScanner';
import type { FrontMatter, ParseProblem, ReportDocument, Span } from './types';

const BOM = 0xfeff;

/**
 * Parses an annotated report. Never throws: malformed input yields
 * problems with exact ranges, and everything after them is still read.
 */
export function parseReport(text: string): ReportDocument {
  const hasBom = text.charCodeAt(0) === BOM;
  const start = hasBom ? 1 : 0;
  const split = readFrontMatter(text, start);
  const scan = scanSpans(text, split.bodyStart);
  const clean = new CleanText(text, split.bodyStart, scan.byOpen, scan.spans);
  const spans = nestSpans(split.bodyStart, scan.byOpen, scan.spans);
  const problems = split.problems.length === 0 ? scan.problems : [...split.problems, ...scan.problems];
  if (problems.length > 1) problems.sort((a, b) => a.range.start - b.range.start);
  return new ParsedReport(text, hasBom, split.frontMatter, split.bodyStart, spans, problems, clean);
}

/**
 * A class, so that the clean text's getter sits on the prototype: V8 gives an
 * object literal with a getter long-lived storage, and everything it points
 * at (the spans, the offset tables) then survives into the old generation,
 * which made garbage collection a large part of checking many reports.
 */
class ParsedReport implements ReportDocument {
  constructor(
    readonly text: string,
    readonly hasBom: boolean,
    readonly frontMatter: FrontMatter | undefined,
    readonly bodyStart: number,
    readonly spans: readonly Span[],
    readonly problems: readonly ParseProblem[],
    private readonly clean: CleanText,
  ) {}

  get cleanText(): string {
    return this.clean.text();
  }

  cleanToSource(offset: number): number {
    return this.clean.toSource(offset);
  }

  sourceToClean(offset: number): number {
    return this.clean.toClean(offset);
  }
}

/** Links each span (in the order of their `[`) to its enclosing span. */
function nestSpans(bodyStart: number, byOpen: readonly RawSpan[], byClose: readonly RawSpan[]): Span[] {
  const clean = spanCleanRanges(bodyStart, byOpen, byClose);
  const spans: Span[] = [];
  const enclosing: Span[] = [];
  for (let index = 0; index < byOpen.length; index++) {
    const span = byOpen[index];
    while (enclosing.length > 0 && enclosing[enclosing.length - 1].range.end <= span.open) enclosing.pop();
    const parent = enclosing[enclosing.length - 1];
    const node: Span = {
      index,
      range: { start: span.open, end: span.end },
      textRange: { start: span.open + 1, end: span.close },
      attributeRange: { start: span.attributeStart, end: span.end },
      codes: span.codes,
      ids: span.ids,
      attributes: span.attributes,
      parent: parent?.index,
      depth: enclosing.length,
      clean: { start: clean.starts[index], end: clean.ends[span.closeOrder] },
    };
    spans.push(node);
    enclosing.push(node);
  }
  return spans;
}
