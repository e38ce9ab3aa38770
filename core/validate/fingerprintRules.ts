import { articleFingerprint } from '../document/articleFingerprint';
import { TEXT_FINGERPRINT_FIELD } from '../document/formatFields';
import type { FieldNode, ReportDocument } from '../document/types';
import type { Fix } from '../diagnostics/diagnostic';
import type { RuleTable } from '../diagnostics/rule';
import { isFingerprint } from '../text/fingerprint';
import { lineStartOf, nextLineBreak } from '../text/lineBreaks';
import { LineIndex } from '../text/lineIndex';
import type { RuleContext } from './context';
import { replaceFix } from './fixes';

export const FINGERPRINT_RULES = {
  'text-fingerprint': { severity: 'error', description: 'The article text no longer matches the fingerprint recorded in `text_sha256`, or that value is not a SHA-256.' },
} as const satisfies RuleTable;

type Context = RuleContext<keyof typeof FINGERPRINT_RULES>;

/** The front-matter mapping that holds the source file's path, and its key there. */
const SOURCE_FIELD = 'source';
const SOURCE_FILE_FIELD = 'file';

/**
 * The recorded fingerprint against the clean text. `sourceText`, the text of
 * the report's `source.file` when the front end could read it, places a
 * mismatch on the first line that differs from it.
 */
export function checkFingerprint(context: Context, sourceText: string | undefined): void {
  const { document } = context;
  const field = fingerprintField(document);
  if (!field) return;
  const recorded = field.value;
  if (!isFingerprint(recorded)) {
    context.report('text-fingerprint', field.valueRange, `\`${TEXT_FINGERPRINT_FIELD}\` must be the article text's SHA-256: 64 lowercase hex digits (0-9, a-f), not ${describe(recorded)}.`,
      [recordFix(field, articleFingerprint(document), 'Record the fingerprint of the article text')]);
    return;
  }
  const current = articleFingerprint(document);
  if (recorded === current) return;
  const accept = recordFix(field, current, 'Accept the edited text');
  const file = sourceFileOf(document);
  const changed = sourceText === undefined || file === undefined ? undefined : firstChangedLine(document, sourceText);
  if (changed) {
    context.report('text-fingerprint', changed.range,
      `The article text no longer matches its fingerprint (\`${TEXT_FINGERPRINT_FIELD}\`): this line differs from line ${changed.sourceLine} of the source (${file}).`, [accept]);
  } else if (sourceText !== undefined && file !== undefined) {
    context.report('text-fingerprint', field.valueRange,
      `The article text is the same as its source (${file}), but not what \`${TEXT_FINGERPRINT_FIELD}\` records: the recorded value is wrong.`, [recordFix(field, current, 'Record the fingerprint of the article text')]);
  } else {
    context.report('text-fingerprint', field.valueRange,
      `The article text no longer matches its fingerprint (\`${TEXT_FINGERPRINT_FIELD}\`): it was changed after the fingerprint was recorded.`, [accept]);
  }
}

/**
 * The `source.file` to read for a report, or undefined when there is no
 * point: only when a well-formed fingerprint no longer matches the text, so
 * that checking a report reads its source only when that finds the change.
 */
export function sourceFileToCompare(document: ReportDocument): string | undefined {
  const file = sourceFileOf(document);
  if (file === undefined) return undefined;
  const recorded = fingerprintField(document)?.value;
  return isFingerprint(recorded) && recorded !== articleFingerprint(document) ? file : undefined;
}

/** The path in the report's `source.file` (relative to the report's folder), when it is text. */
export function sourceFileOf(document: ReportDocument): string | undefined {
  const source = topField(document, SOURCE_FIELD);
  const file = source?.children?.find((child) => child.key === SOURCE_FILE_FIELD)?.value;
  return typeof file === 'string' && file.trim() !== '' ? file : undefined;
}

function fingerprintField(document: ReportDocument): FieldNode | undefined {
  return topField(document, TEXT_FINGERPRINT_FIELD);
}

function topField(document: ReportDocument, key: string): FieldNode | undefined {
  const frontMatter = document.frontMatter;
  return frontMatter?.isMapping ? frontMatter.fields.find((field) => field.key === key) : undefined;
}

/** Writes a fingerprint over the recorded value, and nothing else (quoted: YAML reads some hex strings as numbers). */
function recordFix(field: FieldNode, fingerprint: string, title: string): Fix {
  // A missing value's range is empty, right after the colon: YAML needs a blank before the value.
  const blank = field.valueRange.start === field.valueRange.end && field.valueRange.start === field.keyRange.end + 1 ? ' ' : '';
  // Never preferred: "fix all" must not bless an edit of the article.
  return replaceFix(title, field.valueRange, `${blank}"${fingerprint}"`, false);
}

/**
 * The report line where the clean text first differs from the source, and
 * that line's number in the source (1-based); undefined when they are equal.
 * One pass over the common prefix; the line numbers are counted only then.
 */
function firstChangedLine(document: ReportDocument, source: string): { range: { start: number; end: number }; sourceLine: number } | undefined {
  const clean = document.cleanText;
  const common = Math.min(clean.length, source.length);
  let at = 0;
  while (at < common && clean.charCodeAt(at) === source.charCodeAt(at)) at++;
  if (at === clean.length && at === source.length) return undefined;
  const text = document.text;
  const start = lineStartOf(text, document.cleanToSource(lineStartOf(clean, at)));
  const range = { start, end: nextLineBreak(text, start) };
  return { range, sourceLine: new LineIndex(source).position(at).line + 1 };
}

function describe(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'an empty value';
  if (typeof value === 'string') return `\`${value.length > 80 ? `${value.slice(0, 80)}…` : value}\``;
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `the ${typeof value} ${String(value)}`;
}
