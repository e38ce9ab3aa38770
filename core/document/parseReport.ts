import { buildCleanText } from './cleanText';
import { readFrontMatter } from './frontMatter';
import { scanSpans, type RawSpan } from './spanScanner';
import type { ReportDocument, Span } from './types';

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
  const clean = buildCleanText(text, split.bodyStart, scan.spans);
  const spans = nestSpans(scan.spans, clean.toClean);
  return {
    text,
    hasBom,
    frontMatter: split.frontMatter,
    bodyStart: split.bodyStart,
    spans,
    get cleanText() {
      return clean.text;
    },
    problems: [...split.problems, ...scan.problems].sort((a, b) => a.range.start - b.range.start),
    cleanToSource: clean.toSource,
    sourceToClean: clean.toClean,
  };
}

/** Orders spans by their opening bracket and links each to its enclosing span. */
function nestSpans(raw: readonly RawSpan[], toClean: (offset: number) => number): Span[] {
  const ordered = [...raw].sort((a, b) => a.open - b.open);
  const spans: Span[] = [];
  const enclosing: Span[] = [];
  ordered.forEach((span, index) => {
    while (enclosing.length > 0 && enclosing[enclosing.length - 1].range.end <= span.open) enclosing.pop();
    const parent = enclosing[enclosing.length - 1];
    const textRange = { start: span.open + 1, end: span.close };
    const node: Span = {
      index,
      range: { start: span.open, end: span.end },
      textRange,
      attributeRange: { start: span.attributeStart, end: span.end },
      codes: span.codes,
      ids: span.ids,
      attributes: span.attributes,
      parent: parent?.index,
      depth: enclosing.length,
      clean: { start: toClean(textRange.start), end: toClean(textRange.end) },
    };
    spans.push(node);
    enclosing.push(node);
  });
  return spans;
}
