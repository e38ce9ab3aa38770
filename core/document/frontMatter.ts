import type { Document as YamlDocument, Node as YamlNode, Pair } from 'yaml';
import type { OffsetRange } from '../text/range';
import { readSimpleFrontMatter } from './simpleFrontMatter';
import { composeYaml } from './yamlCompose';
import { YAML_LIMITS, type BeyondLimits } from './yamlLimits';
import { yamlPackage } from './yamlPackage';
import type { FieldItem, FieldNode, FrontMatter, ParseProblem } from './types';

export interface FrontMatterSplit {
  readonly frontMatter: FrontMatter | undefined;
  readonly bodyStart: number;
  readonly problems: ParseProblem[];
}

const OPENING = /---[ \t]*\r?\n/y;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Finds the front matter at `start` (just after any BOM) and parses it.
 * Without a closing delimiter the block is taken to end at the first blank
 * line, so the article after it is still parsed.
 */
export function readFrontMatter(text: string, start: number): FrontMatterSplit {
  OPENING.lastIndex = start;
  const opening = OPENING.exec(text);
  if (!opening) {
    return {
      frontMatter: undefined,
      bodyStart: start,
      problems: [{
        code: 'frontmatter-missing',
        message: 'The report has no front matter: it must start with a line `---`, the YAML fields, and a closing `---`.',
        range: { start, end: start + firstLineLength(text, start) },
      }],
    };
  }
  const contentStart = start + opening[0].length;
  const problems: ParseProblem[] = [];
  let contentEnd = -1;
  let blockEnd = -1;
  let lineStart = contentStart;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    // Only a line starting `---` or `...` can close the block: test the others without slicing them.
    const first = text.charCodeAt(lineStart);
    if ((first === DASH || first === DOT) && CLOSING.test(lineAt(text, lineStart, newline))) {
      contentEnd = lineStart;
      blockEnd = newline === -1 ? text.length : newline + 1;
      break;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  const closed = contentEnd !== -1;
  if (!closed) {
    const firstBlank = firstBlankLine(text, contentStart);
    contentEnd = firstBlank === -1 ? text.length : firstBlank;
    blockEnd = contentEnd;
    problems.push({
      code: 'frontmatter-unclosed',
      message: 'The front matter is not closed: add a line `---` after the last field.',
      range: { start, end: start + 3 },
    });
  }
  // Plain front matter takes the fast reader; anything else, the full YAML parser.
  const simple = readSimpleFrontMatter(text, contentStart, contentEnd);
  const { fields, isMapping } = simple ? { fields: simple, isMapping: true } : readYamlFields(text, contentStart, contentEnd, problems);
  return {
    frontMatter: { range: { start, end: blockEnd }, contentRange: { start: contentStart, end: contentEnd }, closed, fields, isMapping },
    bodyStart: blockEnd,
    problems,
  };
}

/** Reads the fields with the `yaml` package, reporting its errors as problems. */
export function readYamlFields(text: string, contentStart: number, contentEnd: number, problems: ParseProblem[]): { fields: FieldNode[]; isMapping: boolean } {
  const composed = composeFrontMatter(text, contentStart, contentEnd);
  if ('beyond' in composed) {
    const { reason, start, end } = composed.beyond;
    problems.push({
      code: 'frontmatter-too-complex',
      message: `The front matter is too complex to read: ${reason}. Write plain \`field: value\` lines.`,
      range: clampRange(contentStart + start, contentStart + end, contentEnd),
    });
    return { fields: [], isMapping: false };
  }
  const yaml = composed.doc;
  const errors = yaml.errors;
  for (const error of errors) {
    problems.push({
      code: 'yaml-syntax',
      message: `YAML: ${firstSentence(error.message)}`,
      range: clampRange(contentStart + error.pos[0], contentStart + Math.max(error.pos[1], error.pos[0] + 1), contentEnd),
    });
  }
  if (errors.length === 0) for (const problem of unresolvedAliases(yaml, contentStart)) problems.push(problem);
  const root = yaml.contents;
  const isMapping = root === null || yamlPackage().isMap(root);
  const source: YamlSource = { doc: yaml, base: contentStart, text, problems };
  const fields = yamlPackage().isMap(root) ? readPairs(root.items, source) : [];
  if (!isMapping && errors.length === 0) {
    problems.push({
      code: 'yaml-syntax',
      message: 'The front matter must be a mapping of `field: value` lines.',
      range: rangeOf(root as YamlNode, source) ?? { start: contentStart, end: contentEnd },
    });
  }
  return { fields, isMapping };
}

/** The YAML composed, or why and where it is beyond YAML_LIMITS (its length first: the parser itself takes time). */
function composeFrontMatter(text: string, contentStart: number, contentEnd: number): { doc: YamlDocument.Parsed } | { beyond: BeyondLimits } {
  if (contentEnd - contentStart > YAML_LIMITS.length) {
    return { beyond: { reason: `it is longer than ${YAML_LIMITS.length / 1024} KB`, start: 0, end: lineEndFrom(text, contentStart, contentEnd) - contentStart } };
  }
  return composeYaml(text.slice(contentStart, contentEnd));
}

/** The end of the line at `start`, within `end`: where a problem about a whole block is shown. */
function lineEndFrom(text: string, start: number, end: number): number {
  let at = start;
  while (at < end && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
  return at === start ? Math.min(end, start + 1) : at;
}

/** The parsed YAML, where its text starts in the report, and the report's text. */
interface YamlSource {
  readonly doc: YamlDocument.Parsed;
  readonly base: number;
  readonly text: string;
  /** Where values whose aliases expand too far are reported. */
  readonly problems: ParseProblem[];
}

function readPairs(pairs: readonly Pair[], source: YamlSource): FieldNode[] {
  const { isMap, isScalar, isSeq } = yamlPackage();
  const fields: FieldNode[] = [];
  for (const pair of pairs) {
    const key = pair.key as YamlNode | null;
    if (!key || !isScalar(key)) continue;
    const keyRange = rangeOf(key, source);
    if (!keyRange) continue;
    const valueNode = pair.value as YamlNode | null;
    const valueRange = (valueNode && rangeOf(valueNode, source)) ?? emptyValueRange(keyRange.end, source);
    const field: FieldNode = {
      key: String(key.value),
      keyRange,
      valueRange,
      value: valueNode ? plainValue(valueNode, source) : null,
      children: valueNode && isMap(valueNode) ? readPairs(valueNode.items, source) : undefined,
      items: valueNode && isSeq(valueNode) ? readItems(valueNode.items as YamlNode[], source) : undefined,
    };
    fields.push(field);
  }
  return fields;
}

function readItems(items: readonly YamlNode[], source: YamlSource): FieldItem[] {
  const result: FieldItem[] = [];
  for (const item of items) {
    const range = rangeOf(item, source);
    if (range) result.push({ value: plainValue(item, source), range });
  }
  return result;
}

/** A node's range in the report; block collections end at their last character, not on the next line. */
function rangeOf(node: YamlNode, { base, text }: YamlSource): OffsetRange | undefined {
  if (!node.range) return undefined;
  const start = base + node.range[0];
  let end = base + node.range[1];
  while (end > start && /[ \t\r\n]/.test(text[end - 1])) end--;
  return { start, end };
}

/** An empty range just after the colon that follows a key; at the key's end when (in broken YAML) there is none. */
function emptyValueRange(keyEnd: number, { text }: YamlSource): OffsetRange {
  let at = keyEnd;
  while (text[at] === ' ' || text[at] === '\t') at++;
  const offset = text[at] === ':' ? at + 1 : keyEnd;
  return { start: offset, end: offset };
}

/** A node's JavaScript value with aliases resolved (`toJSON` alone turns `*a` into `{ source: 'a' }`). */
function plainValue(node: YamlNode, source: YamlSource): unknown {
  try {
    return node.toJS(source.doc, { maxAliasCount: YAML_LIMITS.aliases });
  } catch (error) {
    // An unresolved alias is reported by unresolvedAliases; an alias that expands too far, here.
    if (error instanceof ReferenceError && /alias count/i.test(error.message) && node.range) {
      source.problems.push({ code: 'frontmatter-too-complex', message: 'The front matter is too complex to read: its aliases expand too far. Write the values out.', range: { start: source.base + node.range[0], end: source.base + node.range[1] } });
    }
    return null;
  }
}

/**
 * Aliases without an anchor before them: YAML errors the parser itself does
 * not report. One walk in document order, remembering the anchors met (the
 * package's own look-up walks the whole document once per alias).
 */
function unresolvedAliases(doc: YamlDocument.Parsed, base: number): ParseProblem[] {
  const { isAlias, visit } = yamlPackage();
  const problems: ParseProblem[] = [];
  const anchors = new Set<string>();
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) {
        if (!anchors.has(node.source) && node.range) {
          problems.push({ code: 'yaml-syntax', message: `YAML: The alias \`*${node.source}\` has no anchor \`&${node.source}\` before it.`, range: { start: base + node.range[0], end: base + node.range[1] } });
        }
      } else if (node.anchor) {
        anchors.add(node.anchor);
      }
    },
  });
  return problems;
}

const DASH = 45;
const DOT = 46;

/** The line starting at `lineStart` (ending at `newline`, or the end), without its line break. */
function lineAt(text: string, lineStart: number, newline: number): string {
  let lineEnd = newline === -1 ? text.length : newline;
  if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  return text.slice(lineStart, lineEnd);
}

/** Where the first blank line from `start` begins; -1 when there is none. */
function firstBlankLine(text: string, start: number): number {
  let lineStart = start;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    if (lineAt(text, lineStart, newline).trim() === '') return lineStart;
    if (newline === -1) return -1;
    lineStart = newline + 1;
  }
  return -1;
}

function clampRange(start: number, end: number, limit: number): OffsetRange {
  const s = Math.min(start, limit);
  return { start: s, end: Math.max(s, Math.min(end, limit)) };
}

function firstLineLength(text: string, start: number): number {
  const newline = text.indexOf('\n', start);
  const end = newline === -1 ? text.length : newline;
  return Math.max(0, (text.charCodeAt(end - 1) === 13 ? end - 1 : end) - start);
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0];
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
