// Checks every message the extension sends the comparison before it is used:
// the webview trusts nothing it is given. A message of the wrong shape is
// dropped whole; a checked one is a fresh copy. Linear in its size.
import type { ArticleFigures, GroupLabelFigures, PairFigures, PairLabelFigures, SpanScores } from '../../../core/agreement/agreementTypes';
import { PASSAGE_STATUSES, type PassageStatus } from '../../../core/agreement/passageStatus';
import type { CompareCopy, ComparePassage, CompareResult, ComparisonFigures } from '../../../protocol/compare';
import { boundedString, checkedOrDropped, fail, probeOrUnknown, plainObject, stringList, wholeNumber } from '../../messageChecks';
import type { ToCompare } from '../compareMessages';

const TEXT = Number.MAX_SAFE_INTEGER;
const ITEMS = Number.MAX_SAFE_INTEGER;

const string = (value: unknown, what: string): string => boundedString(value, what, TEXT);
const nullableString = (value: unknown, what: string): string | null => (value === null ? null : string(value, what));
const nullableNumber = (value: unknown, what: string): number | null => (value === null ? null : wholeNumber(value, what));
const strings = (value: unknown, what: string): string[] => stringList(value, what, ITEMS, TEXT);

function list<T>(value: unknown, what: string, item: (value: unknown, at: string) => T): T[] {
  if (!Array.isArray(value)) fail(`${what} is not a list`);
  return value.map((entry, i) => item(entry, `${what}[${i}]`));
}

function numbers(value: unknown, what: string): number[] {
  return list(value, what, (n, at) => wholeNumber(n, at));
}

/** A coefficient: a finite number, or null where it is undefined. */
function coefficient(value: unknown, what: string): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${what} is not a number or null`);
  return value;
}

function status(value: unknown, what: string): PassageStatus {
  if (!PASSAGE_STATUSES.includes(value as PassageStatus)) fail(`${what} is not a status`);
  return value as PassageStatus;
}

function range(value: unknown, what: string): ComparePassage['source']['span'] {
  const o = plainObject(value, what);
  const point = (p: unknown, at: string) => {
    const q = plainObject(p, at);
    return { line: wholeNumber(q.line, `${at}.line`), character: wholeNumber(q.character, `${at}.character`) };
  };
  return { start: point(o.start, `${what}.start`), end: point(o.end, `${what}.end`) };
}

function passage(value: unknown, what: string, length: number): ComparePassage {
  const o = plainObject(value, what);
  const start = wholeNumber(o.start, `${what}.start`, length);
  const end = wholeNumber(o.end, `${what}.end`, length);
  if (end < start) fail(`${what} ends before it starts`);
  const source = plainObject(o.source, `${what}.source`);
  return {
    index: wholeNumber(o.index, `${what}.index`),
    start,
    end,
    codes: strings(o.codes, `${what}.codes`),
    themes: strings(o.themes, `${what}.themes`),
    attributes: list(o.attributes, `${what}.attributes`, (a, at) => {
      const attribute = plainObject(a, at);
      return { key: string(attribute.key, `${at}.key`), value: string(attribute.value, `${at}.value`) };
    }),
    memo: nullableString(o.memo, `${what}.memo`),
    id: nullableString(o.id, `${what}.id`),
    parent: nullableNumber(o.parent, `${what}.parent`),
    depth: wholeNumber(o.depth, `${what}.depth`),
    source: { span: range(source.span, `${what}.source.span`), text: range(source.text, `${what}.source.text`), close: range(source.close, `${what}.source.close`) },
    status: status(o.status, `${what}.status`),
    versus: list(o.versus, `${what}.versus`, (v, at) => {
      const against = plainObject(v, at);
      return { annotator: string(against.annotator, `${at}.annotator`), status: status(against.status, `${at}.status`) };
    }),
  };
}

function copy(value: unknown, what: string, length: number): CompareCopy {
  const o = plainObject(value, what);
  const counts = plainObject(o.counts, `${what}.counts`);
  return {
    annotator: string(o.annotator, `${what}.annotator`),
    path: string(o.path, `${what}.path`),
    uri: string(o.uri, `${what}.uri`),
    passages: list(o.passages, `${what}.passages`, (p, at) => passage(p, at, length)),
    counts: Object.fromEntries(PASSAGE_STATUSES.map((s) => [s, wholeNumber(counts[s], `${what}.counts.${s}`)])) as Record<PassageStatus, number>,
  };
}

function scores(value: unknown, what: string): SpanScores {
  const o = plainObject(value, what);
  return { matches: wholeNumber(o.matches, `${what}.matches`), precision: coefficient(o.precision, `${what}.precision`), recall: coefficient(o.recall, `${what}.recall`), f1: coefficient(o.f1, `${what}.f1`) };
}

function pairLabel(value: unknown, what: string): PairLabelFigures {
  const o = plainObject(value, what);
  const spans = numbers(o.spans, `${what}.spans`);
  if (spans.length !== 2) fail(`${what}.spans is not a pair`);
  const characters = plainObject(o.characters, `${what}.characters`);
  const counts = plainObject(o.counts, `${what}.counts`);
  return {
    label: nullableString(o.label, `${what}.label`),
    spans: [spans[0], spans[1]],
    characters: {
      both: wholeNumber(characters.both, `${what}.characters.both`),
      onlyFirst: wholeNumber(characters.onlyFirst, `${what}.characters.onlyFirst`),
      onlySecond: wholeNumber(characters.onlySecond, `${what}.characters.onlySecond`),
      neither: wholeNumber(characters.neither, `${what}.characters.neither`),
    },
    cohenKappa: coefficient(o.cohenKappa, `${what}.cohenKappa`),
    scottPi: coefficient(o.scottPi, `${what}.scottPi`),
    krippendorffAlpha: coefficient(o.krippendorffAlpha, `${what}.krippendorffAlpha`),
    unitizingAlpha: coefficient(o.unitizingAlpha, `${what}.unitizingAlpha`),
    exact: scores(o.exact, `${what}.exact`),
    overlap: scores(o.overlap, `${what}.overlap`),
    counts: {
      exact: wholeNumber(counts.exact, `${what}.counts.exact`),
      boundary: wholeNumber(counts.boundary, `${what}.counts.boundary`),
      ...(counts.label === undefined ? {} : { label: wholeNumber(counts.label, `${what}.counts.label`) }),
      onlyFirst: wholeNumber(counts.onlyFirst, `${what}.counts.onlyFirst`),
      onlySecond: wholeNumber(counts.onlySecond, `${what}.counts.onlySecond`),
    },
  };
}

function pair(value: unknown, what: string): PairFigures {
  const o = plainObject(value, what);
  return {
    first: string(o.first, `${what}.first`),
    second: string(o.second, `${what}.second`),
    articles: wholeNumber(o.articles, `${what}.articles`),
    length: wholeNumber(o.length, `${what}.length`),
    labels: list(o.labels, `${what}.labels`, pairLabel),
  };
}

function groupLabel(value: unknown, what: string): GroupLabelFigures {
  const o = plainObject(value, what);
  return {
    label: nullableString(o.label, `${what}.label`),
    spans: numbers(o.spans, `${what}.spans`),
    fleissKappa: coefficient(o.fleissKappa, `${what}.fleissKappa`),
    krippendorffAlpha: coefficient(o.krippendorffAlpha, `${what}.krippendorffAlpha`),
    unitizingAlpha: coefficient(o.unitizingAlpha, `${what}.unitizingAlpha`),
  };
}

function article(value: unknown, what: string): ArticleFigures {
  const o = plainObject(value, what);
  const figures = plainObject(o.figures, `${what}.figures`);
  return {
    fingerprint: string(o.fingerprint, `${what}.fingerprint`),
    length: wholeNumber(o.length, `${what}.length`),
    reports: list(o.reports, `${what}.reports`, (r, at) => {
      const report = plainObject(r, at);
      return { path: string(report.path, `${at}.path`), annotator: string(report.annotator, `${at}.annotator`) };
    }),
    figures: {
      annotators: strings(figures.annotators, `${what}.figures.annotators`),
      articles: wholeNumber(figures.articles, `${what}.figures.articles`),
      length: wholeNumber(figures.length, `${what}.figures.length`),
      unitizingArticles: wholeNumber(figures.unitizingArticles, `${what}.figures.unitizingArticles`),
      labels: list(figures.labels, `${what}.figures.labels`, groupLabel),
      pairs: list(figures.pairs, `${what}.figures.pairs`, pair),
    },
  };
}

function comparisonFigures(value: unknown): ComparisonFigures {
  const o = plainObject(value, 'figures');
  return {
    unit: string(o.unit, 'figures.unit'),
    matching: string(o.matching, 'figures.matching'),
    characterUnits: string(o.characterUnits, 'figures.characterUnits'),
    undefinedValues: string(o.undefinedValues, 'figures.undefinedValues'),
    labels: strings(o.labels, 'figures.labels'),
    article: article(o.article, 'figures.article'),
  };
}

function result(value: unknown): CompareResult {
  const o = plainObject(value, 'result');
  const cleanText = string(o.cleanText, 'result.cleanText');
  const copies = list(o.copies, 'result.copies', (c, at) => copy(c, at, cleanText.length));
  if (copies.length < 2) fail('result.copies has fewer than two copies');
  return {
    fingerprint: string(o.fingerprint, 'result.fingerprint'),
    current: o.current === null ? null : wholeNumber(o.current, 'result.current', copies.length - 1),
    cleanText,
    length: wholeNumber(o.length, 'result.length'),
    copies,
    figures: comparisonFigures(o.figures),
    codes: list(o.codes, 'result.codes', (c, at) => {
      const code = plainObject(c, at);
      return { name: string(code.name, `${at}.name`), label: string(code.label, `${at}.label`), color: string(code.color, `${at}.color`), passages: wholeNumber(code.passages, `${at}.passages`) };
    }),
    themes: list(o.themes, 'result.themes', (t, at) => {
      const theme = plainObject(t, at);
      return { name: string(theme.name, `${at}.name`), label: string(theme.label, `${at}.label`), passages: wholeNumber(theme.passages, `${at}.passages`) };
    }),
  };
}

function toCompare(raw: unknown): ToCompare {
  const o = plainObject(raw, 'the message');
  switch (o.type) {
    case 'model':
      return { type: 'model', seq: wholeNumber(o.seq, 'seq'), uri: string(o.uri, 'uri'), title: string(o.title, 'title'), result: result(o.result), shown: strings(o.shown, 'shown') };
    case 'notice':
      return { type: 'notice', seq: wholeNumber(o.seq, 'seq'), text: string(o.text, 'text') };
    default:
      return probeOrUnknown(o);
  }
}

/** A checked copy of a message to the comparison, or null (the reason goes to the console) for anything else. */
export function parseToCompare(raw: unknown): ToCompare | null {
  return checkedOrDropped('compare annotations', () => toCompare(raw));
}
